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
  PERSON_CHANGED,
  /** In production: taken out of service (PAUSED), with who and why. */
  PAUSED,
  /** In production: back in service after a pause. */
  RESUMED_IN_PRODUCTION,
  /** Decommissioned (details: retiredAt, timeInProductionDays). */
  RETIRED,
  /** The next re-certification's due date (details: dueAt; recertifiedBy when it follows a re-certification). */
  RECERTIFICATION_SCHEDULED,
  /** A benefits-realisation checkpoint confirmed (name: the checkpoint; details: every KPI, those below target). */
  VALUE_CHECKPOINT,
  /** A re-certification decided by the risk & compliance owner (outcome RECERTIFIED or REFUSED). */
  RECERTIFICATION,
  /** A re-certification ran past its due date: escalated to the steering committee. */
  RECERTIFICATION_OVERDUE,
  /** The steering committee's decision on an overdue re-certification (EXTEND or PAUSE). */
  RECERTIFICATION_DECISION,
  /** A monitoring signal received through the signal API (name: its type; outcome: its severity). */
  SIGNAL_RECEIVED,
  /** A review of a pilot's open monitoring signals decided (CONTINUE, UPDATE, PAUSE, RETIRE). */
  SIGNAL_REVIEW,
  /** A new model version's re-validation gate (APPROVED or REJECTED). */
  MODEL_REVALIDATION,
  /** The monthly executive review in production (CONTINUE, ESCALATE, PAUSE, RETIRE) or the steering committee's answer. */
  EXECUTIVE_REVIEW,
  /** The decommissioning checklist signed off by the risk & compliance owner. */
  DECOMMISSIONING,
  /** An evidence file attached to a phase or stage (name: the file; outcome: its version; details: SHA-256, type). */
  EVIDENCE_ADDED
}
