package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Plan production operations": what the cards, forms and timers of the pilot in production need. */
@Component
class PlanProductionOperationsDelegate implements JavaDelegate {

  private final org.pilotlifecycle.pilot.PilotRegistry registry;

  PlanProductionOperationsDelegate(org.pilotlifecycle.pilot.PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var pilot = registry.get(execution.getProcessBusinessKey());
    execution.setVariable(PILOT_KEY, pilot.getKey());
    execution.setVariable(PILOT_NAME, pilot.getName());
    execution.setVariable(BUSINESS_UNIT, pilot.getBusinessUnit());
    execution.setVariable(CURRENT_STEP, org.pilotlifecycle.pilot.Pilot.IN_PRODUCTION);
    execution.setVariable(CURRENT_STEP_LABEL, "In production");
    // A pilot in production has been classified; should it not have been, it is treated as high impact.
    execution.setVariable(RISK_TIER, pilot.getRiskTier() == null ? "HIGH" : pilot.getRiskTier().name());
    execution.setVariable(VALUE_CHECKPOINT_INDEX, 0);
    execution.setVariable(OPEN_SIGNAL_COUNT, 0);
  }
}
