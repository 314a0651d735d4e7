package org.pilotlifecycle.fivephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pilotlifecycle.framework.Step;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** The story of each path through FivePhaseOperationalization; fails below 95% process coverage. */
class FivePhaseProcessTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;
  FivePhaseDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new FivePhaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance started(String prefix) {
    return driver.start(intake, Registrations.lowRisk(Registrations.newKey(prefix), Framework.FIVE_PHASE));
  }

  private List<AuditEntry> history(ProcessInstance instance) {
    return auditTrail.history(instance.getBusinessKey(), Pageable.ofSize(500)).getContent();
  }

  private List<AuditEntry> events(ProcessInstance instance, AuditEntryType type) {
    return history(instance).stream().filter(e -> e.getType() == type).toList();
  }

  @Test
  void aPilotReachesProductionThroughAllFiveGates() {
    ProcessInstance instance = started("PROD");

    driver.passAll(instance);

    assertThat(instance).hasPassedInOrder(Step.OUTCOME_DEFINITION.subProcessId(), Step.DATA_READINESS.subProcessId(),
        Step.MLOPS_INFRASTRUCTURE.subProcessId(), Step.GOVERNANCE_AND_RISK_CONTROLS.subProcessId(),
        Step.OPERATING_MODEL.subProcessId(), TASK_MARK_IN_PRODUCTION, END_IN_PRODUCTION).isEnded();
    assertThat(instance).hasNotPassed(TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW, TASK_DECIDE_OVERDUE_PHASE);
    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(pilot.getInProductionAt()).isNotNull();
    assertThat(pilot.getSuccessMetric().name()).isEqualTo("Claims processing time");
    assertThat(pilot.getLineManager()).isEqualTo("lena");
    assertThat(events(instance, AuditEntryType.GATE_DECISION)).extracting(AuditEntry::getOutcome)
        .containsExactly("APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED");
    assertThat(events(instance, AuditEntryType.GATE_DECISION)).extracting(AuditEntry::getActor)
        .containsExactly("olivia", "theo", "theo", "rita", "sam");
    assertThat(events(instance, AuditEntryType.CHECK)).extracting(AuditEntry::getName).containsExactly(
        "SUCCESS_METRIC", "DATA_READINESS", "PRODUCTION_DATA_TOLERANCE", "MLOPS_CAPABILITY", "COST_MODEL", "REPEATABILITY");
    assertThat(events(instance, AuditEntryType.CHECK)).allMatch(e -> "PASSED".equals(e.getOutcome()));
    assertThat(events(instance, AuditEntryType.STEP_STARTED)).hasSize(5);
    assertThat(events(instance, AuditEntryType.IN_PRODUCTION)).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(org.pilotlifecycle.intake.PilotIntakeProcess.PROCESS_ID).count())
        .as("the intake ended with the framework").isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey("ProductionOperations").count())
        .as("the pilot is handed to its production operations").isOne();
  }

  @ParameterizedTest
  @MethodSource("org.pilotlifecycle.framework.Step#phases")
  void aRejectedGateReturnsToThePhaseWorkWithTheReason(Step phase) {
    ProcessInstance instance = started("REJ");
    String firstTask = passUpToGateOf(phase, instance);

    driver.work(gateKeeper(phase), instance, gateOf(phase), FivePhaseForms.reject("The baseline is a guess"));

    assertThat(instance).isWaitingAt(firstTask);
    assertThat(instance).variables().containsKey(STEP_FEEDBACK);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK))
        .contains("rejected by " + gateKeeper(phase)).contains("The baseline is a guess");
    AuditEntry rejection = events(instance, AuditEntryType.GATE_DECISION).get(phase.ordinal());
    assertThat(rejection.getOutcome()).isEqualTo("REJECTED");
    assertThat(rejection.getReason()).isEqualTo("The baseline is a guess");
    assertThat(rejection.getStep()).isEqualTo(phase.name());
  }

  @Test
  void aRejectionWithoutAReasonIsRefusedAndTheGateStaysOpen() {
    ProcessInstance instance = started("NOREASON");
    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());

    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, FivePhaseForms.reject(" ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason is required");
    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, Map.of(GATE_DECISION, "MAYBE")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("APPROVE or REJECT");

    assertThat(instance).isWaitingAt(TASK_SIGN_OFF_SUCCESS_METRIC);
    assertThat(events(instance, AuditEntryType.GATE_DECISION)).isEmpty();
  }

  @Test
  void whoSubmittedThePhaseDeliverablesCannotApproveItsGate() {
    ProcessInstance instance = started("FOUREYES");
    driver.passPhase1(instance);
    driver.submitPhase2(instance);

    // The pilot's named tech lead prepared phase 2: its gate goes to the other tech leads, not to her.
    assertThatThrownBy(() -> driver.work("tara", instance, TASK_APPROVE_DATA_READINESS, FivePhaseForms.approve()))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("tara");
    assertThat(instance).isWaitingAt(TASK_APPROVE_DATA_READINESS);

    driver.work("theo", instance, TASK_APPROVE_DATA_READINESS, FivePhaseForms.approve());
    assertThat(instance).isWaitingAt(TASK_PROVIDE_MLOPS_EVIDENCE);
  }

  @Test
  void aModelMetricAsTheSuccessMetricReturnsThePilotToOutcomeDefinition() {
    ProcessInstance instance = started("KPI");
    Map<String, Object> form = FivePhaseForms.successMetric();
    form.put(KPI_NAME, "Model accuracy");

    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, form);

    assertThat(instance).hasPassed(TASK_CHECK_SUCCESS_METRIC).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK)).contains("model metric");
    assertThat(registry.get(instance.getBusinessKey()).getSuccessMetric()).isNull();
    assertCheckFailed(instance, "SUCCESS_METRIC");

    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    assertThat(instance).isWaitingAt(TASK_SIGN_OFF_SUCCESS_METRIC);
  }

  @Test
  void aDataDimensionBelowTheMinimumLevelReturnsThePilotToDataReadiness() {
    ProcessInstance instance = started("DATA");
    driver.passPhase1(instance);
    driver.work("tara", instance, TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(1));
    driver.work("tara", instance, TASK_MEASURE_PRODUCTION_PERFORMANCE, FivePhaseForms.productionPerformance(0.9, 0.88));

    assertThat(instance).isWaitingAt(TASK_ASSESS_DATA_READINESS);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK)).contains("below the required Level 2");
    assertCheckFailed(instance, "DATA_READINESS");
  }

  @Test
  void aHighImpactPilotNeedsLevelThreeDataAndAHumanInTheLoopDesign() {
    ProcessInstance instance = driver.start(intake,
        Registrations.highRisk(Registrations.newKey("HIGH"), Framework.FIVE_PHASE));
    driver.passPhase1(instance);
    driver.work("tara", instance, TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(2));
    driver.work("tara", instance, TASK_MEASURE_PRODUCTION_PERFORMANCE, FivePhaseForms.productionPerformance(0.9, 0.88));
    assertThat(instance).isWaitingAt(TASK_ASSESS_DATA_READINESS);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK)).contains("required Level 3");

    driver.passPhase2(instance);
    driver.passPhase3(instance);
    driver.work("paul", instance, TASK_REVIEW_RISK_INPUTS, FivePhaseForms.riskInputs(true, "AUTONOMOUS"));

    assertThat(instance).isWaitingAt(TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW);
    driver.work("paul", instance, TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW, FivePhaseForms.humanInTheLoopDesign());
    assertThat(instance).isWaitingAt(TASK_PROVIDE_GOVERNANCE_EVIDENCE);
    assertThat(registry.get(instance.getBusinessKey()).getHumanInTheLoopRequired()).isTrue();
  }

  @Test
  void phaseFourReclassifiesTheRiskTierFromTheReviewedInputs() {
    ProcessInstance instance = driver.start(intake,
        Registrations.highRisk(Registrations.newKey("RECLASS"), Framework.FIVE_PHASE));
    driver.passPhase1(instance);
    driver.passPhase2(instance);
    driver.passPhase3(instance);

    driver.work("paul", instance, TASK_REVIEW_RISK_INPUTS, FivePhaseForms.riskInputs(false, "ADVISORY"));

    assertThat(instance).isWaitingAt(TASK_PROVIDE_GOVERNANCE_EVIDENCE).hasNotPassed(TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW);
    assertThat(registry.get(instance.getBusinessKey()).getRiskTier().name()).isEqualTo("MEDIUM");
    assertThat(events(instance, AuditEntryType.RISK_TIER_CLASSIFIED)).extracting(AuditEntry::getStep)
        .containsExactly("INTAKE", "GOVERNANCE_AND_RISK_CONTROLS");
  }

  @Test
  void aDropBeyondToleranceOnProductionDataReturnsThePilotToDataReadiness() {
    ProcessInstance instance = started("TOL");
    driver.passPhase1(instance);
    driver.work("tara", instance, TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(3));
    driver.work("tara", instance, TASK_MEASURE_PRODUCTION_PERFORMANCE, FivePhaseForms.productionPerformance(0.9, 0.7));

    assertThat(instance).isWaitingAt(TASK_ASSESS_DATA_READINESS);
    assertCheckFailed(instance, "PRODUCTION_DATA_TOLERANCE");
  }

  @Test
  void manualMlopsStepsAndAnUnjustifiedCostModelAreBothReported() {
    ProcessInstance instance = started("MLOPS");
    driver.passPhase1(instance);
    driver.passPhase2(instance);
    driver.work("tara", instance, TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(false));
    driver.work("paul", instance, TASK_BUILD_COST_MODEL, FivePhaseForms.costModel(100000, 150000, ""));

    assertThat(instance).isWaitingAt(TASK_PROVIDE_MLOPS_EVIDENCE);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK))
        .contains("triggering retraining").contains("1.50x");
    assertCheckFailed(instance, "MLOPS_CAPABILITY");
    assertCheckFailed(instance, "COST_MODEL");
  }

  @Test
  void aJustifiedLowCostProjectionPasses() {
    ProcessInstance instance = started("COST");
    driver.passPhase1(instance);
    driver.passPhase2(instance);
    driver.work("tara", instance, TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(true));
    driver.work("paul", instance, TASK_BUILD_COST_MODEL,
        FivePhaseForms.costModel(100000, 150000, "Serving reuses the shared inference cluster already paid for"));

    assertThat(instance).isWaitingAt(TASK_APPROVE_MLOPS_READINESS);
  }

  @Test
  void aPilotNotMateriallyFasterThanEarlierOnesReturnsToTheOperatingModel() {
    ProcessInstance first = started("FAST");
    driver.passAll(first);
    ProcessInstance slow = started("SLOW");
    driver.passPhase1(slow);
    driver.passPhase2(slow);
    driver.passPhase3(slow);
    driver.passPhase4(slow);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(400))));

    driver.work("chris", slow, TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, FivePhaseForms.operatingModelEvidence());

    assertThat(slow).isWaitingAt(TASK_PROVIDE_OPERATING_MODEL_EVIDENCE);
    assertThat((String) runtimeService.getVariable(slow.getId(), STEP_FEEDBACK)).contains("median");
    assertCheckFailed(slow, "REPEATABILITY");
  }

  // Overdue phases: the clock moves, the timer falls due, the steering committee decides.

  private Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
  }

  private Job overdueTimer(ProcessInstance instance, Step phase) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(phase.overdueTimerId())
        .singleResult();
  }

  /** Runs the overdue timer as the job executor would: only once it is due. */
  private void fireDueTimer(ProcessInstance instance, Step phase) {
    Job due = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(phase.overdueTimerId())
        .executable().active().singleResult();
    assertThat(due).as("a due overdue timer of " + phase).isNotNull();
    managementService.executeJob(due.getId());
  }

  private ProcessInstance overdueInPhase1() {
    ClockUtil.setCurrentTime(new Date());
    ProcessInstance instance = started("LATE");
    Job timer = overdueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(timer.getDuedate().toInstant()).isCloseTo(now().plus(Duration.ofDays(21)),
        org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
    moveClockBy(Duration.ofDays(21).plusHours(1));
    fireDueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC, TASK_DECIDE_OVERDUE_PHASE);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DECIDE_OVERDUE_PHASE).taskCandidateGroup("steering-committee").count()).isOne();
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).hasSize(1);
    return instance;
  }

  /** The last millisecond of the day in UTC, what a due date picked in a form means. */
  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
  }

  private static String date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  private void decide(ProcessInstance instance, Map<String, Object> decision) {
    driver.work("sam", instance, TASK_DECIDE_OVERDUE_PHASE, decision);
  }

  /** Issue 13, finding 5: an escalation belongs to its step and never acts on the next one. */
  @Test
  void anEscalationEndsWithItsPhaseAndNeverActsOnTheNext() {
    ProcessInstance instance = overdueInPhase1();
    driver.passPhase1(instance);
    Instant phase2Due = registry.get(instance.getBusinessKey()).getStepDueAt();

    assertThat(instance).isWaitingAt(TASK_ASSESS_DATA_READINESS).isNotWaitingAt(TASK_DECIDE_OVERDUE_PHASE);
    assertThat(instance).hasPassed("EndEvent_DecideOnOverduePhaseEndedWithStep");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_DECIDE_OVERDUE_PHASE)
        .count()).as("the phase 1 escalation ended with phase 1").isZero();
    assertThat(registry.get(instance.getBusinessKey()).getStepDueAt()).isEqualTo(phase2Due);
    assertThat(overdueTimer(instance, Step.DATA_READINESS)).as("phase 2 keeps its own overdue timer").isNotNull();
  }

  /** Issue 13, finding 5: a pilot in production ends every escalation still open. */
  @Test
  void aPilotInProductionEndsEveryOpenEscalation() {
    ProcessInstance instance = started("PRODESC");
    driver.passPhase1(instance);
    driver.passPhase2(instance);
    driver.passPhase3(instance);
    driver.passPhase4(instance);
    driver.work("chris", instance, TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, FivePhaseForms.operatingModelEvidence());
    moveClockBy(Duration.ofDays(60));
    fireDueTimer(instance, Step.OPERATING_MODEL);
    assertThat(instance).isWaitingAt(TASK_DECIDE_OVERDUE_PHASE);

    driver.work("sam", instance, TASK_APPROVE_PRODUCTION, FivePhaseForms.approve());

    assertThat(instance).isEnded();
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(org.pilotlifecycle.pilot.PilotStatus.IN_PRODUCTION);
  }

  @Test
  void anOverduePhaseExtendedByTheSteeringCommitteeKeepsItsWorkAndTheTimerReArms() {
    ProcessInstance instance = overdueInPhase1();
    // A day picked as the new due date ends at its last millisecond (pilot.time-zone: UTC here).
    Instant newDue = LocalDate.ofInstant(now().plus(Duration.ofDays(15)), ZoneOffset.UTC).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);

    decide(instance, Map.of(OVERDUE_DECISION, "EXTEND", NEW_DUE_DATE, date(newDue), OVERDUE_REASON, "Baseline data late"));

    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC).hasPassed(TASK_EXTEND_PHASE_DEADLINE, END_DEADLINE_EXTENDED);
    assertThat(overdueTimer(instance, Step.OUTCOME_DEFINITION).getDuedate().toInstant()).isEqualTo(newDue);
    assertThat(registry.get(instance.getBusinessKey()).getStepDueAt()).isEqualTo(newDue);
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ACTIVE);
    // The work opened before the extension is due at the new date too: in Tasklist and on its card.
    var work = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DEFINE_SUCCESS_METRIC).singleResult();
    assertThat(work.getDueDate().toInstant()).isEqualTo(newDue);
    assertThat(((java.util.Date) taskService.getVariableLocal(work.getId(), "stepDueDate")).toInstant()).isEqualTo(newDue);
    assertThat(taskService.getVariableLocal(work.getId(), "pilotName")).as("the card names the pilot")
        .isEqualTo(registry.get(instance.getBusinessKey()).getName());

    moveClockBy(Duration.ofDays(14));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
    moveClockBy(Duration.ofDays(2));
    fireDueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC, TASK_DECIDE_OVERDUE_PHASE);
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).hasSize(2);
  }

  @Test
  void anOverduePhasePausedIsOnHoldWithoutRemindersUntilResumed() {
    ProcessInstance instance = overdueInPhase1();

    decide(instance, Map.of(OVERDUE_DECISION, "PAUSE", OVERDUE_REASON, "Budget freeze until Q3"));

    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC, TASK_RESUME_PAUSED_PILOT);
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ON_HOLD);
    assertThat(registry.get(instance.getBusinessKey()).getStatusReason()).isEqualTo("Budget freeze until Q3");
    assertThat(org.pilotlifecycle.lifecycle.OverdueTimers.isParked(overdueTimer(instance, Step.OUTCOME_DEFINITION))).isTrue();
    moveClockBy(Duration.ofDays(60));
    // What the job executor would acquire: due, with retries left, and not suspended.
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().active().count())
        .isZero();

    // A day picked as the new due date ends at its last millisecond (pilot.time-zone: UTC here).
    Instant newDue = LocalDate.ofInstant(now().plus(Duration.ofDays(10)), ZoneOffset.UTC).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    driver.work("sam", instance, TASK_RESUME_PAUSED_PILOT, Map.of(NEW_DUE_DATE, date(newDue), "resumeNote", "Budget back"));

    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC).hasPassed(TASK_RESUME_PILOT, END_PILOT_RESUMED);
    Job timer = overdueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(org.pilotlifecycle.lifecycle.OverdueTimers.isParked(timer)).isFalse();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(newDue);
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ACTIVE);
    assertThat(events(instance, AuditEntryType.PUT_ON_HOLD)).hasSize(1);
    assertThat(events(instance, AuditEntryType.RESUMED)).hasSize(1);
  }

  /** Kind: on hold means no work of the step completes (nor its gate) and no reminder falls due; resume restores both. */
  @Test
  void aPilotOnHoldCannotCompleteItsStepsWorkUntilResumed() {
    ProcessInstance instance = overdueInPhase1();
    decide(instance, Map.of(OVERDUE_DECISION, "PAUSE", OVERDUE_REASON, "Budget freeze"));

    assertThatThrownBy(() -> driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric()))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("is ON_HOLD")
        .hasMessageContaining("Define success metric and baseline");
    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC, TASK_RESUME_PAUSED_PILOT);
    assertThat(events(instance, AuditEntryType.DELIVERABLE_SUBMITTED)).isEmpty();
    moveClockBy(Duration.ofDays(100));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().active().count())
        .isZero();

    // A date means the end of that day (pilot.time-zone: UTC here).
    Instant newDue = endOf(LocalDate.ofInstant(now().plus(Duration.ofDays(10)), ZoneOffset.UTC));
    driver.work("sam", instance, TASK_RESUME_PAUSED_PILOT, Map.of(NEW_DUE_DATE, date(newDue), "resumeNote", "Budget back"));
    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    assertThat(instance).isWaitingAt(TASK_SIGN_OFF_SUCCESS_METRIC);
  }

  /** Kind: moving a parked overdue timer back (resume) keeps its weekly reminder cycle, and EXTEND still moves it. */
  @Test
  void aResumedPhaseKeepsItsWeeklyReminderCycleAndCanBeExtended() {
    ProcessInstance instance = overdueInPhase1();
    decide(instance, Map.of(OVERDUE_DECISION, "PAUSE", OVERDUE_REASON, "Budget freeze"));
    moveClockBy(Duration.ofDays(30));
    // A date means the end of that day (pilot.time-zone: UTC here).
    Instant newDue = endOf(LocalDate.ofInstant(now().plus(Duration.ofDays(10)), ZoneOffset.UTC));
    driver.work("sam", instance, TASK_RESUME_PAUSED_PILOT, Map.of(NEW_DUE_DATE, date(newDue), "resumeNote", "Budget back"));

    ClockUtil.setCurrentTime(Date.from(newDue.plus(Duration.ofHours(1))));
    fireDueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).hasSize(2);
    assertThat(overdueTimer(instance, Step.OUTCOME_DEFINITION).getDuedate().toInstant())
        .isEqualTo(newDue.plus(Duration.ofDays(7)));

    moveClockBy(Duration.ofDays(7));
    fireDueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).hasSize(3);
    moveClockBy(Duration.ofDays(7));
    fireDueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).hasSize(4);
    assertThat(overdueTimer(instance, Step.OUTCOME_DEFINITION).getDuedate().toInstant())
        .isEqualTo(newDue.plus(Duration.ofDays(21)));

    Instant extended = endOf(LocalDate.ofInstant(now().plus(Duration.ofDays(20)), ZoneOffset.UTC));
    org.camunda.bpm.engine.task.Task latest = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DECIDE_OVERDUE_PHASE).orderByTaskCreateTime().desc().listPage(0, 1).get(0);
    driver.complete("sam", latest, Map.of(OVERDUE_DECISION, "EXTEND", NEW_DUE_DATE, date(extended), OVERDUE_REASON, "One more go"));
    assertThat(overdueTimer(instance, Step.OUTCOME_DEFINITION).getDuedate().toInstant()).isEqualTo(extended);
    assertThat(registry.get(instance.getBusinessKey()).getStepDueAt()).isEqualTo(extended);
    ClockUtil.setCurrentTime(Date.from(extended.plus(Duration.ofHours(1))));
    fireDueTimer(instance, Step.OUTCOME_DEFINITION);
    assertThat(overdueTimer(instance, Step.OUTCOME_DEFINITION).getDuedate().toInstant())
        .isEqualTo(extended.plus(Duration.ofDays(7)));
  }

  @Test
  void anOverduePhaseStoppedEndsThePilotAsStoppedWithTheReasonAndRootCause() {
    ProcessInstance instance = overdueInPhase1();

    decide(instance, Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "No owner for the number",
        "stopRootCause", "NO_HARD_BUSINESS_OWNER"));

    assertThat(instance).hasPassed(TASK_STOP_PILOT, END_PILOT_STOPPED).isEnded();
    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStatusReason()).isEqualTo("No owner for the number");
    assertThat(pilot.getStopRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.NO_HARD_BUSINESS_OWNER);
    assertThat(pilot.getStopRootCauseText()).isNull();
    assertThat(pilot.getStoppedAt()).isNotNull();
    assertThat(events(instance, AuditEntryType.OVERDUE_DECISION)).singleElement()
        .satisfies(e -> assertThat(e.getDetails()).contains("\"rootCause\":\"NO_HARD_BUSINESS_OWNER\""));
    assertThat(events(instance, AuditEntryType.STOPPED)).singleElement()
        .satisfies(e -> assertThat(e.getDetails()).contains("\"rootCause\":\"NO_HARD_BUSINESS_OWNER\"")
            .contains("\"rootCauseLabel\":\"No hard business owner\""));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .count()).isZero();
  }

  @Test
  void anInvalidOverdueDecisionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = overdueInPhase1();

    Consumer<Map<String, Object>> refused = decision -> assertThatThrownBy(() -> decide(instance, decision))
        .isInstanceOf(FormFieldValidationException.class);
    refused.accept(Map.of(OVERDUE_DECISION, "EXTEND", NEW_DUE_DATE, "2001-01-01", OVERDUE_REASON, "late"));
    refused.accept(Map.of(OVERDUE_DECISION, "EXTEND", OVERDUE_REASON, "late"));
    refused.accept(Map.of(OVERDUE_DECISION, "IGNORE", OVERDUE_REASON, "late"));
    refused.accept(Map.of(OVERDUE_DECISION, "STOP"));
    refused.accept(Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "No sponsor"));
    refused.accept(Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "No sponsor", "stopRootCause", "BAD_LUCK"));
    refused.accept(Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "No sponsor", "stopRootCause", "OTHER"));
    refused.accept(Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "No sponsor", "stopRootCause", "OTHER",
        "stopRootCauseText", "  "));

    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC, TASK_DECIDE_OVERDUE_PHASE);
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ACTIVE);
    assertThat(events(instance, AuditEntryType.OVERDUE_DECISION)).isEmpty();
  }

  @Test
  void aStopWithAnotherRootCauseKeepsItsText() {
    ProcessInstance instance = overdueInPhase1();

    decide(instance, Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "The unit is sold",
        "stopRootCause", "OTHER", "stopRootCauseText", " The business unit was sold "));

    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStopRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.OTHER);
    assertThat(pilot.getStopRootCauseText()).isEqualTo("The business unit was sold");
    assertThat(events(instance, AuditEntryType.STOPPED)).singleElement()
        .satisfies(e -> assertThat(e.getDetails()).contains("\"rootCauseText\":\"The business unit was sold\""));
  }

  @Test
  void aDecisionThatDoesNotStopKeepsNoRootCause() {
    ProcessInstance instance = overdueInPhase1();

    decide(instance, Map.of(OVERDUE_DECISION, "PAUSE", OVERDUE_REASON, "Budget freeze",
        "stopRootCause", "WORKFLOW_MYOPIA"));

    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.ON_HOLD);
    assertThat(pilot.getStopRootCause()).isNull();
    assertThat(runtimeService.getVariable(instance.getId(), "stopRootCause")).isNull();
    assertThat(events(instance, AuditEntryType.OVERDUE_DECISION)).singleElement()
        .satisfies(e -> assertThat(e.getDetails()).isNull());
  }

  @Test
  void aPilotsOwnPhaseDurationSetsItsOverdueTimer() {
    ClockUtil.setCurrentTime(new Date());
    PilotRegistration base = Registrations.lowRisk(Registrations.newKey("OWN"), Framework.FIVE_PHASE);
    PilotRegistration registration = new PilotRegistration(base.key(), base.name(), base.businessUnit(),
        base.useCaseDescription(), base.framework(), base.executiveOwner(), base.aiProductOwner(), base.techLead(),
        base.riskComplianceOwner(), base.changeManager(), base.lineManager(), base.affectsIndividuals(),
        base.regulatedDomain(), base.processesPersonalData(), base.autonomy(), base.pilotCost(),
        base.projectedProductionCost(), Map.of("OUTCOME_DEFINITION", "P1W"));

    ProcessInstance instance = driver.start(intake, registration);

    assertThat(overdueTimer(instance, Step.OUTCOME_DEFINITION).getDuedate().toInstant())
        .isCloseTo(now().plus(Duration.ofDays(7)), org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));
    assertThat(registry.get(instance.getBusinessKey()).getStepDueAt())
        .isCloseTo(now().plus(Duration.ofDays(7)), org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));
  }

  @ParameterizedTest
  @MethodSource("org.pilotlifecycle.framework.Step#phases")
  void everyPhaseThatRunsOverItsDurationEscalatesToTheSteeringCommittee(Step phase) {
    Instant start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
    ProcessInstance instance = started("OVER");
    String firstTask = switch (phase) {
      case OUTCOME_DEFINITION -> TASK_DEFINE_SUCCESS_METRIC;
      case DATA_READINESS -> {
        driver.passPhase1(instance);
        yield TASK_ASSESS_DATA_READINESS;
      }
      case MLOPS_INFRASTRUCTURE -> {
        driver.passPhase1(instance);
        driver.passPhase2(instance);
        yield TASK_PROVIDE_MLOPS_EVIDENCE;
      }
      case GOVERNANCE_AND_RISK_CONTROLS -> {
        driver.passPhase1(instance);
        driver.passPhase2(instance);
        driver.passPhase3(instance);
        yield TASK_REVIEW_RISK_INPUTS;
      }
      case OPERATING_MODEL -> {
        driver.passPhase1(instance);
        driver.passPhase2(instance);
        driver.passPhase3(instance);
        driver.passPhase4(instance);
        yield TASK_PROVIDE_OPERATING_MODEL_EVIDENCE;
      }
      default -> throw new IllegalArgumentException("Not a phase: " + phase);
    };
    Duration allowed = org.pilotlifecycle.lifecycle.LifecycleProperties.defaultsOnly().allowed(phase);
    ClockUtil.setCurrentTime(Date.from(start.plus(allowed).minusSeconds(60)));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().active().count())
        .isZero();

    moveClockBy(Duration.ofMinutes(2));
    fireDueTimer(instance, phase);

    assertThat(instance).isWaitingAt(firstTask, TASK_DECIDE_OVERDUE_PHASE);
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).extracting(AuditEntry::getStep).containsExactly(phase.name());
  }

  @Test
  @Tag("reliability")
  void aCheckWhoseDependencyFailsRetriesThenRaisesAnIncidentAndContinuesOnceFixed() {
    ClockUtil.setCurrentTime(new Date());
    ProcessInstance instance = started("INCIDENT");
    org.mockito.Mockito.doThrow(new IllegalStateException("registry database unavailable"))
        .when(registry).defineSuccessMetric(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
    String taskId = driver.task(instance, TASK_DEFINE_SUCCESS_METRIC).getId();

    driver.complete("paul", driver.task(instance, TASK_DEFINE_SUCCESS_METRIC), FivePhaseForms.successMetric());

    // The sign-off of the deliverable stays committed: the check waits as a job of its own.
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isOne();
    assertThat(instance).isWaitingAt(TASK_CHECK_SUCCESS_METRIC);
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job job = managementService.createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
      assertThat(job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())).isTrue();
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("unavailable");
      Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(retried.getRetries()).isEqualTo(5 - attempt);
      if (attempt < 5) {
        // Back-off: the next attempt waits a minute.
        assertThat(retried.getDuedate().toInstant()).isAfter(now().plusSeconds(50));
        moveClockBy(Duration.ofMinutes(1).plusSeconds(1));
      }
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId())
        .activityId(TASK_CHECK_SUCCESS_METRIC).count()).isOne();

    org.mockito.Mockito.reset(registry);
    Job failed = managementService.createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    managementService.setJobRetries(failed.getId(), 1);
    managementService.executeJob(failed.getId());

    long incidentsAfterRetry = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count();
    Counts.report("check fault: 5 failed attempts, 1 incident; after the fix and a retry %d incident(s),"
        + " %d deliverable(s) kept", incidentsAfterRetry, events(instance, AuditEntryType.DELIVERABLE_SUBMITTED).size());
    assertThat(incidentsAfterRetry).isZero();
    assertThat(instance).isWaitingAt(TASK_SIGN_OFF_SUCCESS_METRIC);
    assertThat(registry.get(instance.getBusinessKey()).getSuccessMetric()).isNotNull();
    assertThat(events(instance, AuditEntryType.DELIVERABLE_SUBMITTED)).hasSize(1);
  }

  // helpers

  private void assertCheckFailed(ProcessInstance instance, String check) {
    assertThat(events(instance, AuditEntryType.CHECK)).filteredOn(e -> check.equals(e.getName()))
        .extracting(AuditEntry::getOutcome).contains("FAILED");
  }

  private static String gateOf(Step phase) {
    return switch (phase) {
      case OUTCOME_DEFINITION -> TASK_SIGN_OFF_SUCCESS_METRIC;
      case DATA_READINESS -> TASK_APPROVE_DATA_READINESS;
      case MLOPS_INFRASTRUCTURE -> TASK_APPROVE_MLOPS_READINESS;
      case GOVERNANCE_AND_RISK_CONTROLS -> TASK_SIGN_OFF_GOVERNANCE;
      case OPERATING_MODEL -> TASK_APPROVE_PRODUCTION;
      default -> throw new IllegalArgumentException("Not a phase: " + phase);
    };
  }

  private static String gateKeeper(Step phase) {
    return switch (phase) {
      case OUTCOME_DEFINITION -> "olivia";
      case DATA_READINESS, MLOPS_INFRASTRUCTURE -> "theo";
      case GOVERNANCE_AND_RISK_CONTROLS -> "rita";
      case OPERATING_MODEL -> "sam";
      default -> throw new IllegalArgumentException("Not a phase: " + phase);
    };
  }

  /** Passes the phases before, submits the phase's deliverables; returns the phase's first work task. */
  private String passUpToGateOf(Step phase, ProcessInstance instance) {
    switch (phase) {
      case OUTCOME_DEFINITION -> driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
      case DATA_READINESS -> {
        driver.passPhase1(instance);
        driver.submitPhase2(instance);
      }
      case MLOPS_INFRASTRUCTURE -> {
        driver.passPhase1(instance);
        driver.passPhase2(instance);
        driver.submitPhase3(instance);
      }
      case GOVERNANCE_AND_RISK_CONTROLS -> {
        driver.passPhase1(instance);
        driver.passPhase2(instance);
        driver.passPhase3(instance);
        driver.submitPhase4(instance);
      }
      case OPERATING_MODEL -> {
        driver.passPhase1(instance);
        driver.passPhase2(instance);
        driver.passPhase3(instance);
        driver.passPhase4(instance);
        driver.work("chris", instance, TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, FivePhaseForms.operatingModelEvidence());
      }
    }
    assertThat(instance).isWaitingAt(gateOf(phase));
    return switch (phase) {
      case OUTCOME_DEFINITION -> TASK_DEFINE_SUCCESS_METRIC;
      case DATA_READINESS -> TASK_ASSESS_DATA_READINESS;
      case MLOPS_INFRASTRUCTURE -> TASK_PROVIDE_MLOPS_EVIDENCE;
      case GOVERNANCE_AND_RISK_CONTROLS -> TASK_REVIEW_RISK_INPUTS;
      case OPERATING_MODEL -> TASK_PROVIDE_OPERATING_MODEL_EVIDENCE;
      default -> throw new IllegalArgumentException("Not a phase: " + phase);
    };
  }
}
