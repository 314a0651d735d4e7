package org.pilotlifecycle.pilot;

/** What an entry of a pilot's audit trail records. */
public enum PilotEventType {
  REGISTERED,
  RISK_TIER_CLASSIFIED,
  WITHDRAWN,
  STEP_STARTED,
  DELIVERABLE_SUBMITTED,
  CHECK,
  GATE_DECISION,
  STEP_OVERDUE,
  OVERDUE_DECISION,
  DEADLINE_EXTENDED,
  PUT_ON_HOLD,
  RESUMED,
  STOPPED,
  IN_PRODUCTION
}
