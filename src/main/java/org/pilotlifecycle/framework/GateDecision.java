package org.pilotlifecycle.framework;

/** What a gate's approver decides; the audit trail records the {@link #outcome()}. */
public enum GateDecision {
  APPROVE("APPROVED"), REJECT("REJECTED");

  private final String outcome;

  GateDecision(String outcome) {
    this.outcome = outcome;
  }

  /** "APPROVED" or "REJECTED", as the audit trail and the metrics name it. */
  public String outcome() {
    return outcome;
  }
}
