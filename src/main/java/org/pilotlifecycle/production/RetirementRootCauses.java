package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.RETIREMENT_ROOT_CAUSE;
import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.RETIREMENT_ROOT_CAUSE_TEXT;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.lifecycle.StopRootCauses;

/**
 * The root cause every decision that can retire a pilot names (issue 15, "Why pilots end"): the signal review, the
 * monthly executive review, the steering committee on an escalated review and the decision on a paused pilot. The
 * stops' vocabulary and rule ({@link RootCause#required}): a RETIRE without a root cause, with an unknown one or
 * with OTHER and no text is a 400 problem naming {@code retirementRootCause} or {@code retirementRootCauseText}, the
 * task stays open. Every decision goes through {@link #decide}, so that the rule is the outcome's, not each form's.
 */
final class RetirementRootCauses {

  /** The outcome every decision that retires the pilot shares. */
  static final String RETIRE = "RETIRE";

  private RetirementRootCauses() {
  }

  /**
   * The decision's root cause when {@code outcome} is RETIRE (400 naming the field when it is missing or bad),
   * normalised into the variables "Retire pilot" reads; null and the variables removed for any other outcome.
   */
  static RootCause.Stated decide(VariableScope execution, ProcessVariables variables, Enum<?> outcome) {
    RootCause.Stated rootCause = RETIRE.equals(outcome.name()) ? carried(variables) : null;
    StopRootCauses.set(execution, RETIREMENT_ROOT_CAUSE, RETIREMENT_ROOT_CAUSE_TEXT, rootCause);
    return rootCause;
  }

  /** The root cause the retirement decision carried to "Retire pilot" (400 naming the field when there is none). */
  static RootCause.Stated carried(ProcessVariables variables) {
    return RootCause.required(RETIREMENT_ROOT_CAUSE, variables.raw(RETIREMENT_ROOT_CAUSE), RETIREMENT_ROOT_CAUSE_TEXT,
        variables.raw(RETIREMENT_ROOT_CAUSE_TEXT));
  }

  /** Adds the root cause, its label and (OTHER) its text to an audit entry's details; nothing for null. */
  static Map<String, Object> put(Map<String, Object> details, RootCause.Stated rootCause) {
    StopRootCauses.put(details, rootCause);
    return details;
  }
}
