package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.CheckResult;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_FEEDBACK;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.springframework.stereotype.Component;

/**
 * Keeps a check's outcome on the pilot (audit trail) and gives the process the flag its gateway needs.
 * A failed check's reasons become the feedback the step's work shows when the pilot returns to it.
 */
@Component
public class CheckRecorder {

  private final PilotAuditTrail auditTrail;

  CheckRecorder(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /**
   * @param firstOfPass whether this is the first check after the phase work was submitted: its
   *     outcome replaces older feedback; later checks of the same pass add to it
   */
  public void record(DelegateExecution execution, CheckResult result, String passedVariable, boolean firstOfPass) {
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.CHECK, (String) execution.getVariable(CURRENT_STEP))
            .name(result.check()).outcome(result.passed() ? "PASSED" : "FAILED").reason(result.summary())
            .details(result.facts()));
    execution.setVariable(passedVariable, result.passed());
    Object earlier = firstOfPass ? null : execution.getVariable(STEP_FEEDBACK);
    if (result.passed()) {
      if (firstOfPass) {
        execution.removeVariable(STEP_FEEDBACK);
      }
      return;
    }
    String feedback = "Check " + result.check().toLowerCase().replace('_', ' ') + " failed: " + result.summary();
    execution.setVariable(STEP_FEEDBACK, earlier == null ? feedback : earlier + "\n\n" + feedback);
  }
}
