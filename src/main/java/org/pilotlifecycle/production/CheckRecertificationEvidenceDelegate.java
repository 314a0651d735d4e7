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

/** "Check re-certification evidence": the evidence is there; who provided it is kept for the four-eyes rule. */
@Component
class CheckRecertificationEvidenceDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    Reasons.required(RECERTIFICATION_EVIDENCE, variables.raw(RECERTIFICATION_EVIDENCE));
    execution.setVariable(RECERTIFICATION_EVIDENCE_BY, variables.actor());
  }
}
