package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.notification.Notifications;
import org.pilotlifecycle.pilot.Pilot;
import org.springframework.stereotype.Component;

/**
 * A re-certification ran past its due date: "Decide on overdue re-certification" is created. The steering committee
 * is told by mail, as of an overdue phase, and the audit trail records RECERTIFICATION_OVERDUE.
 */
@Component("recertificationOverdueListener")
class RecertificationOverdueListener implements TaskListener {

  private final PilotAuditTrail auditTrail;
  private final Notifications notifications;

  RecertificationOverdueListener(PilotAuditTrail auditTrail, Notifications notifications) {
    this.auditTrail = auditTrail;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    var process = task.getExecution();
    Object due = process.getVariable(RECERTIFICATION_DUE_AT);
    notifications.recertificationOverdue(task, due instanceof java.util.Date date ? date.toInstant() : null);
    auditTrail.record((String) process.getVariable(PILOT_KEY), AuditRecord.of(AuditEntryType.RECERTIFICATION_OVERDUE,
        Pilot.IN_PRODUCTION).name("Re-certification")
        .details(Map.of("dueAt", String.valueOf(process.getVariable(RECERTIFICATION_DUE_AT)))));
  }
}
