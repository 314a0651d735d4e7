package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE_TEXT;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.framework.RootCause;

/**
 * The root cause a decision that ends a pilot names, as every such decision records it: in the audit entry's details,
 * and normalised in the process variables the ending reads (removed when the decision does not end the pilot). A stop
 * uses {@code stopRootCause}/{@code stopRootCauseText} ({@link #set(VariableScope, RootCause.Stated)}); a retirement
 * its own pair of variables, through {@link #set(VariableScope, String, String, RootCause.Stated)}.
 */
public final class StopRootCauses {

  private StopRootCauses() {
  }

  /** Adds {@code rootCause}, {@code rootCauseLabel} and (OTHER) {@code rootCauseText} to audit details. */
  public static void put(Map<String, Object> details, RootCause.Stated rootCause) {
    if (rootCause != null) {
      details.put("rootCause", rootCause.cause().name());
      details.put("rootCauseLabel", rootCause.cause().label());
      if (rootCause.text() != null) {
        details.put("rootCauseText", rootCause.text());
      }
    }
  }

  /** The normalised root cause for "Stop pilot"; null removes what a decision that does not stop may have sent. */
  public static void set(VariableScope execution, RootCause.Stated rootCause) {
    set(execution, STOP_ROOT_CAUSE, STOP_ROOT_CAUSE_TEXT, rootCause);
  }

  /** The normalised root cause in the given variables; null removes both. */
  public static void set(VariableScope execution, String causeVariable, String textVariable,
      RootCause.Stated rootCause) {
    if (rootCause == null) {
      execution.removeVariable(causeVariable);
      execution.removeVariable(textVariable);
      return;
    }
    execution.setVariable(causeVariable, rootCause.cause().name());
    if (rootCause.text() == null) {
      execution.removeVariable(textVariable);
    } else {
      execution.setVariable(textVariable, rootCause.text());
    }
  }
}
