package org.pilotlifecycle.intake;

import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.HUMAN_IN_THE_LOOP_REQUIRED;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.PILOT_KEY;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.RISK_CLASSIFICATION;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.RISK_TIER;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.RiskTier;
import org.springframework.stereotype.Component;

/**
 * "Record risk tier": keeps the risk decision's outcome on the pilot, and leaves the process the two
 * flags later gates need (the tier and whether a human must stay in the loop).
 */
@Component("recordRiskTierDelegate")
class RecordRiskTierDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  RecordRiskTierDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object result = execution.getVariable(RISK_CLASSIFICATION);
    if (!(result instanceof Map<?, ?> classification) || classification.get(RISK_TIER) == null) {
      throw new IllegalStateException("The decision " + PilotIntakeProcess.RISK_DECISION_ID
          + " gave no risk tier: every input combination must match a rule");
    }
    RiskTier tier = RiskTier.valueOf(classification.get(RISK_TIER).toString());
    boolean humanInTheLoop = Boolean.TRUE.equals(classification.get(HUMAN_IN_THE_LOOP_REQUIRED));
    registry.recordRiskTier((String) execution.getVariable(PILOT_KEY), tier, humanInTheLoop);
    execution.setVariable(RISK_TIER, tier.name());
    execution.setVariable(HUMAN_IN_THE_LOOP_REQUIRED, humanInTheLoop);
    execution.removeVariable(RISK_CLASSIFICATION);
  }
}
