package org.pilotlifecycle.fourstage.process;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.stereotype.Component;

/**
 * "Record dashboard review", right after the monthly review and in its transaction: notes and CONTINUE or
 * ESCALATE (400 otherwise, the task stays open). Every review is in the audit trail; an escalation hands its
 * notes on to the steering committee's task.
 */
@Component
class RecordDashboardReviewDelegate implements JavaDelegate {

  private final PilotAuditTrail auditTrail;

  RecordDashboardReviewDelegate(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    String action = variables.choice(DASHBOARD_ACTION);
    if (!"CONTINUE".equals(action) && !"ESCALATE".equals(action)) {
      throw InvalidFieldsException.of(DASHBOARD_ACTION, "choose CONTINUE or ESCALATE");
    }
    String notes = Reasons.required(DASHBOARD_NOTES, variables.raw(DASHBOARD_NOTES));
    boolean escalated = "ESCALATE".equals(action);
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.DASHBOARD_REVIEWED, variables.text(
            org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP))
        .name("Monthly dashboard review").actor(variables.actor()).outcome(action).reason(notes));
    execution.setVariable(DASHBOARD_ESCALATED, escalated);
    if (escalated) {
      execution.setVariable(ESCALATED_DASHBOARD_NOTES, notes);
    }
  }
}
