package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.engine.StepWorkGuard;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * A pilot on hold does no work: while the steering committee has paused it, no task of its step completes
 * (a refusal naming the pilot's state, 409; 400 in the engine's APIs, the task stays open), so it cannot reach
 * its gate either. "Resume paused pilot" makes it ACTIVE and the work goes on where it stood.
 */
@Component
class OnHoldStepGuard implements StepWorkGuard {

  private final PilotRegistry registry;

  OnHoldStepGuard(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void beforeCompletion(DelegateExecution execution, Step step) {
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    if (pilotKey != null) {
      registry.requireWorkAllowed(pilotKey, "complete \"" + execution.getCurrentActivityName() + "\" of " + step.title()
          + " until the steering committee resumes it");
    }
  }
}
