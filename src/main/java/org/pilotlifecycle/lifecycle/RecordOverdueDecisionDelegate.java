package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.engine.OrganisationProperties;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Decisions;
import org.pilotlifecycle.framework.DueDates;
import org.pilotlifecycle.framework.OverdueDecision;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.framework.RootCause;
import org.springframework.stereotype.Component;

/**
 * "Record overdue decision", right after the steering committee's task and in its transaction: EXTEND (with
 * a new due date ahead), PAUSE or STOP (naming its root cause), always with a reason. A bad decision refuses the completion (400)
 * and the task stays open; a valid one is in the audit trail.
 */
@Component
class RecordOverdueDecisionDelegate implements JavaDelegate {

  private final PilotAuditTrail auditTrail;
  private final Clock clock;
  private final ZoneId zone;

  RecordOverdueDecisionDelegate(PilotAuditTrail auditTrail, Clock clock, OrganisationProperties organisation) {
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.zone = organisation.timeZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    OverdueDecision decision = Decisions.parse(OverdueDecision.class, OVERDUE_DECISION, variables.raw(OVERDUE_DECISION));
    String reason = Reasons.required(OVERDUE_REASON, variables.raw(OVERDUE_REASON));
    Instant newDue = decision == OverdueDecision.EXTEND
        ? DueDates.future(variables.raw(NEW_DUE_DATE), NEW_DUE_DATE, clock, zone) : null;
    RootCause.Stated rootCause = decision == OverdueDecision.STOP ? RootCause.required(STOP_ROOT_CAUSE,
        variables.raw(STOP_ROOT_CAUSE), STOP_ROOT_CAUSE_TEXT, variables.raw(STOP_ROOT_CAUSE_TEXT)) : null;
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    if (newDue != null) {
      details.put("newDueAt", newDue.toString());
    }
    StopRootCauses.put(details, rootCause);
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.OVERDUE_DECISION, variables.step().name())
        .actor(variables.actor()).outcome(decision.name()).reason(reason)
        .details(details.isEmpty() ? null : details));
    execution.setVariable(OVERDUE_DECISION, decision.name());
    StopRootCauses.set(execution, rootCause);
    if (decision == OverdueDecision.STOP) {
      execution.setVariable(STOP_REASON, reason);
    }
  }
}
