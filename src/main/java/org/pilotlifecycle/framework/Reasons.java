package org.pilotlifecycle.framework;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The reason every rejection and steering decision must give: present, and at most 2000 characters. */
public final class Reasons {

  public static final int MAX_LENGTH = 2000;

  private Reasons() {
  }

  /** The stripped reason, or a form validation error (400, the task stays open). */
  public static String required(VariableScope scope, String variable) {
    String reason = optional(scope, variable);
    if (reason.isEmpty()) {
      throw new FormFieldValidationException(variable, variable + ": a reason is required");
    }
    return reason;
  }

  /** The stripped reason, possibly empty, or a form validation error when too long. */
  public static String optional(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    String reason = value == null ? "" : value.toString().strip();
    if (reason.length() > MAX_LENGTH) {
      throw new FormFieldValidationException(variable, variable + ": at most " + MAX_LENGTH + " characters");
    }
    return reason;
  }
}
