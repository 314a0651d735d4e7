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
 * "Record re-certification", the gate: RECERTIFY by someone other than the evidence provider (four-eyes), or REFUSE
 * with a reason, which returns the work to the tech lead. Writes RECERTIFICATION to the audit trail.
 */
@Component
class RecordRecertificationDelegate implements JavaDelegate {

  private final PilotAuditTrail auditTrail;

  RecordRecertificationDelegate(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var decision = Decisions.parse(ProductionDecisions.Recertification.class, RECERTIFICATION_DECISION,
        variables.raw(RECERTIFICATION_DECISION));
    ProductionDecisions.fourEyes(RECERTIFICATION_DECISION, variables.actor(), variables.raw(RECERTIFICATION_EVIDENCE_BY),
        "provided the evidence");
    boolean recertified = decision == ProductionDecisions.Recertification.RECERTIFY;
    String reason = recertified ? Reasons.optional(RECERTIFICATION_REASON, variables.raw(RECERTIFICATION_REASON))
        : Reasons.required(RECERTIFICATION_REASON, variables.raw(RECERTIFICATION_REASON));
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.RECERTIFICATION, Pilot.IN_PRODUCTION)
        .name("Re-certification").actor(variables.actor()).outcome(recertified ? "RECERTIFIED" : "REFUSED").reason(reason)
        .details(java.util.Map.of("evidenceBy", String.valueOf(variables.raw(RECERTIFICATION_EVIDENCE_BY)))));
    execution.setVariable(RECERTIFIED, recertified);
    if (recertified) {
      execution.setVariable(RECERTIFIED_BY, variables.actor());
    } else {
      execution.setVariable(RECERTIFICATION_FEEDBACK, "Refused by " + variables.actor() + ": " + reason);
    }
  }
}
