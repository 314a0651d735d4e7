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
 * "Record steering decision" on an escalated monthly review: CONTINUE, PAUSE (not a paused pilot) or RETIRE naming its
 * root cause ({@link RetirementRootCauses}), with a reason.
 */
@Component
class RecordSteeringProductionDecisionDelegate implements JavaDelegate {

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;

  RecordSteeringProductionDecisionDelegate(PilotRegistry registry, PilotAuditTrail auditTrail) {
    this.registry = registry;
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var decision = Decisions.parse(ProductionDecisions.SteeringDecision.class, PRODUCTION_ESCALATION_DECISION,
        variables.raw(PRODUCTION_ESCALATION_DECISION));
    String reason = Reasons.required(PRODUCTION_ESCALATION_REASON, variables.raw(PRODUCTION_ESCALATION_REASON));
    var rootCause = RetirementRootCauses.decide(execution, variables, decision);
    if (decision == ProductionDecisions.SteeringDecision.PAUSE) {
      ProductionDecisions.pausable(PRODUCTION_ESCALATION_DECISION, registry.get(variables.pilotKey()));
      execution.setVariable(PAUSE_REASON, "Steering committee: " + reason);
    } else if (decision == ProductionDecisions.SteeringDecision.RETIRE) {
      execution.setVariable(RETIREMENT_REASON, "Steering committee: " + reason);
    }
    var details = new java.util.LinkedHashMap<String, Object>();
    details.put("escalatedNotes", String.valueOf(variables.raw(ESCALATED_REVIEW_NOTES)));
    RetirementRootCauses.put(details, rootCause);
    auditTrail.record(variables.pilotKey(), AuditRecord.of(AuditEntryType.EXECUTIVE_REVIEW, Pilot.IN_PRODUCTION)
        .name("Steering committee on an escalated review").actor(variables.actor()).outcome(decision.name())
        .reason(reason).details(details));
    execution.setVariable(PRODUCTION_ESCALATION_DECISION, decision.name());
  }
}
