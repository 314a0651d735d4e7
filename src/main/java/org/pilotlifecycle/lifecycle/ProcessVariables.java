package org.pilotlifecycle.lifecycle;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.web.InvalidFieldsException;

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

  /**
   * The exact decimal, or null when absent, blank or not a number; a value that is a number but not a finite
   * one (NaN, an infinity, or beyond what a double holds, such as 1e400) is a form validation error (400).
   */
  public BigDecimal decimal(String name) {
    Object value = scope.getVariable(name);
    BigDecimal decimal = decimal(value);
    if (decimal == null && value != null && notFinite(value)) {
      throw InvalidFieldsException.of(name, "must be a finite number");
    }
    return decimal;
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
    if (notFinite(value)) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

  /** NaN, an infinity (as a double, a float or text), or a number beyond the range of a double. */
  static boolean notFinite(Object value) {
    if (value instanceof Double d) {
      return !Double.isFinite(d);
    }
    if (value instanceof Float f) {
      return !Float.isFinite(f);
    }
    String text = value.toString().strip();
    if (text.matches("(?i)[+-]?(nan|inf|infinity)")) {
      return true;
    }
    try {
      return new BigDecimal(text).abs().compareTo(MAX_DOUBLE) > 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
