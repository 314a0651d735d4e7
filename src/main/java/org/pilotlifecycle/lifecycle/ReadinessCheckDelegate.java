package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.CheckResult;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Glue of a readiness check: read the phase's variables, run the check, record its outcome. Runs
 * asynchronously: a failure of the check's dependencies is retried and then becomes an incident,
 * while the sign-off before it stays committed.
 */
public abstract class ReadinessCheckDelegate implements JavaDelegate {

  private final CheckRecorder recorder;
  private final String passedVariable;
  private final boolean firstOfPass;

  protected ReadinessCheckDelegate(CheckRecorder recorder, String passedVariable, boolean firstOfPass) {
    this.recorder = recorder;
    this.passedVariable = passedVariable;
    this.firstOfPass = firstOfPass;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recorder.record(execution, check(execution), passedVariable, firstOfPass);
  }

  protected abstract CheckResult check(DelegateExecution execution);

  /** The number, or null when absent or not a finite number: the check then fails with its own reason. */
  protected static BigDecimal decimal(DelegateExecution execution, String name) {
    return ProcessVariables.decimal(execution.getVariable(name));
  }

  protected static Double number(DelegateExecution execution, String name) {
    BigDecimal value = decimal(execution, name);
    return value == null ? null : value.doubleValue();
  }

  protected static Integer whole(DelegateExecution execution, String name) {
    BigDecimal value = decimal(execution, name);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  protected static boolean flag(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  protected static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
