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

/** "Check re-validation evidence": a model version, evidence and an accuracy; who provided them is kept. */
@Component
class CheckRevalidationEvidenceDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    String version = variables.text(NEW_MODEL_VERSION) == null ? "" : variables.text(NEW_MODEL_VERSION).strip();
    if (version.isEmpty() || version.length() > 100) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of(NEW_MODEL_VERSION, "name the new model version (at most 100 characters)");
    }
    Reasons.required(REVALIDATION_EVIDENCE, variables.raw(REVALIDATION_EVIDENCE));
    java.math.BigDecimal accuracy = variables.decimal(REVALIDATED_ACCURACY_PERCENT);
    if (accuracy == null || accuracy.signum() < 0 || accuracy.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of(REVALIDATED_ACCURACY_PERCENT, "a percentage between 0 and 100 is required");
    }
    execution.setVariable(REVALIDATION_EVIDENCE_BY, variables.actor());
  }
}
