package org.pilotlifecycle.fivephase;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.CURRENT_PHASE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.PHASE_FEEDBACK;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.PILOT_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.fivephase.checks.CheckResult;
import org.pilotlifecycle.pilot.PilotAuditTrail;
import org.pilotlifecycle.pilot.PilotEventRecord;
import org.pilotlifecycle.pilot.PilotEventType;
import org.springframework.stereotype.Component;

/**
 * Keeps a check's outcome on the pilot (audit trail) and gives the process the flag its gateway needs.
 * A failed check's reasons become the feedback the phase work shows when the pilot returns to it.
 */
@Component
class CheckRecorder {

  private final PilotAuditTrail auditTrail;

  CheckRecorder(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /**
   * @param firstOfPass whether this is the first check after the phase work was submitted: its
   *     outcome replaces older feedback; later checks of the same pass add to it
   */
  void record(DelegateExecution execution, CheckResult result, String passedVariable, boolean firstOfPass) {
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        PilotEventRecord.of(PilotEventType.CHECK, (String) execution.getVariable(CURRENT_PHASE))
            .name(result.check()).outcome(result.passed() ? "PASSED" : "FAILED").reason(result.summary())
            .details(result.facts()));
    execution.setVariable(passedVariable, result.passed());
    Object earlier = firstOfPass ? null : execution.getVariable(PHASE_FEEDBACK);
    if (result.passed()) {
      if (firstOfPass) {
        execution.removeVariable(PHASE_FEEDBACK);
      }
      return;
    }
    String feedback = "Check " + result.check().toLowerCase().replace('_', ' ') + " failed: " + result.summary();
    execution.setVariable(PHASE_FEEDBACK, earlier == null ? feedback : earlier + "\n\n" + feedback);
  }
}
