package org.pilotlifecycle.reporting.stuck;

/** Why a pilot is stuck (DOMAIN.md, "Durations, timers and stuck"). */
public enum StuckReason {
  /** The current phase or stage is past its allowed duration. */
  STEP_OVERDUE,
  /** A readiness check failed into an incident. */
  CHECK_INCIDENT,
  /** A gate has waited for its sign-off longer than allowed. */
  GATE_WAITING,
  /** A pilot in production (or paused) past the due date of its re-certification, until it is re-certified. */
  RECERTIFICATION_OVERDUE,
  /** The pilot's audit trail failed its nightly verification: an entry was changed, removed or inserted. */
  AUDIT_TRAIL_BROKEN
}
