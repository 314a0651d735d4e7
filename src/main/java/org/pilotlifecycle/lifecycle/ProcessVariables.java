package org.pilotlifecycle.lifecycle;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.framework.Step;

/**
 * The one typed reader of process variables. Forms submit numbers as doubles, longs or text and booleans as
 * booleans or text; every reader here accepts those shapes and answers null (or false) for a value that is
 * absent or cannot be read, leaving it to the rule that needs it to say what is wrong.
 */
public final class ProcessVariables {

  private final VariableScope scope;
  private final String actor;

  private ProcessVariables(VariableScope scope, String actor) {
    this.scope = scope;
    this.actor = actor;
  }

  public static ProcessVariables of(DelegateExecution execution) {
    return new ProcessVariables(execution, CurrentUser.of(execution.getProcessEngineServices()));
  }

  public static ProcessVariables of(DelegateTask task) {
    return new ProcessVariables(task, CurrentUser.of(task.getProcessEngineServices()));
  }

  /** The pilot's key ({@link LifecycleVariables#PILOT_KEY}), the process instance's business key. */
  public String pilotKey() {
    return text(LifecycleVariables.PILOT_KEY);
  }

  /** The phase or stage the pilot is in ({@link LifecycleVariables#CURRENT_STEP}). */
  public Step step() {
    return Step.named(text(LifecycleVariables.CURRENT_STEP));
  }

  /** The authenticated user whose request runs this step, or null for the system (a timer, a job). */
  public String actor() {
    return actor;
  }

  public Object raw(String name) {
    return scope.getVariable(name);
  }

  public String text(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** A decision's choice: stripped and upper-case, "" when absent. */
  public String choice(String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString().strip().toUpperCase(java.util.Locale.ROOT);
  }

  /** The exact decimal, or null when absent, blank or not a finite number. */
  public BigDecimal decimal(String name) {
    return decimal(scope.getVariable(name));
  }

  public Double number(String name) {
    BigDecimal value = decimal(name);
    return value == null ? null : value.doubleValue();
  }

  /** A whole number, or null when absent or not whole. */
  public Integer whole(String name) {
    BigDecimal value = decimal(name);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** True for {@code true} or "true" (any case), false otherwise. */
  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  /** Reads any of the shapes forms submit numbers in; null for what is not a finite number. */
  public static BigDecimal decimal(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
