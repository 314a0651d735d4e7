package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_APPROVED;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_DECISION;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_REASON;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_FEEDBACK;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.framework.Decisions;
import org.pilotlifecycle.framework.GateDecision;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.framework.Step;
import org.springframework.stereotype.Component;

/**
 * "Record gate decision", right after each gate's sign-off task and in its transaction: reads the decision,
 * has {@link GateDecisions} record it (validation, four-eyes, audit trail, the pilot's passed gate), and leaves
 * the process the flag its gateway needs. A refused decision fails the completion (400) and the task stays open.
 */
@Component
class RecordGateDecisionDelegate implements JavaDelegate {

  private final GateDecisions gates;

  RecordGateDecisionDelegate(GateDecisions gates) {
    this.gates = gates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    Step step = variables.step();
    GateDecision decision = Decisions.parse(GateDecision.class, GATE_DECISION, variables.raw(GATE_DECISION));
    String reason = Reasons.optional(GATE_REASON, variables.raw(GATE_REASON));
    gates.record(variables.pilotKey(), step, decision, reason, variables.actor(),
        StepLifecycle.snapshot(execution.getVariables()));
    boolean approved = decision == GateDecision.APPROVE;
    execution.setVariable(GATE_APPROVED, approved);
    execution.removeVariable(GATE_DECISION);
    execution.removeVariable(GATE_REASON);
    if (approved) {
      execution.removeVariable(STEP_FEEDBACK);
    } else {
      execution.setVariable(STEP_FEEDBACK, "The " + step.title() + " gate was rejected by " + variables.actor() + ": " + reason);
    }
  }
}
