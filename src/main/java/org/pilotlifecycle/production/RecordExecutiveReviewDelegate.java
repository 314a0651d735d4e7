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
 * "Record executive review": notes and CONTINUE, ESCALATE, PAUSE (not a paused pilot) or RETIRE naming its root cause
 * ({@link RetirementRootCauses}); EXECUTIVE_REVIEW, with the root cause in its details.
 */
@Component
class RecordExecutiveReviewDelegate implements JavaDelegate {

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;

  RecordExecutiveReviewDelegate(PilotRegistry registry, PilotAuditTrail auditTrail) {
    this.registry = registry;
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var action = Decisions.parse(ProductionDecisions.ExecutiveReview.class, EXECUTIVE_REVIEW_ACTION,
        variables.raw(EXECUTIVE_REVIEW_ACTION));
    String notes = Reasons.required(EXECUTIVE_REVIEW_NOTES, variables.raw(EXECUTIVE_REVIEW_NOTES));
    var rootCause = RetirementRootCauses.decide(execution, variables, action);
    switch (action) {
      case PAUSE -> {
        ProductionDecisions.pausable(EXECUTIVE_REVIEW_ACTION, registry.get(variables.pilotKey()));
        execution.setVariable(PAUSE_REASON, "Monthly executive review: " + notes);
      }
      case RETIRE -> execution.setVariable(RETIREMENT_REASON, "Monthly executive review: " + notes);
      case ESCALATE -> execution.setVariable(ESCALATED_REVIEW_NOTES, notes);
      case CONTINUE -> { }
    }
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.EXECUTIVE_REVIEW, Pilot.IN_PRODUCTION)
        .name("Monthly executive review").actor(variables.actor()).outcome(action.name()).reason(notes)
        .details(rootCause == null ? null : RetirementRootCauses.put(new java.util.LinkedHashMap<>(), rootCause)));
    execution.setVariable(EXECUTIVE_REVIEW_ACTION, action.name());
  }
}
