package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Check realised value": the measurements checked and flagged, and who recorded them. */
@Component
class CheckRealisedValueDelegate implements JavaDelegate {

  private final org.pilotlifecycle.pilot.PilotRegistry registry;
  private final RealisedValue realisedValue;

  CheckRealisedValueDelegate(org.pilotlifecycle.pilot.PilotRegistry registry, RealisedValue realisedValue) {
    this.registry = registry;
    this.realisedValue = realisedValue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var readings = realisedValue.read(variables, registry.get(variables.pilotKey()));
    var below = readings.stream().filter(KpiReading::belowTarget).map(KpiReading::kpi).toList();
    execution.setVariable(VALUE_RECORDED_BY, variables.actor());
    execution.setVariable(VALUE_SUMMARY, RealisedValue.summary(readings));
    execution.setVariable(KPIS_BELOW_TARGET, below.isEmpty() ? "none" : String.join(", ", below));
  }
}
