package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.fourstage.FourStageProperties;
import org.pilotlifecycle.fourstage.GapScores;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.springframework.stereotype.Component;

/** "Record go/no-go outcome": keeps the decision table's outcome on the pilot and in plain variables. */
@Component
class RecordGoNoGoOutcomeDelegate implements JavaDelegate {
  private final PilotAuditTrail auditTrail;
  private final FourStageProperties properties;

  RecordGoNoGoOutcomeDelegate(PilotAuditTrail auditTrail, FourStageProperties properties) {
    this.auditTrail = auditTrail;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object result = execution.getVariable(GO_NO_GO_RESULT);
    if (!(result instanceof Map<?, ?> decision) || decision.get(GO_NO_GO_OUTCOME) == null) {
      throw new IllegalStateException("The decision " + FourStageProcess.GO_NO_GO_DECISION_ID + " gave no outcome");
    }
    String outcome = decision.get(GO_NO_GO_OUTCOME).toString();
    Object carried = decision.get(CARRIED_OVER_DIMENSION);
    String carriedOver = carried == null || carried.toString().isBlank() ? null : carried.toString();
    execution.setVariable(GO_NO_GO_OUTCOME, outcome);
    if (carriedOver == null) {
      execution.removeVariable(CARRIED_OVER_DIMENSION);
    } else {
      execution.setVariable(CARRIED_OVER_DIMENSION, carriedOver);
    }
    execution.removeVariable(GO_NO_GO_RESULT);
    Map<String, Object> facts = GapScores.read(execution).asFacts(properties.dimensionPassScore());
    if (carriedOver != null) {
      facts.put("carriedOverDimension", carriedOver);
    }
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.CHECK, (String) execution.getVariable(CURRENT_STEP))
            .name("GO_NO_GO").outcome(outcome)
            .reason(execution.getVariable(PASSED_DIMENSIONS) + " of 5 dimensions pass"
                + (carriedOver == null ? "" : "; " + carriedOver + " becomes a stage 2 workstream"))
            .details(facts));
  }
}
