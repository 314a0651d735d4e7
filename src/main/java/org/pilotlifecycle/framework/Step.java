package org.pilotlifecycle.framework;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The step catalogue: every phase of the five-phase and every stage of the four-stage framework, in order,
 * with what the rest of the application needs to know of it. The one place where a step's name, label,
 * default allowed duration, and the ids of its elements in the framework's diagram are written down.
 *
 * <p>The name is the step's key everywhere: in configuration ({@code pilot.lifecycle.durations.<STEP>}), in
 * a pilot's {@code currentStep}, in the audit trail and in the API. Default durations follow the seed
 * articles: five phases of about seven months in all (docs/domain.md, "Durations"); the four stages as
 * weeks 1-8, weeks 9-16, months 4-6 and month 7 onward.
 */
public enum Step {

  OUTCOME_DEFINITION(Framework.FIVE_PHASE, "Outcome definition", 21, "SubProcess_Phase1OutcomeDefinition",
      "Timer_Phase1Overdue", "Task_SignOffSuccessMetric", PilotRole.EXECUTIVE_OWNER),
  DATA_READINESS(Framework.FIVE_PHASE, "Data readiness", 56, "SubProcess_Phase2DataReadiness",
      "Timer_Phase2Overdue", "Task_ApproveDataReadiness", PilotRole.TECH_LEAD),
  MLOPS_INFRASTRUCTURE(Framework.FIVE_PHASE, "MLOps infrastructure", 56, "SubProcess_Phase3MlopsInfrastructure",
      "Timer_Phase3Overdue", "Task_ApproveMlopsReadiness", PilotRole.TECH_LEAD),
  GOVERNANCE_AND_RISK_CONTROLS(Framework.FIVE_PHASE, "Governance and risk controls", 42,
      "SubProcess_Phase4Governance", "Timer_Phase4Overdue", "Task_SignOffGovernance", PilotRole.RISK_COMPLIANCE_OWNER),
  OPERATING_MODEL(Framework.FIVE_PHASE, "Operating model", 42, "SubProcess_Phase5OperatingModel",
      "Timer_Phase5Overdue", "Task_ApproveProduction", null),

  PILOT_VALIDATION(Framework.FOUR_STAGE, "Pilot validation", 56, "SubProcess_Stage1PilotValidation",
      "Timer_Stage1Overdue", "Task_SignGoNoGo", null),
  /** Its gate is the automatic re-assessment of the five readiness dimensions: no sign-off task. */
  PRODUCTION_ARCHITECTURE(Framework.FOUR_STAGE, "Production architecture", 56,
      "SubProcess_Stage2ProductionArchitecture", "Timer_Stage2Overdue", null, null),
  ORGANIZATIONAL_EMBEDDING(Framework.FOUR_STAGE, "Organizational embedding", 91,
      "SubProcess_Stage3OrganizationalEmbedding", "Timer_Stage3Overdue", "Task_SignOffAdoption", PilotRole.EXECUTIVE_OWNER),
  ENTERPRISE_SCALE(Framework.FOUR_STAGE, "Enterprise scale", 182, "SubProcess_Stage4EnterpriseScale",
      "Timer_Stage4Overdue", "Task_CertifyForProduction", PilotRole.RISK_COMPLIANCE_OWNER);

  private final Framework framework;
  private final String label;
  private final Duration defaultDuration;
  private final String subProcessId;
  private final String overdueTimerId;
  private final String gateTaskId;
  private final PilotRole gateApprover;

  Step(Framework framework, String label, int defaultDays, String subProcessId, String overdueTimerId,
      String gateTaskId, PilotRole gateApprover) {
    this.gateApprover = gateApprover;
    this.framework = framework;
    this.label = label;
    this.defaultDuration = Duration.ofDays(defaultDays);
    this.subProcessId = subProcessId;
    this.overdueTimerId = overdueTimerId;
    this.gateTaskId = gateTaskId;
  }

  /** The step of this name; {@link IllegalArgumentException} naming the known ones otherwise. */
  public static Step named(String name) {
    for (Step step : values()) {
      if (step.name().equals(name)) {
        return step;
      }
    }
    throw new IllegalArgumentException("Unknown phase or stage " + name + "; known: " + Arrays.toString(values()));
  }

  /** The steps of one framework, in order. */
  public static List<Step> of(Framework framework) {
    return Arrays.stream(values()).filter(step -> step.framework == framework).toList();
  }

  /** The five phases, in order (for parameterized tests and the metrics). */
  public static List<Step> phases() {
    return of(Framework.FIVE_PHASE);
  }

  /** The four stages, in order. */
  public static List<Step> stages() {
    return of(Framework.FOUR_STAGE);
  }

  /**
   * The ids of the gate sign-off tasks of both frameworks: the user tasks where a named role decides
   * whether a pilot advances. Tasklist's filters, the gate notifications and the stuck list use them.
   */
  public static List<String> gateTaskIds() {
    return Arrays.stream(values()).map(Step::gateTaskId).flatMap(Optional::stream).toList();
  }

  public Framework framework() { return framework; }

  /** e.g. "Data readiness" */
  public String label() { return label; }

  /** "Phase" in the five-phase, "Stage" in the four-stage framework. */
  public String kind() { return framework == Framework.FIVE_PHASE ? "Phase" : "Stage"; }

  /** 1-based position in its framework. */
  public int number() { return of(framework).indexOf(this) + 1; }

  /** e.g. "Phase 2: Data readiness" */
  public String title() { return kind() + " " + number() + ": " + label(); }

  /** The allowed duration unless configuration or the pilot sets another. */
  public Duration defaultDuration() { return defaultDuration; }

  /** The id of the step's embedded sub-process in its framework's diagram. */
  public String subProcessId() { return subProcessId; }

  /** The id of the step's non-interrupting overdue timer in its diagram. */
  public String overdueTimerId() { return overdueTimerId; }

  /** The id of the step's gate sign-off task, when a person signs the gate off. */
  public Optional<String> gateTaskId() { return Optional.ofNullable(gateTaskId); }

  /**
   * Whose sign-off the gate needs: the pilot's named person for this role (docs/domain.md, "Named people");
   * empty where the steering committee, a group, decides, or where no person signs the gate off.
   */
  public Optional<PilotRole> gateApprover() { return Optional.ofNullable(gateApprover); }
}
