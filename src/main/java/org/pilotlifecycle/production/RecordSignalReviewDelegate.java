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
 * "Record signal review": CONTINUE, UPDATE, PAUSE (not a paused pilot) or RETIRE naming its root cause
 * ({@link RetirementRootCauses}), with notes. Every open signal of
 * the pilot is handled with the outcome, those that joined the review meanwhile included; SIGNAL_REVIEW in the audit
 * trail names them.
 */
@Component
class RecordSignalReviewDelegate implements JavaDelegate {

  private final PilotRegistry registry;
  private final MonitoringSignals signals;
  private final PilotAuditTrail auditTrail;

  RecordSignalReviewDelegate(PilotRegistry registry, MonitoringSignals signals, PilotAuditTrail auditTrail) {
    this.registry = registry;
    this.signals = signals;
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var outcome = Decisions.parse(ProductionDecisions.SignalReview.class, SIGNAL_REVIEW_OUTCOME,
        variables.raw(SIGNAL_REVIEW_OUTCOME));
    String notes = Reasons.required(SIGNAL_REVIEW_NOTES, variables.raw(SIGNAL_REVIEW_NOTES));
    String key = variables.pilotKey();
    var rootCause = RetirementRootCauses.decide(execution, variables, outcome);
    if (outcome == ProductionDecisions.SignalReview.PAUSE) {
      ProductionDecisions.pausable(SIGNAL_REVIEW_OUTCOME, registry.get(key));
      execution.setVariable(PAUSE_REASON, "Monitoring signals: " + notes);
    } else if (outcome == ProductionDecisions.SignalReview.RETIRE) {
      execution.setVariable(RETIREMENT_REASON, "Monitoring signals: " + notes);
    } else if (outcome == ProductionDecisions.SignalReview.UPDATE) {
      execution.removeVariable(REVALIDATION_FEEDBACK);
    }
    var handled = signals.handleOpen(key, outcome.name());
    var details = new java.util.LinkedHashMap<String, Object>();
    details.put("signals", handled);
    details.put("assessment", variables.text(SIGNAL_ASSESSMENT));
    details.put("recommendation", variables.text(SIGNAL_RECOMMENDATION));
    RetirementRootCauses.put(details, rootCause);
    auditTrail.record(key, AuditRecord.of(AuditEntryType.SIGNAL_REVIEW, Pilot.IN_PRODUCTION).name("Signal review")
        .actor(variables.actor()).outcome(outcome.name()).reason(notes).details(details));
    execution.setVariable(SIGNAL_REVIEW_OUTCOME, outcome.name());
  }
}
