package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Decisions;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * "Record overdue decision" on a re-certification: EXTEND with a new due date ahead, or PAUSE (not a paused pilot),
 * always with a reason; writes RECERTIFICATION_DECISION to the audit trail.
 */
@Component
class RecordRecertificationOverdueDecisionDelegate implements JavaDelegate {

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final java.time.Clock clock;
  private final java.time.ZoneId zone;

  RecordRecertificationOverdueDecisionDelegate(PilotRegistry registry, PilotAuditTrail auditTrail, java.time.Clock clock,
      org.pilotlifecycle.engine.OrganisationProperties organisation) {
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.zone = organisation.timeZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var decision = Decisions.parse(ProductionDecisions.OverdueRecertification.class, RECERTIFICATION_OVERDUE_DECISION,
        variables.raw(RECERTIFICATION_OVERDUE_DECISION));
    String reason = Reasons.required(RECERTIFICATION_OVERDUE_REASON, variables.raw(RECERTIFICATION_OVERDUE_REASON));
    java.time.Instant newDue = null;
    if (decision == ProductionDecisions.OverdueRecertification.EXTEND) {
      newDue = org.pilotlifecycle.framework.DueDates.future(variables.raw(NEW_RECERTIFICATION_DUE_DATE),
          NEW_RECERTIFICATION_DUE_DATE, clock, zone);
    } else {
      ProductionDecisions.pausable(RECERTIFICATION_OVERDUE_DECISION, registry.get(variables.pilotKey()));
      execution.setVariable(PAUSE_REASON, "Re-certification overdue: " + reason);
    }
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.RECERTIFICATION_DECISION, Pilot.IN_PRODUCTION)
        .name("Overdue re-certification").actor(variables.actor()).outcome(decision.name()).reason(reason)
        .details(newDue == null ? null : java.util.Map.of("newDueAt", newDue.toString())));
    execution.setVariable(RECERTIFICATION_OVERDUE_DECISION, decision.name());
  }
}
