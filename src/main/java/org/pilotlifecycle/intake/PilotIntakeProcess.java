package org.pilotlifecycle.intake;

/** Element ids and variable names of {@code bpmn/PilotIntake.bpmn}; the tests use them too. */
public final class PilotIntakeProcess {

  public static final String PROCESS_ID = "PilotIntake";
  public static final String RISK_DECISION_ID = "RiskTierClassification";

  public static final String START_EVENT = "StartEvent_PilotProposed";
  public static final String TASK_REGISTER_PILOT = "Task_RegisterPilot";
  public static final String TASK_CLASSIFY_RISK_TIER = "Task_ClassifyRiskTier";
  public static final String TASK_RECORD_RISK_TIER = "Task_RecordRiskTier";
  public static final String TASK_CONFIRM_REGISTRATION = "Task_ConfirmRegistration";
  public static final String GATEWAY_REGISTRATION_CONFIRMED = "Gateway_RegistrationConfirmed";
  public static final String GATEWAY_WHICH_FRAMEWORK = "Gateway_WhichFramework";
  public static final String TASK_WITHDRAW_PILOT = "Task_WithdrawPilot";
  public static final String CALL_FIVE_PHASE = "CallActivity_FivePhaseOperationalization";
  public static final String CALL_FOUR_STAGE = "CallActivity_FourStageScaling";
  public static final String END_WITHDRAWN = "EndEvent_PilotWithdrawn";
  public static final String END_LIFECYCLE_FINISHED = "EndEvent_PilotLifecycleFinished";

  public static final String FIVE_PHASE_PROCESS_ID = "FivePhaseOperationalization";
  public static final String FOUR_STAGE_PROCESS_ID = "FourStageScaling";

  /** Process variables: the registration form's fields and the flags the gateways need. */
  public static final class Variables {
    public static final String PILOT_KEY = "pilotKey";
    public static final String NAME = "name";
    /** The pilot's name as every task of its processes carries it, for Tasklist's cards. */
    public static final String PILOT_NAME = "pilotName";
    public static final String BUSINESS_UNIT = "businessUnit";
    public static final String USE_CASE_DESCRIPTION = "useCaseDescription";
    public static final String FRAMEWORK = "framework";
    public static final String EXECUTIVE_OWNER = "executiveOwner";
    public static final String AI_PRODUCT_OWNER = "aiProductOwner";
    public static final String TECH_LEAD = "techLead";
    public static final String RISK_COMPLIANCE_OWNER = "riskComplianceOwner";
    public static final String CHANGE_MANAGER = "changeManager";
    public static final String LINE_MANAGER = "lineManager";
    public static final String AFFECTS_INDIVIDUALS = "affectsIndividuals";
    public static final String REGULATED_DOMAIN = "regulatedDomain";
    public static final String PROCESSES_PERSONAL_DATA = "processesPersonalData";
    public static final String AUTONOMY = "autonomy";
    public static final String PILOT_COST = "pilotCost";
    public static final String PROJECTED_PRODUCTION_COST = "projectedProductionCost";
    public static final String REGISTERED_BY = "registeredBy";
    /** The pilot's own phase or stage durations, JSON, when set at registration. */
    public static final String STEP_DURATIONS = "stepDurations";
    /** The risk decision's single result (a map), replaced by the two flags below. */
    public static final String RISK_CLASSIFICATION = "riskClassification";
    public static final String RISK_TIER = "riskTier";
    public static final String HUMAN_IN_THE_LOOP_REQUIRED = "humanInTheLoopRequired";
    public static final String REGISTRATION_CONFIRMED = "registrationConfirmed";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    private Variables() {
    }
  }

  private PilotIntakeProcess() {
  }
}
