package org.pilotlifecycle.lifecycle;

/** The process variables the shared glue reads and writes, the same in every framework process. */
public final class LifecycleVariables {

  public static final String PILOT_KEY = "pilotKey";
  /** The name of the phase or stage the pilot is in. */
  public static final String CURRENT_STEP = "currentStep";
  /** e.g. "Stage 3: Organizational embedding", for forms. */
  public static final String CURRENT_STEP_LABEL = "currentStepLabel";
  public static final String STEP_DUE_DATE = "stepDueDate";
  /** Why the pilot is back at the step's work: a failed check's reasons or a gate's rejection. */
  public static final String STEP_FEEDBACK = "stepFeedback";
  // gates
  public static final String GATE_DECISION = "gateDecision";
  public static final String GATE_REASON = "gateReason";
  public static final String GATE_APPROVED = "gateApproved";
  // overdue decisions
  public static final String OVERDUE_DECISION = "overdueDecision";
  public static final String NEW_DUE_DATE = "newDueDate";
  public static final String OVERDUE_REASON = "overdueReason";
  /** Why the pilot is stopped, whichever decision stopped it. */
  public static final String STOP_REASON = "stopReason";
  /**
   * The root cause a stop names ({@link org.pilotlifecycle.framework.RootCause}), the same field on every form that
   * can stop a pilot; with OTHER, {@link #STOP_ROOT_CAUSE_TEXT} says what.
   */
  public static final String STOP_ROOT_CAUSE = "stopRootCause";
  public static final String STOP_ROOT_CAUSE_TEXT = "stopRootCauseText";

  private LifecycleVariables() {
  }
}
