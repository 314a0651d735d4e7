package org.pilotlifecycle.lifecycle;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE_TEXT;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.framework.RootCause;

/**
 * The root cause a stop decision names, as every decision that can stop a pilot records it: in the audit entry's
 * details, and normalised in the process variables "Stop pilot" reads (removed when the decision does not stop).
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
    if (rootCause == null) {
      execution.removeVariable(STOP_ROOT_CAUSE);
      execution.removeVariable(STOP_ROOT_CAUSE_TEXT);
      return;
    }
    execution.setVariable(STOP_ROOT_CAUSE, rootCause.cause().name());
    if (rootCause.text() == null) {
      execution.removeVariable(STOP_ROOT_CAUSE_TEXT);
    } else {
      execution.setVariable(STOP_ROOT_CAUSE_TEXT, rootCause.text());
    }
  }
}
