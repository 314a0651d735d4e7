package org.pilotlifecycle.fourstage;

import java.util.List;

/**
 * Element ids and variable names of {@code bpmn/FourStageScaling.bpmn}: the contract between the
 * diagram, the forms, the glue code and the tests. Shared names are in {@code LifecycleVariables}.
 */
public final class FourStageProcess {

  public static final String PROCESS_ID = "FourStageScaling";
  public static final String GO_NO_GO_DECISION_ID = "GoNoGoDecision";

  /** The five dimensions of the production readiness gap assessment, with their score variables. */
  public enum Dimension {
    DATA("Data", "dataScore", "dataPassed"),
    INTEGRATION("Integration", "integrationScore", "integrationPassed"),
    GOVERNANCE("Governance", "governanceScore", "governancePassed"),
    CHANGE_READINESS("Change readiness", "changeReadinessScore", "changeReadinessPassed"),
    MONITORING("Monitoring capability", "monitoringScore", "monitoringPassed");

    private final String label;
    private final String scoreVariable;
    private final String passedVariable;

    Dimension(String label, String scoreVariable, String passedVariable) {
      this.label = label;
      this.scoreVariable = scoreVariable;
      this.passedVariable = passedVariable;
    }

    public String label() { return label; }
    public String scoreVariable() { return scoreVariable; }
    public String passedVariable() { return passedVariable; }
  }

  public static final String START_EVENT = "StartEvent_ScalingStarted";
  // Stage 1
  public static final String TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE = "Task_ProvidePilotValidationEvidence";
  public static final String TASK_ASSESS_READINESS_GAPS = "Task_AssessReadinessGaps";
  public static final String TASK_SCORE_READINESS_GAPS = "Task_ScoreReadinessGaps";
  public static final String TASK_DECIDE_GO_NO_GO = "Task_DecideGoNoGo";
  public static final String TASK_RECORD_GO_NO_GO_OUTCOME = "Task_RecordGoNoGoOutcome";
  public static final String TASK_SIGN_GO_NO_GO = "Task_SignGoNoGo";
  public static final String TASK_DECIDE_AFTER_NO_GO = "Task_DecideAfterNoGo";
  public static final String TASK_RECORD_NO_GO_DECISION = "Task_RecordNoGoDecision";
  public static final String END_PILOT_VALIDATED = "EndEvent_PilotValidated";
  public static final String END_STAGE1_STOPPED = "EndEvent_Stage1Stopped";
  public static final String BOUNDARY_STAGE1_STOPPED = "BoundaryEvent_Stage1Stopped";
  // Stage 2
  public static final String TASK_BUILD_DATA_PIPELINES = "Task_BuildDataPipelines";
  public static final String TASK_BUILD_INTEGRATION_CONNECTORS = "Task_BuildIntegrationConnectors";
  public static final String TASK_DOCUMENT_GOVERNANCE = "Task_DocumentGovernance";
  public static final String TASK_REMEDIATE_CARRIED_OVER_DIMENSION = "Task_RemediateCarriedOverDimension";
  public static final String TASK_REASSESS_PRODUCTION_READINESS = "Task_ReassessProductionReadiness";
  public static final String TASK_CHECK_PRODUCTION_READINESS = "Task_CheckProductionReadiness";
  public static final String END_ARCHITECTURE_READY = "EndEvent_ArchitectureReady";
  // Stage 3
  public static final String TASK_PREPARE_ORGANIZATIONAL_EMBEDDING = "Task_PrepareOrganizationalEmbedding";
  public static final String TASK_START_ADOPTION_PROGRAMME = "Task_StartAdoptionProgramme";
  public static final String TIMER_ADOPTION_WEEK_OVER = "Timer_AdoptionWeekOver";
  public static final String TASK_RECORD_WEEKLY_ADOPTION = "Task_RecordWeeklyAdoption";
  public static final String TASK_EVALUATE_ADOPTION = "Task_EvaluateAdoption";
  public static final String TASK_CONFIRM_ADOPTION_RESULTS = "Task_ConfirmAdoptionResults";
  public static final String TASK_SIGN_OFF_ADOPTION = "Task_SignOffAdoption";
  public static final String TASK_DECIDE_ON_ADOPTION_SHORTFALL = "Task_DecideOnAdoptionShortfall";
  public static final String TASK_RECORD_SHORTFALL_DECISION = "Task_RecordShortfallDecision";
  public static final String END_ORGANIZATION_EMBEDDED = "EndEvent_OrganizationEmbedded";
  public static final String END_STAGE3_STOPPED = "EndEvent_Stage3Stopped";
  public static final String BOUNDARY_STAGE3_STOPPED = "BoundaryEvent_Stage3Stopped";
  // Stage 4
  public static final String TASK_PLAN_EXPANSION = "Task_PlanExpansion";
  public static final String TASK_CODIFY_DEPLOYMENT_PLAYBOOK = "Task_CodifyDeploymentPlaybook";
  public static final String TASK_CERTIFY_FOR_PRODUCTION = "Task_CertifyForProduction";
  public static final String END_ENTERPRISE_SCALE_REACHED = "EndEvent_EnterpriseScaleReached";
  public static final String TASK_MARK_AT_ENTERPRISE_SCALE = "Task_MarkPilotAtEnterpriseScale";
  public static final String END_AT_ENTERPRISE_SCALE = "EndEvent_PilotAtEnterpriseScale";
  // Monthly dashboard review
  public static final String TIMER_MONTH_PASSED = "Timer_MonthPassed";
  public static final String TASK_REVIEW_PILOT_DASHBOARD = "Task_ReviewPilotDashboard";
  public static final String TASK_RECORD_DASHBOARD_REVIEW = "Task_RecordDashboardReview";
  public static final String TASK_DECIDE_ON_DASHBOARD_ESCALATION = "Task_DecideOnDashboardEscalation";
  public static final String TASK_RECORD_ESCALATION_RESPONSE = "Task_RecordEscalationResponse";
  public static final String END_ESCALATION_DECIDED = "EndEvent_EscalationDecided";
  // Overdue stages and stop
  public static final String TASK_DECIDE_OVERDUE_STAGE = "Task_DecideOnOverdueStage";
  public static final String TASK_RECORD_OVERDUE_DECISION = "Task_RecordOverdueDecision";
  public static final String TASK_EXTEND_STAGE_DEADLINE = "Task_ExtendStageDeadline";
  public static final String TASK_PUT_PILOT_ON_HOLD = "Task_PutPilotOnHold";
  public static final String TASK_RESUME_PAUSED_PILOT = "Task_ResumePausedPilot";
  public static final String TASK_RESUME_PILOT = "Task_ResumePilot";
  public static final String TASK_STOP_PILOT = "Task_StopPilot";
  public static final String END_STAGE_DEADLINE_EXTENDED = "EndEvent_StageDeadlineExtended";
  public static final String END_PILOT_RESUMED = "EndEvent_PilotResumed";
  public static final String END_PILOT_STOPPED = "EndEvent_PilotStopped";

  /** Process variables of this process. */
  public static final class Variables {
    public static final String DASHBOARD_NOTES = "dashboardNotes";
    public static final String DASHBOARD_ACTION = "dashboardAction";
    public static final String DASHBOARD_ESCALATED = "dashboardEscalated";
    /** The notes of the review the executive owner escalated, shown to the steering committee. */
    public static final String ESCALATED_DASHBOARD_NOTES = "escalatedDashboardNotes";
    public static final String ESCALATION_RESPONSE = "escalationResponse";
    public static final String DIMENSION_PASS_SCORE = "dimensionPassScore";
    public static final String PASSED_DIMENSIONS = "passedDimensions";
    public static final String GO_NO_GO_RESULT = "goNoGoResult";
    public static final String GO_NO_GO_OUTCOME = "goNoGoOutcome";
    public static final String CARRIED_OVER_DIMENSION = "carriedOverDimension";
    public static final String REMEDIATION_DIMENSION = "remediationDimension";
    public static final String NO_GO_DECISION = "noGoDecision";
    public static final String NO_GO_REASON = "noGoReason";
    public static final String PRODUCTION_READINESS_CHECK_PASSED = "productionReadinessCheckPassed";
    public static final String ADOPTION_TARGET_PERCENT = "adoptionTargetPercent";
    public static final String ADOPTION_PROGRAMME_WEEKS = "adoptionProgrammeWeeks";
    public static final String ADOPTION_PROGRAMME_START = "adoptionProgrammeStart";
    public static final String ADOPTION_WEEK = "adoptionWeek";
    public static final String ADOPTION_WEEKS_AT_TARGET = "adoptionWeeksAtTarget";
    public static final String ADOPTION_RATE = "adoptionRate";
    /** The rate last recorded; the week's own fields are cleared so next week's form starts empty. */
    public static final String LAST_ADOPTION_RATE = "lastAdoptionRate";
    public static final String ACTIVE_USERS = "activeUsers";
    public static final String ADOPTION_ISSUES = "adoptionIssues";
    public static final String ADOPTION_TARGET_REACHED = "adoptionTargetReached";
    public static final String ADOPTION_PROGRAMME_OVER = "adoptionProgrammeOver";
    public static final String SHORTFALL_DECISION = "shortfallDecision";
    public static final String EXTENSION_WEEKS = "extensionWeeks";
    public static final String SHORTFALL_REASON = "shortfallReason";

    private Variables() {
    }
  }

  public static final List<String> GO_NO_GO_OUTCOMES = List.of("GO", "CONDITIONAL_GO", "NO_GO");

  private FourStageProcess() {
  }
}
