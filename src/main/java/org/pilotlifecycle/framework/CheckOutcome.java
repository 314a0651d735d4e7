package org.pilotlifecycle.framework;

/** The outcome of a readiness check, as the audit trail records it. */
public enum CheckOutcome {
  PASSED, FAILED;

  public static CheckOutcome of(boolean passed) {
    return passed ? PASSED : FAILED;
  }
}
