package org.pilotlifecycle.fourstage.process;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.lifecycle.LifecycleVariables;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Record escalation response": the steering committee's response to an escalated dashboard review, required. */
@Component
class RecordEscalationResponseDelegate implements JavaDelegate {

  private final PilotAuditTrail auditTrail;

  RecordEscalationResponseDelegate(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    String response = Reasons.required(ESCALATION_RESPONSE, variables.raw(ESCALATION_RESPONSE));
    String notes = variables.text(ESCALATED_DASHBOARD_NOTES);
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.STEERING_DECISION,
            variables.text(LifecycleVariables.CURRENT_STEP))
        .name("Dashboard escalation").actor(variables.actor()).outcome("RESPONDED").reason(response)
        .details(notes == null ? null : Map.of("escalatedNotes", notes)));
  }
}
