package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/** "Stop pilot": whichever decision stopped it (overdue, no-go, adoption shortfall), with its reason. */
@Component
class StopPilotDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  StopPilotDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    registry.stop(variables.pilotKey(), variables.text(STOP_REASON), variables.actor());
  }
}
