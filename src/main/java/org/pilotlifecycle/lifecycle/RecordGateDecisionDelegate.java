package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.Step;

import org.pilotlifecycle.framework.Reasons;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_APPROVED;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_DECISION;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_REASON;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_FEEDBACK;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.springframework.stereotype.Component;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * "Record gate decision", right after each gate's sign-off task and in its transaction: the server
 * validates the decision (a reason is mandatory on reject), enforces the four-eyes principle (whoever
 * submitted the phase's or stage's deliverables cannot approve its gate) and writes the decision with its
 * evidence to the audit trail. A refused decision fails the completion (400) and the task stays open.
 */
@Component
class RecordGateDecisionDelegate implements JavaDelegate {

  static final String APPROVE = "APPROVE";
  static final String REJECT = "REJECT";

  private final PilotAuditTrail auditTrail;
  private final MeterRegistry meters;

  RecordGateDecisionDelegate(PilotAuditTrail auditTrail, MeterRegistry meters) {
    this.auditTrail = auditTrail;
    this.meters = meters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    Step phase = Step.named((String) execution.getVariable(CURRENT_STEP));
    String decision = String.valueOf(execution.getVariable(GATE_DECISION)).strip().toUpperCase();
    if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
      throw InvalidFieldsException.of(GATE_DECISION, "choose APPROVE or REJECT");
    }
    String reason = Reasons.optional(GATE_REASON, execution.getVariable(GATE_REASON));
    if (REJECT.equals(decision) && reason.isEmpty()) {
      throw InvalidFieldsException.of(GATE_REASON, "a reason is required to reject a gate");
    }
    String actor = CurrentUser.of(execution.getProcessEngineServices());
    if (actor == null) {
      throw InvalidFieldsException.refused(GATE_DECISION, "A gate decision needs an authenticated user");
    }
    if (APPROVE.equals(decision)) {
      List<String> submitters = auditTrail.deliverableSubmitters(pilotKey, phase.name());
      if (submitters.contains(actor)) {
        throw InvalidFieldsException.refused(GATE_DECISION, "Four-eyes principle: " + actor
            + " submitted deliverables of " + phase.label() + " and cannot approve its gate; another member of the group must.");
      }
    }
    boolean approved = APPROVE.equals(decision);
    auditTrail.record(pilotKey, AuditRecord.of(AuditEntryType.GATE_DECISION, phase.name())
        .name(phase.kind() + " " + phase.number() + " gate").actor(actor).outcome(approved ? "APPROVED" : "REJECTED")
        .reason(reason.isEmpty() ? null : reason)
        .details(StepLifecycle.snapshot(execution.getVariables())));
    meters.counter("pilot.gate.decisions", "step", phase.name(), "outcome", approved ? "APPROVED" : "REJECTED")
        .increment();
    execution.setVariable(GATE_APPROVED, approved);
    execution.removeVariable(GATE_DECISION);
    execution.removeVariable(GATE_REASON);
    if (approved) {
      execution.removeVariable(STEP_FEEDBACK);
    } else {
      execution.setVariable(STEP_FEEDBACK, "The " + phase.title() + " gate was rejected by " + actor
          + ": " + reason);
    }
  }
}
