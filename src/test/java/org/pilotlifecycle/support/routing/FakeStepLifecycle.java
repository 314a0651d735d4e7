package org.pilotlifecycle.support.routing;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_DUE_DATE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pilotlifecycle.framework.Step;

/**
 * Stands in for the bean {@code stepLifecycle} both framework diagrams call: a step starts (current step
 * and due date as process variables), its overdue timer's cycle (due after the step's default duration,
 * then weekly), a deliverable is submitted, a step is overdue. Remembers the calls.
 */
public class FakeStepLifecycle {

  /** The reminder period of the overdue timers after the first occurrence. */
  public static final String REMINDER = "P7D";
  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  public final List<String> startedSteps = new ArrayList<>();
  public final List<String> submittedDeliverables = new ArrayList<>();
  public final List<String> overdueSteps = new ArrayList<>();
  /** When each step was last entered. */
  public final Map<String, Instant> startedAt = new HashMap<>();

  /** When a step entered now falls due. */
  public static Instant dueIfStartedNow(Step step) {
    return RoutingDriver.now().plus(step.defaultDuration());
  }

  /** When the step, entered earlier, falls due. */
  public Instant dueOf(Step step) {
    Instant started = startedAt.get(step.name());
    if (started == null) {
      throw new IllegalStateException(step + " has not started");
    }
    return started.plus(step.defaultDuration());
  }

  public void started(DelegateExecution execution, String stepName) {
    Step step = Step.named(stepName);
    startedSteps.add(step.name());
    startedAt.put(step.name(), RoutingDriver.now());
    execution.setVariable(CURRENT_STEP, step.name());
    execution.setVariable(STEP_DUE_DATE, Date.from(dueIfStartedNow(step)));
  }

  public String overdueCycle(DelegateExecution execution, String stepName) {
    return "R3/" + ISO_SECONDS.format(dueIfStartedNow(Step.named(stepName))) + "/" + REMINDER;
  }

  public void deliverableSubmitted(DelegateTask task) {
    submittedDeliverables.add(task.getTaskDefinitionKey());
  }

  public void overdue(DelegateTask task) {
    overdueSteps.add((String) task.getVariable(CURRENT_STEP));
  }
}
