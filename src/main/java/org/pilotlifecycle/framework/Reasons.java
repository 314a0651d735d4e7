package org.pilotlifecycle.framework;

import org.pilotlifecycle.web.InvalidFieldsException;

/** The reason every rejection and steering decision must give: present, and at most 2000 characters. */
public final class Reasons {

  public static final int MAX_LENGTH = 2000;

  private Reasons() {
  }

  /** The stripped reason, or a form validation error (400, the task stays open). */
  public static String required(String variable, Object value) {
    String reason = optional(variable, value);
    if (reason.isEmpty()) {
      throw InvalidFieldsException.of(variable, "a reason is required");
    }
    return reason;
  }

  /** The stripped reason, possibly empty, or a form validation error when too long. */
  public static String optional(String variable, Object value) {
    String reason = value == null ? "" : value.toString().strip();
    if (reason.length() > MAX_LENGTH) {
      throw InvalidFieldsException.of(variable, "at most " + MAX_LENGTH + " characters");
    }
    return reason;
  }
}
