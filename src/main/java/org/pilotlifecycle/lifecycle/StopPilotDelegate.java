package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * "Stop pilot": whichever decision stopped it (overdue, no-go, adoption shortfall), with its reason and the root
 * cause it names. The decision's record already refused a stop without one; read again here, so that no path of a
 * deployed diagram stops a pilot without a root cause (a 400 on whichever entrance completed the decision).
 */
@Component
class StopPilotDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  StopPilotDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    RootCause.Stated rootCause = RootCause.required(STOP_ROOT_CAUSE, variables.raw(STOP_ROOT_CAUSE),
        STOP_ROOT_CAUSE_TEXT, variables.raw(STOP_ROOT_CAUSE_TEXT));
    registry.stop(variables.pilotKey(), variables.text(STOP_REASON), rootCause, variables.actor());
  }
}
