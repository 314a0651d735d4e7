package org.pilotlifecycle.production;

/** The element ids, messages and variables of {@code bpmn/ProductionOperations.bpmn}. */
public final class ProductionOperationsProcess {

  public static final String PROCESS_ID = "ProductionOperations";
  public static final String RECERTIFICATION_DECISION_ID = "RecertificationInterval";

  /** Starts the process for a pilot that reached production (business key: the pilot key). */
  public static final String MESSAGE_PILOT_REACHED_PRODUCTION = "PilotReachedProduction";
  /** A monitoring signal for the pilot (business key: the pilot key). */
  public static final String MESSAGE_MONITORING_SIGNAL_RECEIVED = "MonitoringSignalReceived";

  public static final String START = "StartEvent_PilotReachedProduction";
  public static final String TASK_PLAN = "Task_PlanProductionOperations";
  // value checkpoints
  public static final String TIMER_VALUE_CHECKPOINT_DUE = "Timer_ValueCheckpointDue";
  public static final String TASK_RECORD_REALISED_VALUE = "Task_RecordRealisedValue";
  public static final String TASK_CONFIRM_REALISED_VALUE = "Task_ConfirmRealisedValue";
  public static final String END_VALUE_CHECKPOINTS_DONE = "EndEvent_ValueCheckpointsDone";
  // re-certification
  public static final String TIMER_RECERTIFICATION_OPENS = "Timer_RecertificationOpens";
  public static final String SUB_RECERTIFICATION = "SubProcess_Recertification";
  public static final String TASK_PROVIDE_RECERTIFICATION_EVIDENCE = "Task_ProvideRecertificationEvidence";
  public static final String TASK_RECERTIFY = "Task_Recertify";
  public static final String TIMER_RECERTIFICATION_OVERDUE = "Timer_RecertificationOverdue";
  public static final String TASK_DECIDE_OVERDUE_RECERTIFICATION = "Task_DecideOnOverdueRecertification";
  // monitoring signals
  public static final String EVENT_MONITORING_SIGNAL_RECEIVED = "Event_MonitoringSignalReceived";
  public static final String SUB_SIGNAL_REVIEW = "SubProcess_SignalReview";
  public static final String TASK_ASSESS_MONITORING_SIGNALS = "Task_AssessMonitoringSignals";
  public static final String TASK_DECIDE_ON_MONITORING_SIGNALS = "Task_DecideOnMonitoringSignals";
  public static final String TASK_PROVIDE_REVALIDATION_EVIDENCE = "Task_ProvideRevalidationEvidence";
  public static final String TASK_APPROVE_REVALIDATED_MODEL = "Task_ApproveRevalidatedModel";
  public static final String END_MODEL_UPDATED = "EndEvent_ModelUpdated";
  // monthly executive review
  public static final String START_MONTH_PASSED = "StartEvent_MonthPassed";
  public static final String TASK_REVIEW_PRODUCTION_DASHBOARD = "Task_ReviewProductionDashboard";
  public static final String TASK_DECIDE_ON_PRODUCTION_ESCALATION = "Task_DecideOnProductionEscalation";
  // pause and retirement
  public static final String TASK_RESUME_PAUSED_PRODUCTION = "Task_ResumePausedProduction";
  public static final String END_PILOT_BACK_IN_PRODUCTION = "EndEvent_PilotBackInProduction";
  public static final String TASK_SIGN_OFF_DECOMMISSIONING = "Task_SignOffDecommissioning";
  public static final String END_PILOT_RETIRED = "EndEvent_PilotRetired";

  /** The process variables, as the forms and the diagram name them. */
  public static final class Variables {
    public static final String PILOT_KEY = "pilotKey";
    public static final String PILOT_NAME = "pilotName";
    public static final String BUSINESS_UNIT = "businessUnit";
    public static final String CURRENT_STEP = "currentStep";
    public static final String CURRENT_STEP_LABEL = "currentStepLabel";
    public static final String RISK_TIER = "riskTier";
    public static final String EXECUTIVE_REVIEW_CYCLE = "executiveReviewCycle";
    // value checkpoints
    public static final String VALUE_CHECKPOINT_INDEX = "valueCheckpointIndex";
    public static final String VALUE_CHECKPOINT = "valueCheckpoint";
    public static final String VALUE_CHECKPOINT_LABEL = "valueCheckpointLabel";
    public static final String VALUE_CHECKPOINT_DUE_AT = "valueCheckpointDueAt";
    public static final String HAS_SUCCESS_METRIC = "hasSuccessMetric";
    public static final String KPI_NAME = "kpiName";
    public static final String KPI_UNIT = "kpiUnit";
    public static final String KPI_BASELINE = "kpiBaseline";
    public static final String KPI_TARGET = "kpiTarget";
    public static final String BUSINESS_KPI_NAME = "businessKpiName";
    public static final String BUSINESS_KPI_BASELINE = "businessKpiBaseline";
    public static final String BUSINESS_KPI_TARGET = "businessKpiTarget";
    public static final String BUSINESS_KPI_MEASURED = "businessKpiMeasured";
    public static final String MODEL_ACCURACY_PERCENT = "modelAccuracyPercent";
    public static final String MODEL_DRIFT_PERCENT = "modelDriftPercent";
    public static final String MODEL_LATENCY_MS = "modelLatencyMs";
    public static final String INCIDENT_COUNT = "incidentCount";
    public static final String POLICY_VIOLATION_COUNT = "policyViolationCount";
    public static final String AUDIT_FINDING_COUNT = "auditFindingCount";
    public static final String VALUE_NOTES = "valueNotes";
    public static final String VALUE_RECORDED_BY = "valueRecordedBy";
    public static final String VALUE_SUMMARY = "valueSummary";
    public static final String KPIS_BELOW_TARGET = "kpisBelowTarget";
    public static final String VALUE_CONFIRMATION = "valueConfirmation";
    public static final String VALUE_CONFIRMATION_REASON = "valueConfirmationReason";
    public static final String VALUE_CONFIRMED = "valueConfirmed";
    public static final String VALUE_FEEDBACK = "valueFeedback";
    public static final String MORE_VALUE_CHECKPOINTS = "moreValueCheckpoints";
    // re-certification
    public static final String RECERTIFICATION_INTERVAL = "recertificationInterval";
    public static final String RECERTIFICATION_DUE_AT = "recertificationDueAt";
    public static final String RECERTIFICATION_OPENS_AT = "recertificationOpensAt";
    public static final String RECERTIFICATION_OVERDUE_CYCLE = "recertificationOverdueCycle";
    public static final String RECERTIFICATION_EVIDENCE = "recertificationEvidence";
    public static final String MONITORING_IN_PLACE = "monitoringInPlace";
    public static final String CONTROLS_EFFECTIVE = "controlsEffective";
    public static final String CHANGES_SINCE_LAST_CERTIFICATION = "changesSinceLastCertification";
    public static final String RECERTIFICATION_EVIDENCE_BY = "recertificationEvidenceBy";
    public static final String RECERTIFICATION_DECISION = "recertificationDecision";
    public static final String RECERTIFICATION_REASON = "recertificationReason";
    public static final String RECERTIFIED = "recertified";
    public static final String RECERTIFIED_BY = "recertifiedBy";
    public static final String RECERTIFICATION_FEEDBACK = "recertificationFeedback";
    public static final String RECERTIFICATION_OVERDUE_DECISION = "recertificationOverdueDecision";
    public static final String NEW_RECERTIFICATION_DUE_DATE = "newRecertificationDueDate";
    public static final String RECERTIFICATION_OVERDUE_REASON = "recertificationOverdueReason";
    // monitoring signals
    public static final String OPEN_SIGNAL_COUNT = "openSignalCount";
    public static final String OPEN_SIGNALS_SUMMARY = "openSignalsSummary";
    public static final String SIGNAL_ASSESSMENT = "signalAssessment";
    public static final String SIGNAL_RECOMMENDATION = "signalRecommendation";
    public static final String SIGNAL_REVIEW_OUTCOME = "signalReviewOutcome";
    public static final String SIGNAL_REVIEW_NOTES = "signalReviewNotes";
    public static final String NEW_MODEL_VERSION = "newModelVersion";
    public static final String REVALIDATION_EVIDENCE = "revalidationEvidence";
    public static final String REVALIDATED_ACCURACY_PERCENT = "revalidatedAccuracyPercent";
    public static final String REVALIDATION_EVIDENCE_BY = "revalidationEvidenceBy";
    public static final String REVALIDATION_DECISION = "revalidationDecision";
    public static final String REVALIDATION_REASON = "revalidationReason";
    public static final String MODEL_REVALIDATED = "modelRevalidated";
    public static final String REVALIDATION_FEEDBACK = "revalidationFeedback";
    public static final String MODEL_VERSION_IN_PRODUCTION = "modelVersionInProduction";
    // monthly executive review
    public static final String LATEST_KPIS = "latestKpis";
    public static final String EXECUTIVE_REVIEW_ACTION = "executiveReviewAction";
    public static final String EXECUTIVE_REVIEW_NOTES = "executiveReviewNotes";
    public static final String ESCALATED_REVIEW_NOTES = "escalatedReviewNotes";
    public static final String PRODUCTION_ESCALATION_DECISION = "productionEscalationDecision";
    public static final String PRODUCTION_ESCALATION_REASON = "productionEscalationReason";
    // pause and retirement
    public static final String PAUSE_REASON = "pauseReason";
    public static final String RESUME_DECISION = "resumeDecision";
    public static final String RESUME_NOTES = "resumeNotes";
    public static final String RETIREMENT_REASON = "retirementReason";
    /**
     * The root cause a retirement names ({@link org.pilotlifecycle.framework.RootCause}, the stops' vocabulary), the
     * same field on every form whose decision can retire the pilot; with OTHER, {@link #RETIREMENT_ROOT_CAUSE_TEXT}
     * says what. Carried to "Retire pilot", which stores it on the pilot.
     */
    public static final String RETIREMENT_ROOT_CAUSE = "retirementRootCause";
    public static final String RETIREMENT_ROOT_CAUSE_TEXT = "retirementRootCauseText";
    public static final String ENDPOINT_SWITCHED_OFF = "endpointSwitchedOff";
    public static final String DATA_RETENTION_HANDLED = "dataRetentionHandled";
    public static final String USERS_INFORMED = "usersInformed";
    public static final String MODEL_ARCHIVED = "modelArchived";
    public static final String DECOMMISSIONING_NOTES = "decommissioningNotes";

    private Variables() {
    }
  }

  private ProductionOperationsProcess() {
  }
}
