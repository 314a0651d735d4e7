package org.pilotlifecycle.intake;

import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.HUMAN_IN_THE_LOOP_REQUIRED;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.PILOT_KEY;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.RISK_CLASSIFICATION;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.RISK_TIER;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.RiskTier;
import org.springframework.stereotype.Component;

/**
 * "Record risk tier": keeps the risk decision's outcome on the pilot, and leaves the process the two
 * flags later gates need (the tier and whether a human must stay in the loop).
 */
@Component
class RecordRiskTierDelegate implements JavaDelegate {

  /** The phase or stage the classification happens in, when not at intake. */
  static final String CURRENT_STEP = "currentStep";

  private final PilotRegistry registry;

  RecordRiskTierDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  private static Map<String, Object> classificationInputs(DelegateExecution execution) {
    Map<String, Object> inputs = new java.util.TreeMap<>();
    for (String name : new String[] {PilotIntakeProcess.Variables.AFFECTS_INDIVIDUALS,
        PilotIntakeProcess.Variables.REGULATED_DOMAIN, PilotIntakeProcess.Variables.PROCESSES_PERSONAL_DATA,
        PilotIntakeProcess.Variables.AUTONOMY}) {
      inputs.put(name, String.valueOf(execution.getVariable(name)));
    }
    return inputs;
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
    registry.recordRiskTier((String) execution.getVariable(PILOT_KEY), tier, humanInTheLoop,
        PilotIntakeProcess.RISK_DECISION_ID, classificationInputs(execution));
    execution.setVariable(RISK_TIER, tier.name());
    execution.setVariable(HUMAN_IN_THE_LOOP_REQUIRED, humanInTheLoop);
    execution.removeVariable(RISK_CLASSIFICATION);
  }
}
