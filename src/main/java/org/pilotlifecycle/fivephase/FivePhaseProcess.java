package org.pilotlifecycle.fivephase;

import java.util.List;

/**
 * Element ids and variable names of {@code bpmn/FivePhaseOperationalization.bpmn}: the contract between
 * the diagram, the forms, the glue code and the tests.
 */
public final class FivePhaseProcess {

  public static final String PROCESS_ID = "FivePhaseOperationalization";
  public static final String DATA_READINESS_DECISION_ID = "DataReadinessMinimumLevel";

  // Phase 1: outcome definition
  public static final String TASK_DEFINE_SUCCESS_METRIC = "Task_DefineSuccessMetric";
  public static final String TASK_CHECK_SUCCESS_METRIC = "Task_CheckSuccessMetric";
  public static final String TASK_SIGN_OFF_SUCCESS_METRIC = "Task_SignOffSuccessMetric";
  public static final String TASK_RECORD_PHASE1_GATE = "Task_RecordPhase1GateDecision";
  // Phase 2: data readiness
  public static final String TASK_ASSESS_DATA_READINESS = "Task_AssessDataReadiness";
  public static final String TASK_MEASURE_PRODUCTION_PERFORMANCE = "Task_MeasureProductionPerformance";
  public static final String TASK_DETERMINE_MINIMUM_DATA_LEVEL = "Task_DetermineMinimumDataReadinessLevel";
  public static final String TASK_CHECK_DATA_READINESS = "Task_CheckDataReadiness";
  public static final String TASK_CHECK_PRODUCTION_DATA_TOLERANCE = "Task_CheckProductionDataTolerance";
  public static final String TASK_APPROVE_DATA_READINESS = "Task_ApproveDataReadiness";
  public static final String TASK_RECORD_PHASE2_GATE = "Task_RecordPhase2GateDecision";
  // Phase 3: MLOps infrastructure
  public static final String TASK_PROVIDE_MLOPS_EVIDENCE = "Task_ProvideMlopsEvidence";
  public static final String TASK_BUILD_COST_MODEL = "Task_BuildCostModel";
  public static final String TASK_CHECK_MLOPS_CAPABILITY = "Task_CheckMlopsCapability";
  public static final String TASK_CHECK_COST_MODEL = "Task_CheckCostModel";
  public static final String TASK_APPROVE_MLOPS_READINESS = "Task_ApproveMlopsReadiness";
  public static final String TASK_RECORD_PHASE3_GATE = "Task_RecordPhase3GateDecision";
  // Phase 4: governance and risk controls
  public static final String TASK_REVIEW_RISK_INPUTS = "Task_ReviewRiskInputs";
  public static final String TASK_CONFIRM_RISK_TIER = "Task_ConfirmRiskTier";
  public static final String TASK_RECORD_CONFIRMED_RISK_TIER = "Task_RecordConfirmedRiskTier";
  public static final String GATEWAY_HIGH_IMPACT = "Gateway_HighImpact";
  public static final String TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW = "Task_DesignHumanInTheLoopReview";
  public static final String TASK_PROVIDE_GOVERNANCE_EVIDENCE = "Task_ProvideGovernanceEvidence";
  public static final String TASK_SIGN_OFF_GOVERNANCE = "Task_SignOffGovernance";
  public static final String TASK_RECORD_PHASE4_GATE = "Task_RecordPhase4GateDecision";
  // Phase 5: operating model
  public static final String TASK_PROVIDE_OPERATING_MODEL_EVIDENCE = "Task_ProvideOperatingModelEvidence";
  public static final String TASK_CHECK_REPEATABILITY = "Task_CheckRepeatability";
  public static final String TASK_APPROVE_PRODUCTION = "Task_ApproveProduction";
  public static final String TASK_RECORD_PHASE5_GATE = "Task_RecordPhase5GateDecision";
  public static final String TASK_MARK_IN_PRODUCTION = "Task_MarkPilotInProduction";
  public static final String END_IN_PRODUCTION = "EndEvent_PilotInProduction";
  // Overdue phases
  public static final String TASK_DECIDE_OVERDUE_PHASE = "Task_DecideOnOverduePhase";
  public static final String TASK_RECORD_OVERDUE_DECISION = "Task_RecordOverdueDecision";
  public static final String TASK_EXTEND_PHASE_DEADLINE = "Task_ExtendPhaseDeadline";
  public static final String TASK_PUT_PILOT_ON_HOLD = "Task_PutPilotOnHold";
  public static final String TASK_RESUME_PAUSED_PILOT = "Task_ResumePausedPilot";
  public static final String TASK_RESUME_PILOT = "Task_ResumePilot";
  public static final String TASK_STOP_PILOT = "Task_StopPilot";
  public static final String END_DEADLINE_EXTENDED = "EndEvent_PhaseDeadlineExtended";
  public static final String END_PILOT_RESUMED = "EndEvent_PilotResumed";
  public static final String END_PILOT_STOPPED = "EndEvent_PilotStopped";

  /** The readiness checks, run asynchronously with retries. */
  public static final List<String> CHECK_TASKS = List.of(TASK_CHECK_SUCCESS_METRIC, TASK_CHECK_DATA_READINESS,
      TASK_CHECK_PRODUCTION_DATA_TOLERANCE, TASK_CHECK_MLOPS_CAPABILITY, TASK_CHECK_COST_MODEL,
      TASK_CHECK_REPEATABILITY);

  /** Process variables of this process; the shared ones are in {@code LifecycleVariables}. */
  public static final class Variables {
    // check outcomes (flags for the gateways)
    public static final String SUCCESS_METRIC_CHECK_PASSED = "successMetricCheckPassed";
    public static final String DATA_READINESS_CHECK_PASSED = "dataReadinessCheckPassed";
    public static final String PRODUCTION_DATA_CHECK_PASSED = "productionDataCheckPassed";
    public static final String MLOPS_CHECK_PASSED = "mlopsCheckPassed";
    public static final String COST_MODEL_CHECK_PASSED = "costModelCheckPassed";
    public static final String REPEATABILITY_CHECK_PASSED = "repeatabilityCheckPassed";
    // phase 1 form
    public static final String KPI_CATEGORY = "kpiCategory";
    public static final String KPI_NAME = "kpiName";
    public static final String KPI_UNIT = "kpiUnit";
    public static final String KPI_BASELINE = "kpiBaseline";
    public static final String KPI_TARGET = "kpiTarget";
    public static final String MEASUREMENT_METHOD = "measurementMethod";
    public static final String ANNUAL_VALUE = "annualValue";
    public static final String LINE_MANAGER = "lineManager";
    // phase 2 forms
    public static final List<String> DATA_DIMENSIONS = List.of("dataAvailabilityLevel", "dataLineageLevel",
        "dataIntegrationLevel", "dataAccuracyLevel", "dataLatencyLevel", "dataSecurityLevel", "dataGovernanceLevel");
    public static final String MINIMUM_DATA_READINESS_LEVEL = "minimumDataReadinessLevel";
    public static final String PERFORMANCE_METRIC = "performanceMetric";
    public static final String PILOT_PERFORMANCE = "pilotPerformance";
    public static final String PRODUCTION_PERFORMANCE = "productionPerformance";
    // phase 3 forms
    public static final String DEPLOYS_NEW_VERSION_AUTOMATICALLY = "deploysNewVersionAutomatically";
    public static final String DETECTS_DRIFT_AUTOMATICALLY = "detectsDriftAutomatically";
    public static final String TRIGGERS_RETRAINING_AUTOMATICALLY = "triggersRetrainingAutomatically";
    public static final String PILOT_COST = "pilotCost";
    public static final String PROJECTED_PRODUCTION_COST = "projectedProductionCost";
    public static final String COST_JUSTIFICATION = "costJustification";
    // phase 4
    public static final String RISK_TIER = "riskTier";
    public static final String HUMAN_IN_THE_LOOP_REQUIRED = "humanInTheLoopRequired";

    private Variables() {
    }
  }

  private FivePhaseProcess() {
  }
}
