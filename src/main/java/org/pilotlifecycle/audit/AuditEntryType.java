package org.pilotlifecycle.audit;

/** What an entry of a pilot's audit trail records. */
public enum AuditEntryType {
  REGISTERED,
  RISK_TIER_CLASSIFIED,
  WITHDRAWN,
  STEP_STARTED,
  DELIVERABLE_SUBMITTED,
  CHECK,
  GATE_DECISION,
  /** A reminder went out before the current phase or stage falls due (who was told, the due date). */
  DUE_REMINDER,
  STEP_OVERDUE,
  OVERDUE_DECISION,
  DEADLINE_EXTENDED,
  PUT_ON_HOLD,
  RESUMED,
  STOPPED,
  IN_PRODUCTION,
  STEERING_DECISION,
  ADOPTION_MEASURED,
  /** A monthly dashboard review, whatever its action (CONTINUE or ESCALATE), with the executive owner's notes. */
  DASHBOARD_REVIEWED,
  /** The pilot names another person for a role (details: role, from, to); its open tasks moved with it. */
  PERSON_CHANGED
}
