package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/** "Mark pilot in production": the last gate passed; the time to production is recorded. */
@Component
class MarkPilotInProductionDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  MarkPilotInProductionDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.markInProduction(ProcessVariables.of(execution).pilotKey());
  }
}
