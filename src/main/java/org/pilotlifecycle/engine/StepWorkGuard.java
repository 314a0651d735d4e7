package org.pilotlifecycle.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.framework.Step;

/**
 * Asked before any user task inside a phase's or stage's sub-process completes (see {@link StepWorkGuards}):
 * throws a client-side refusal when the step's work may not be completed now. The refusal leaves the task
 * open (400 in the engine's APIs, through {@link DomainExceptionTranslator}).
 */
public interface StepWorkGuard {

  /** @param execution the user task's execution as its task completes (its current activity is the task) */
  void beforeCompletion(DelegateExecution execution, Step step);
}
