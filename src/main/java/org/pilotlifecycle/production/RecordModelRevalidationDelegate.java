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
 * "Record model re-validation", the gate of an update: APPROVE by someone other than the evidence provider
 * (four-eyes), or REJECT with a reason, which returns the work to the tech lead. Writes MODEL_REVALIDATION.
 */
@Component
class RecordModelRevalidationDelegate implements JavaDelegate {

  private final PilotAuditTrail auditTrail;

  RecordModelRevalidationDelegate(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var decision = Decisions.parse(ProductionDecisions.Revalidation.class, REVALIDATION_DECISION,
        variables.raw(REVALIDATION_DECISION));
    ProductionDecisions.fourEyes(REVALIDATION_DECISION, variables.actor(), variables.raw(REVALIDATION_EVIDENCE_BY),
        "provided the re-validation evidence");
    boolean approved = decision == ProductionDecisions.Revalidation.APPROVE;
    String reason = approved ? Reasons.optional(REVALIDATION_REASON, variables.raw(REVALIDATION_REASON))
        : Reasons.required(REVALIDATION_REASON, variables.raw(REVALIDATION_REASON));
    String version = variables.text(NEW_MODEL_VERSION).strip();
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.MODEL_REVALIDATION, Pilot.IN_PRODUCTION)
        .name(version).actor(variables.actor()).outcome(approved ? "APPROVED" : "REJECTED").reason(reason)
        .details(java.util.Map.of("evidenceBy", String.valueOf(variables.raw(REVALIDATION_EVIDENCE_BY)),
            "accuracyPercent", String.valueOf(variables.raw(REVALIDATED_ACCURACY_PERCENT)))));
    execution.setVariable(MODEL_REVALIDATED, approved);
    if (approved) {
      execution.setVariable(MODEL_VERSION_IN_PRODUCTION, version);
    } else {
      execution.setVariable(REVALIDATION_FEEDBACK, "Rejected by " + variables.actor() + ": " + reason);
    }
  }
}
