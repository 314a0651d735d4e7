package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Put pilot on hold": the pilot is ON_HOLD and its step's reminders are parked. */
@Component
class PutPilotOnHoldDelegate implements JavaDelegate {

  private final SteeringDecisions decisions;

  PutPilotOnHoldDelegate(SteeringDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    decisions.pause(execution.getProcessInstanceId(), variables.pilotKey(), variables.step(), variables.actor(),
        variables.text(OVERDUE_REASON));
    execution.removeVariable(OVERDUE_DECISION);
    execution.removeVariable(NEW_DUE_DATE);
  }
}
