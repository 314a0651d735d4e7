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
 * "Record resume decision": RESUME or RETIRE naming its root cause ({@link RetirementRootCauses}), with notes. No
 * audit entry of its own: a resumption is RESUMED_IN_PRODUCTION, a retirement RETIRED with the root cause.
 */
@Component
class RecordResumeDecisionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var decision = Decisions.parse(ProductionDecisions.Resume.class, RESUME_DECISION, variables.raw(RESUME_DECISION));
    String notes = Reasons.required(RESUME_NOTES, variables.raw(RESUME_NOTES));
    RetirementRootCauses.decide(execution, variables, decision);
    if (decision == ProductionDecisions.Resume.RETIRE) {
      execution.setVariable(RETIREMENT_REASON, "Retired while paused: " + notes);
    }
    execution.setVariable(RESUME_DECISION, decision.name());
  }
}
