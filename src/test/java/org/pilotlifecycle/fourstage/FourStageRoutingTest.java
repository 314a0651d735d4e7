package org.pilotlifecycle.fourstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pilotlifecycle.fourstage.FourStageProcess.*;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.support.routing.FakeAdoptionProgramme;
import org.pilotlifecycle.support.routing.FakeFourStageLifecycle;
import org.pilotlifecycle.support.routing.FakeStepLifecycle;
import org.pilotlifecycle.support.routing.RoutingDriver;
import org.pilotlifecycle.support.routing.RoutingEngine;
import org.pilotlifecycle.support.routing.RoutingFakes;
import org.pilotlifecycle.support.routing.RoutingFakes.Recording;
import org.pilotlifecycle.support.routing.ScriptedCheck;

/**
 * The routing of bpmn/FourStageScaling.bpmn alone, on an in-memory engine without Spring: the real go/no-go
 * decision, every bean the diagram names replaced by a fake that sets the flags its gateways read. Stage 1's
 * go, conditional go and no-go; stage 2's workstreams and re-assessment; stage 3's weekly adoption loop;
 * stage 4's certification; the monthly dashboard review beside the stages; the overdue timers.
 */
class FourStageRoutingTest {

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = RoutingEngine.extension(RoutingEngine.inMemory(PROCESS_ID));

  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
  /** A dimension passes the gap assessment with this score or more (the fake scoring). */
  static final int PASS_SCORE = 3;
  /** The adoption target in percent (the fake evaluation), met two weeks in a row to pass. */
  static final double ADOPTION_TARGET = 60;
  static final int PROGRAMME_WEEKS = 4;
  static final List<String> STAGE2_WORKSTREAMS = List.of(TASK_BUILD_DATA_PIPELINES,
      TASK_BUILD_INTEGRATION_CONNECTORS, TASK_DOCUMENT_GOVERNANCE);
  static final Map<Step, String> FIRST_WORK = Map.of(
      Step.PILOT_VALIDATION, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE,
      Step.PRODUCTION_ARCHITECTURE, TASK_BUILD_DATA_PIPELINES,
      Step.ORGANIZATIONAL_EMBEDDING, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING,
      Step.ENTERPRISE_SCALE, TASK_PLAN_EXPANSION);

  ProcessEngine engine; // injected by the extension
  RoutingDriver driver;
  FakeStepLifecycle stepLifecycle;
  FakeFourStageLifecycle fourStageLifecycle;
  ScriptedCheck productionReadinessCheck;
  final Recording recordNoGoDecision = new Recording();
  final Recording recordOverdueDecision = new Recording();
  final Recording extendDeadline = new Recording();
  final Recording putPilotOnHold = new Recording();
  final Recording resumePilot = new Recording();
  final Recording stopPilot = new Recording();
  final Recording markPilotAtEnterpriseScale = new Recording();

  @BeforeAll
  static void deploy() {
    RoutingEngine.deploy(EXTENSION.getProcessEngine(), "bpmn/FourStageScaling.bpmn", "bpmn/GoNoGoDecision.dmn");
  }

  @AfterAll
  static void closeEngine() {
    EXTENSION.getProcessEngine().close();
  }

  @BeforeEach
  void registerFakes() {
    AbstractAssertions.init(engine);
    driver = new RoutingDriver(engine);
    RoutingDriver.clockAt(START);
    stepLifecycle = new FakeStepLifecycle();
    fourStageLifecycle = new FakeFourStageLifecycle();
    productionReadinessCheck = new ScriptedCheck(PRODUCTION_READINESS_CHECK_PASSED);
    Mocks.register("stepLifecycle", stepLifecycle);
    Mocks.register("pilotPeople", new RoutingFakes.PilotPeopleFake());
    Mocks.register("decisionForms", new RoutingFakes.DecisionFormsFake());
    Mocks.register("recordDashboardReviewDelegate", (JavaDelegate) execution -> execution.setVariable(
        DASHBOARD_ESCALATED, "ESCALATE".equals(execution.getVariable(DASHBOARD_ACTION))));
    Mocks.register("recordEscalationResponseDelegate", (JavaDelegate) execution -> { });
    Mocks.register("fourStageLifecycle", fourStageLifecycle);
    Mocks.register("adoptionProgramme", new FakeAdoptionProgramme());
    Mocks.register("recordGateDecisionDelegate", RoutingFakes.recordGateDecision());
    // Score readiness gaps: each dimension's score against the pass score gives the decision its inputs.
    Mocks.register("scoreReadinessGapsDelegate", (JavaDelegate) execution -> {
      for (Dimension dimension : Dimension.values()) {
        int score = ((Number) execution.getVariable(dimension.scoreVariable())).intValue();
        execution.setVariable(dimension.passedVariable(), score >= PASS_SCORE);
      }
    });
    // Record go/no-go outcome: the decision's result becomes goNoGoOutcome (and carriedOverDimension).
    Mocks.register("recordGoNoGoOutcomeDelegate", (JavaDelegate) execution -> {
      Map<?, ?> result = (Map<?, ?>) execution.getVariable(GO_NO_GO_RESULT);
      execution.setVariable(GO_NO_GO_OUTCOME, result.get(GO_NO_GO_OUTCOME));
      if (result.get(CARRIED_OVER_DIMENSION) == null) {
        execution.removeVariable(CARRIED_OVER_DIMENSION);
      } else {
        execution.setVariable(CARRIED_OVER_DIMENSION, result.get(CARRIED_OVER_DIMENSION));
      }
      execution.removeVariable(GO_NO_GO_RESULT);
    });
    Mocks.register("recordNoGoDecisionDelegate", recordNoGoDecision);
    Mocks.register("checkProductionReadinessDelegate", productionReadinessCheck);
    // Start adoption programme: week 0 now.
    Mocks.register("startAdoptionProgrammeDelegate", (JavaDelegate) execution -> {
      execution.setVariable(ADOPTION_PROGRAMME_START, Date.from(RoutingDriver.now()));
      execution.setVariable(ADOPTION_WEEK, 0);
      execution.setVariable(ADOPTION_WEEKS_AT_TARGET, 0);
      execution.setVariable(ADOPTION_PROGRAMME_WEEKS, PROGRAMME_WEEKS);
      execution.setVariable(ADOPTION_TARGET_REACHED, false);
      execution.setVariable(ADOPTION_PROGRAMME_OVER, false);
    });
    // Evaluate adoption: the target is reached when met two weeks in a row; the programme is over below
    // target after its last week.
    Mocks.register("evaluateAdoptionDelegate", (JavaDelegate) execution -> {
      double rate = ((Number) execution.getVariable(ADOPTION_RATE)).doubleValue();
      int week = ((Number) execution.getVariable(ADOPTION_WEEK)).intValue() + 1;
      int streak = rate >= ADOPTION_TARGET
          ? ((Number) execution.getVariable(ADOPTION_WEEKS_AT_TARGET)).intValue() + 1 : 0;
      boolean reached = streak >= 2;
      execution.setVariable(ADOPTION_WEEK, week);
      execution.setVariable(ADOPTION_WEEKS_AT_TARGET, streak);
      execution.setVariable(ADOPTION_TARGET_REACHED, reached);
      execution.setVariable(ADOPTION_PROGRAMME_OVER,
          !reached && week >= ((Number) execution.getVariable(ADOPTION_PROGRAMME_WEEKS)).intValue());
      execution.removeVariable(ADOPTION_RATE);
    });
    // Record shortfall decision: an extension adds weeks to the programme.
    Mocks.register("recordShortfallDecisionDelegate", (JavaDelegate) execution -> {
      if ("EXTEND".equals(execution.getVariable(SHORTFALL_DECISION))) {
        int weeks = ((Number) execution.getVariable(ADOPTION_PROGRAMME_WEEKS)).intValue()
            + ((Number) execution.getVariable(EXTENSION_WEEKS)).intValue();
        execution.setVariable(ADOPTION_PROGRAMME_WEEKS, weeks);
        execution.setVariable(ADOPTION_PROGRAMME_OVER, false);
      }
    });
    Mocks.register("recordOverdueDecisionDelegate", recordOverdueDecision);
    Mocks.register("extendDeadlineDelegate", extendDeadline);
    Mocks.register("putPilotOnHoldDelegate", putPilotOnHold);
    Mocks.register("resumePilotDelegate", resumePilot);
    Mocks.register("stopPilotDelegate", stopPilot);
    Mocks.register("markPilotInProductionDelegate", markPilotAtEnterpriseScale);
  }

  @AfterEach
  void resetFakes() {
    RoutingEngine.deleteRunningInstances(engine);
    Mocks.reset();
    AbstractAssertions.reset();
  }

  // ---- driving -------------------------------------------------------------------------------------------

  private ProcessInstance started() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_ID, "PIL-4S",
        Map.of(PILOT_KEY, "PIL-4S", "riskTier", "LOW", "humanInTheLoopRequired", false));
    assertThat(instance).hasPassed(START_EVENT).isWaitingAt(TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE,
        TIMER_MONTH_PASSED);
    assertThat(fourStageLifecycle.starts).isEqualTo(1);
    return instance;
  }

  /** The five gap scores in the order of {@link Dimension}. */
  private static Map<String, Object> scores(int... scores) {
    Map<String, Object> variables = new HashMap<>();
    for (Dimension dimension : Dimension.values()) {
      variables.put(dimension.scoreVariable(), scores[dimension.ordinal()]);
    }
    return variables;
  }

  private static Map<String, Object> gate(String decision) {
    return "APPROVE".equals(decision) ? Map.of(GATE_DECISION, decision)
        : Map.of(GATE_DECISION, decision, GATE_REASON, "Not convincing yet");
  }

  /** Stage 1 up to the go/no-go signature: evidence, gap assessment with these scores, decision. */
  private void assessGaps(ProcessInstance instance, int... gapScores) {
    driver.complete(instance, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE);
    driver.complete(instance, TASK_ASSESS_READINESS_GAPS, scores(gapScores));
    assertThat(instance).hasPassed(TASK_SCORE_READINESS_GAPS, TASK_DECIDE_GO_NO_GO, TASK_RECORD_GO_NO_GO_OUTCOME)
        .isWaitingAt(TASK_SIGN_GO_NO_GO);
  }

  private void completeWorkstreams(ProcessInstance instance) {
    for (String workstream : STAGE2_WORKSTREAMS) {
      driver.complete(instance, workstream);
    }
    for (Task remediation : driver.tasks(instance, TASK_REMEDIATE_CARRIED_OVER_DIMENSION)) {
      engine.getTaskService().complete(remediation.getId());
    }
  }

  private void reassess(ProcessInstance instance) {
    driver.complete(instance, TASK_REASSESS_PRODUCTION_READINESS, scores(4, 4, 4, 4, 4));
    driver.runAsyncContinuations(instance);
  }

  /** Moves the clock to the end of the adoption week, fires its timer and records the week's adoption. */
  private void adoptionWeek(ProcessInstance instance, double rate) {
    RoutingDriver.clockAt(driver.timerDue(instance, TIMER_ADOPTION_WEEK_OVER));
    driver.fireDueTimer(instance, TIMER_ADOPTION_WEEK_OVER);
    driver.complete(instance, TASK_RECORD_WEEKLY_ADOPTION, Map.of(ADOPTION_RATE, rate, ACTIVE_USERS, 120));
    assertThat(instance).hasPassed(TASK_EVALUATE_ADOPTION);
  }

  /** Takes the pilot through every stage before this one, on the plain path. */
  private ProcessInstance atStage(Step stage) {
    ProcessInstance instance = started();
    if (stage != Step.PILOT_VALIDATION) {
      assessGaps(instance, 4, 4, 4, 4, 4);
      driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));
    }
    if (stage == Step.ORGANIZATIONAL_EMBEDDING || stage == Step.ENTERPRISE_SCALE) {
      completeWorkstreams(instance);
      reassess(instance);
    }
    if (stage == Step.ENTERPRISE_SCALE) {
      driver.complete(instance, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
      adoptionWeek(instance, 70);
      adoptionWeek(instance, 70);
      driver.complete(instance, TASK_CONFIRM_ADOPTION_RESULTS);
      driver.complete(instance, TASK_SIGN_OFF_ADOPTION, gate("APPROVE"));
    }
    assertThat(instance).isWaitingAt(FIRST_WORK.get(stage));
    assertThat(stepLifecycle.startedSteps).endsWith(stage.name());
    return instance;
  }

  private static Map<String, Object> overdueDecision(String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OVERDUE_DECISION, decision);
    variables.put(OVERDUE_REASON, "Steering committee decision");
    if (!"STOP".equals(decision)) {
      variables.put(NEW_DUE_DATE, "2026-12-31");
    }
    return variables;
  }

  /** Moves the clock just past the stage's due date and fires its overdue timer. */
  private void stageRunsOverdue(ProcessInstance instance, Step stage) {
    Instant due = stepLifecycle.dueOf(stage);
    assertThat(driver.timerDue(instance, stage.overdueTimerId())).isEqualTo(due);
    RoutingDriver.clockAt(due.plusSeconds(60));
    driver.fireDueTimer(instance, stage.overdueTimerId());
    assertThat(instance).isWaitingAt(TASK_DECIDE_OVERDUE_STAGE);
  }

  static Stream<Step> stages() {
    return Step.stages().stream();
  }

  private void assertStopped(ProcessInstance instance) {
    assertThat(instance).hasPassedInOrder(TASK_STOP_PILOT, END_PILOT_STOPPED).isEnded()
        .hasNotPassed(TASK_MARK_AT_ENTERPRISE_SCALE);
    assertThat(stopPilot.activities).containsExactly(TASK_STOP_PILOT);
    assertThat(driver.openTasks(instance)).isEmpty();
  }

  // ---- stage 1: pilot validation -------------------------------------------------------------------------

  @Test
  void stage1AllFiveDimensionsPassIsAGoIntoStage2WithoutARemediationWorkstream() {
    ProcessInstance instance = started();
    assessGaps(instance, 4, 4, 4, 4, 4);
    assertThat(instance).variables().containsEntry(GO_NO_GO_OUTCOME, "GO").doesNotContainKey(CARRIED_OVER_DIMENSION);

    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));

    assertThat(instance).hasPassed(END_PILOT_VALIDATED, Step.PILOT_VALIDATION.subProcessId())
        .hasNotPassed(TASK_DECIDE_AFTER_NO_GO)
        .isWaitingAt(TASK_BUILD_DATA_PIPELINES, TASK_BUILD_INTEGRATION_CONNECTORS, TASK_DOCUMENT_GOVERNANCE);
    assertThat(driver.tasks(instance, TASK_REMEDIATE_CARRIED_OVER_DIMENSION)).isEmpty();
    assertThat(stepLifecycle.startedSteps).containsExactly("PILOT_VALIDATION", "PRODUCTION_ARCHITECTURE");
  }

  @Test
  void stage1FourOfFiveIsAConditionalGoThatCarriesTheFailingDimensionIntoStage2AsAWorkstream() {
    // (which dimension is carried over for which scores is GoNoGoDecisionTest's story)
    Dimension failing = Dimension.INTEGRATION;
    ProcessInstance instance = started();
    int[] gapScores = {4, 4, 4, 4, 4};
    gapScores[failing.ordinal()] = 2;
    assessGaps(instance, gapScores);
    assertThat(instance).variables().containsEntry(GO_NO_GO_OUTCOME, "CONDITIONAL_GO")
        .containsEntry(CARRIED_OVER_DIMENSION, failing.name());

    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));

    assertThat(instance).hasPassed(END_PILOT_VALIDATED).hasNotPassed(TASK_DECIDE_AFTER_NO_GO);
    Task remediation = driver.task(instance, TASK_REMEDIATE_CARRIED_OVER_DIMENSION);
    assertThat(engine.getTaskService().getVariable(remediation.getId(), REMEDIATION_DIMENSION))
        .isEqualTo(failing.name());
    // the workstreams join only when the remediation is done too
    for (String workstream : STAGE2_WORKSTREAMS) {
      driver.complete(instance, workstream);
    }
    assertThat(driver.openTasks(instance)).containsExactly(TASK_REMEDIATE_CARRIED_OVER_DIMENSION);
    engine.getTaskService().complete(remediation.getId());
    assertThat(instance).isWaitingAt(TASK_REASSESS_PRODUCTION_READINESS);
  }

  @Test
  void stage1NoGoThenRemediateReturnsToTheValidationEvidenceAndAGoLaterPasses() {
    ProcessInstance instance = started();
    assessGaps(instance, 2, 2, 4, 4, 4);
    assertThat(instance).variables().containsEntry(GO_NO_GO_OUTCOME, "NO_GO");
    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));
    assertThat(instance).isWaitingAt(TASK_DECIDE_AFTER_NO_GO).hasNotPassed(END_PILOT_VALIDATED);

    driver.complete(instance, TASK_DECIDE_AFTER_NO_GO, Map.of(NO_GO_DECISION, "REMEDIATE", NO_GO_REASON, "Fixable"));

    assertThat(instance).hasPassed(TASK_RECORD_NO_GO_DECISION).isWaitingAt(TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE)
        .hasNotPassed(END_STAGE1_STOPPED, TASK_STOP_PILOT);
    assertThat(recordNoGoDecision.activities).containsExactly(TASK_RECORD_NO_GO_DECISION);

    assessGaps(instance, 4, 4, 4, 4, 4);
    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));
    assertThat(instance).hasPassed(END_PILOT_VALIDATED).isWaitingAt(TASK_BUILD_DATA_PIPELINES);
  }

  @Test
  void stage1NoGoThenStopEndsThePilotThroughTheStage1ErrorBoundary() {
    ProcessInstance instance = started();
    assessGaps(instance, 1, 2, 2, 4, 4);
    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));

    driver.complete(instance, TASK_DECIDE_AFTER_NO_GO, Map.of(NO_GO_DECISION, "STOP", NO_GO_REASON, "Not viable"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_NO_GO_DECISION, END_STAGE1_STOPPED)
        .hasPassedInOrder(BOUNDARY_STAGE1_STOPPED, TASK_STOP_PILOT)
        .hasNotPassed(END_PILOT_VALIDATED, Step.PRODUCTION_ARCHITECTURE.subProcessId());
    assertStopped(instance);
  }

  @Test
  void stage1RejectedGoNoGoSignatureReturnsToTheValidationEvidence() {
    ProcessInstance instance = started();
    assessGaps(instance, 4, 4, 4, 4, 4);

    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("REJECT"));

    assertThat(instance).isWaitingAt(TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE)
        .hasNotPassed(END_PILOT_VALIDATED, TASK_DECIDE_AFTER_NO_GO);
    assertThat(stepLifecycle.startedSteps).containsExactly("PILOT_VALIDATION");
  }

  // ---- stage 2: production architecture ------------------------------------------------------------------

  @Test
  void stage2FailedReassessmentReturnsToTheReassessmentAndAPassLeadsToStage3() {
    ProcessInstance instance = atStage(Step.PRODUCTION_ARCHITECTURE);
    completeWorkstreams(instance);
    assertThat(instance).isWaitingAt(TASK_REASSESS_PRODUCTION_READINESS);
    productionReadinessCheck.failNext(1);

    reassess(instance);

    assertThat(instance).hasPassed(TASK_CHECK_PRODUCTION_READINESS).isWaitingAt(TASK_REASSESS_PRODUCTION_READINESS)
        .hasNotPassed(END_ARCHITECTURE_READY);
    assertThat(driver.tasks(instance, TASK_BUILD_DATA_PIPELINES)).as("the workstreams are not reopened").isEmpty();

    reassess(instance);

    assertThat(productionReadinessCheck.runs()).isEqualTo(2);
    assertThat(instance).hasPassed(END_ARCHITECTURE_READY).isWaitingAt(TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
    assertThat(stepLifecycle.startedSteps).endsWith("PRODUCTION_ARCHITECTURE", "ORGANIZATIONAL_EMBEDDING");
  }

  // ---- stage 3: organizational embedding -----------------------------------------------------------------

  @Test
  void stage3WeeklyAdoptionLoopsUntilTheTargetIsMetTwoWeeksInARowThenSignOffLeadsToStage4() {
    ProcessInstance instance = atStage(Step.ORGANIZATIONAL_EMBEDDING);
    driver.complete(instance, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
    assertThat(instance).hasPassed(TASK_START_ADOPTION_PROGRAMME).isWaitingAt(TIMER_ADOPTION_WEEK_OVER);
    Instant programmeStart = RoutingDriver.now();
    assertThat(driver.timerDue(instance, TIMER_ADOPTION_WEEK_OVER)).isEqualTo(programmeStart.plus(Duration.ofDays(7)));

    adoptionWeek(instance, 40); // below target
    assertThat(instance).isWaitingAt(TIMER_ADOPTION_WEEK_OVER).hasNotPassed(TASK_CONFIRM_ADOPTION_RESULTS);
    assertThat(driver.timerDue(instance, TIMER_ADOPTION_WEEK_OVER)).isEqualTo(programmeStart.plus(Duration.ofDays(14)));
    adoptionWeek(instance, 65); // at target, once
    assertThat(instance).isWaitingAt(TIMER_ADOPTION_WEEK_OVER).hasNotPassed(TASK_CONFIRM_ADOPTION_RESULTS);
    adoptionWeek(instance, 70); // at target, twice in a row

    assertThat(instance).isWaitingAt(TASK_CONFIRM_ADOPTION_RESULTS).hasNotPassed(TASK_DECIDE_ON_ADOPTION_SHORTFALL);
    driver.complete(instance, TASK_CONFIRM_ADOPTION_RESULTS);
    driver.complete(instance, TASK_SIGN_OFF_ADOPTION, gate("APPROVE"));

    assertThat(instance).hasPassed(END_ORGANIZATION_EMBEDDED).isWaitingAt(TASK_PLAN_EXPANSION);
    assertThat(stepLifecycle.startedSteps).endsWith("ORGANIZATIONAL_EMBEDDING", "ENTERPRISE_SCALE");
  }

  @Test
  void stage3RejectedAdoptionSignOffGoesBackToTheWeeklyLoop() {
    ProcessInstance instance = atStage(Step.ORGANIZATIONAL_EMBEDDING);
    driver.complete(instance, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
    adoptionWeek(instance, 70);
    adoptionWeek(instance, 70);
    driver.complete(instance, TASK_CONFIRM_ADOPTION_RESULTS);

    driver.complete(instance, TASK_SIGN_OFF_ADOPTION, gate("REJECT"));

    assertThat(instance).hasPassed(TASK_SIGN_OFF_ADOPTION).isWaitingAt(TIMER_ADOPTION_WEEK_OVER)
        .hasNotPassed(END_ORGANIZATION_EMBEDDED);
    adoptionWeek(instance, 75);
    assertThat(instance).as("still at target: straight back to the confirmation").isWaitingAt(
        TASK_CONFIRM_ADOPTION_RESULTS);
  }

  @Test
  void stage3ProgrammeOverBelowTargetThenExtendedRunsMoreWeeksUntilTheTargetIsReached() {
    ProcessInstance instance = atStage(Step.ORGANIZATIONAL_EMBEDDING);
    driver.complete(instance, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
    for (int week = 1; week <= PROGRAMME_WEEKS; week++) {
      adoptionWeek(instance, 30);
    }
    assertThat(instance).isWaitingAt(TASK_DECIDE_ON_ADOPTION_SHORTFALL);

    driver.complete(instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
        Map.of(SHORTFALL_DECISION, "EXTEND", EXTENSION_WEEKS, 2, SHORTFALL_REASON, "Training starts late"));

    assertThat(instance).hasPassed(TASK_RECORD_SHORTFALL_DECISION).isWaitingAt(TIMER_ADOPTION_WEEK_OVER)
        .hasNotPassed(END_STAGE3_STOPPED);
    adoptionWeek(instance, 65);
    adoptionWeek(instance, 66);
    assertThat(instance).isWaitingAt(TASK_CONFIRM_ADOPTION_RESULTS);
  }

  @Test
  void stage3ProgrammeOverBelowTargetThenStoppedEndsThePilotThroughTheStage3ErrorBoundary() {
    ProcessInstance instance = atStage(Step.ORGANIZATIONAL_EMBEDDING);
    driver.complete(instance, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
    for (int week = 1; week <= PROGRAMME_WEEKS; week++) {
      adoptionWeek(instance, 30);
    }

    driver.complete(instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
        Map.of(SHORTFALL_DECISION, "STOP", SHORTFALL_REASON, "Nobody uses it"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_SHORTFALL_DECISION, END_STAGE3_STOPPED)
        .hasPassedInOrder(BOUNDARY_STAGE3_STOPPED, TASK_STOP_PILOT)
        .hasNotPassed(END_ORGANIZATION_EMBEDDED, Step.ENTERPRISE_SCALE.subProcessId());
    assertStopped(instance);
  }

  // ---- stage 4: enterprise scale -------------------------------------------------------------------------

  @Test
  void stage4CertificationApprovedMarksThePilotAtEnterpriseScaleAndEndsAllOpenWork() {
    ProcessInstance instance = atStage(Step.ENTERPRISE_SCALE);
    driver.complete(instance, TASK_PLAN_EXPANSION);
    driver.complete(instance, TASK_CODIFY_DEPLOYMENT_PLAYBOOK);

    driver.complete(instance, TASK_CERTIFY_FOR_PRODUCTION, gate("APPROVE"));

    // (the clock stands still, so the order across scopes is told by the stages' starts below)
    assertThat(instance).hasPassed(END_ENTERPRISE_SCALE_REACHED, Step.ENTERPRISE_SCALE.subProcessId())
        .hasPassedInOrder(TASK_MARK_AT_ENTERPRISE_SCALE, END_AT_ENTERPRISE_SCALE).isEnded()
        .hasNotPassed(TASK_STOP_PILOT, TASK_DECIDE_OVERDUE_STAGE);
    assertThat(markPilotAtEnterpriseScale.activities).containsExactly(TASK_MARK_AT_ENTERPRISE_SCALE);
    assertThat(stepLifecycle.startedSteps).containsExactlyElementsOf(
        Step.stages().stream().map(Step::name).toList());
  }

  @Test
  void stage4CertificationRefusedReturnsToPlanExpansion() {
    ProcessInstance instance = atStage(Step.ENTERPRISE_SCALE);
    driver.complete(instance, TASK_PLAN_EXPANSION);
    driver.complete(instance, TASK_CODIFY_DEPLOYMENT_PLAYBOOK);

    driver.complete(instance, TASK_CERTIFY_FOR_PRODUCTION, gate("REJECT"));

    assertThat(instance).isWaitingAt(TASK_PLAN_EXPANSION).hasNotPassed(END_ENTERPRISE_SCALE_REACHED,
        TASK_MARK_AT_ENTERPRISE_SCALE);
  }

  // ---- monthly dashboard review --------------------------------------------------------------------------

  @Test
  void anEscalatedDashboardReviewGoesToTheSteeringCommittee() {
    ProcessInstance instance = started();
    RoutingDriver.clockAt(START.plus(Duration.ofDays(30)));
    driver.fireDueTimer(instance, TIMER_MONTH_PASSED);

    driver.complete(instance, TASK_REVIEW_PILOT_DASHBOARD, Map.of(DASHBOARD_ACTION, "ESCALATE"));

    assertThat(instance).hasPassed(TASK_RECORD_DASHBOARD_REVIEW).isWaitingAt(TASK_DECIDE_ON_DASHBOARD_ESCALATION);
    driver.complete(instance, TASK_DECIDE_ON_DASHBOARD_ESCALATION);
    assertThat(instance).hasPassed("EndEvent_EscalationDecided").isNotWaitingAt(TASK_DECIDE_ON_DASHBOARD_ESCALATION);
  }

  @Test
  void monthlyDashboardReviewOpensEveryThirtyDaysBesideTheStagesAndClosesWhenThePilotEnds() {
    ProcessInstance instance = started();
    assertThat(driver.timerDue(instance, TIMER_MONTH_PASSED)).isEqualTo(START.plus(Duration.ofDays(30)));

    RoutingDriver.clockAt(START.plus(Duration.ofDays(30)));
    driver.fireDueTimer(instance, TIMER_MONTH_PASSED);

    assertThat(instance).isWaitingAt(TASK_REVIEW_PILOT_DASHBOARD, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE,
        TIMER_MONTH_PASSED);
    assertThat(driver.timerDue(instance, TIMER_MONTH_PASSED)).isEqualTo(START.plus(Duration.ofDays(60)));
    driver.complete(instance, TASK_REVIEW_PILOT_DASHBOARD);
    assertThat(instance).hasPassed("EndEvent_DashboardReviewed").isWaitingAt(TIMER_MONTH_PASSED);

    // a review left open when the next month passes: two open reviews
    RoutingDriver.clockAt(START.plus(Duration.ofDays(60)));
    driver.fireDueTimer(instance, TIMER_MONTH_PASSED);
    RoutingDriver.clockAt(START.plus(Duration.ofDays(90)));
    driver.fireDueTimer(instance, TIMER_MONTH_PASSED);
    assertThat(driver.tasks(instance, TASK_REVIEW_PILOT_DASHBOARD)).hasSize(2);

    // the pilot ends (here: stopped after a no-go): the terminate end closes the reviews and the loop
    assessGaps(instance, 1, 1, 1, 1, 1);
    driver.complete(instance, TASK_SIGN_GO_NO_GO, gate("APPROVE"));
    driver.complete(instance, TASK_DECIDE_AFTER_NO_GO, Map.of(NO_GO_DECISION, "STOP", NO_GO_REASON, "Not viable"));
    assertStopped(instance);
    assertThat(driver.timer(instance, TIMER_MONTH_PASSED)).isNull();
  }

  // ---- overdue stages ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: overdue timer at its due date → steering committee decides, work stays open")
  @MethodSource("stages")
  void eachStagesOverdueTimerFiresAtItsDueDateAndLeavesTheWorkOpen(Step stage) {
    ProcessInstance instance = atStage(stage);
    RoutingDriver.clockAt(stepLifecycle.dueOf(stage).minusSeconds(60));
    assertThat(driver.fireAllDueTimers(instance)).as("timers due a minute before the stage is overdue")
        .doesNotContain(stage.overdueTimerId());
    assertThat(driver.tasks(instance, TASK_DECIDE_OVERDUE_STAGE)).isEmpty();

    stageRunsOverdue(instance, stage);

    assertThat(instance).isWaitingAt(FIRST_WORK.get(stage));
    assertThat(stepLifecycle.overdueSteps).containsExactly(stage.name());
    assertThat(driver.timer(instance, stage.overdueTimerId())).as("the next reminder").isNotNull();
  }

  @Test
  void overdueStageExtendedKeepsItsWorkAndEndsTheOverdueBranch() {
    ProcessInstance instance = atStage(Step.PILOT_VALIDATION);
    stageRunsOverdue(instance, Step.PILOT_VALIDATION);

    driver.complete(instance, TASK_DECIDE_OVERDUE_STAGE, overdueDecision("EXTEND"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_OVERDUE_DECISION, TASK_EXTEND_STAGE_DEADLINE,
        END_STAGE_DEADLINE_EXTENDED).hasNotPassed(TASK_PUT_PILOT_ON_HOLD, TASK_STOP_PILOT).isNotEnded();
    assertThat(driver.openTasks(instance)).containsExactly(TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE);
    assertThat(extendDeadline.activities).containsExactly(TASK_EXTEND_STAGE_DEADLINE);
  }

  @Test
  void overdueStagePausedWaitsForResumeAndKeepsItsWork() {
    ProcessInstance instance = atStage(Step.PRODUCTION_ARCHITECTURE);
    stageRunsOverdue(instance, Step.PRODUCTION_ARCHITECTURE);

    driver.complete(instance, TASK_DECIDE_OVERDUE_STAGE, overdueDecision("PAUSE"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_OVERDUE_DECISION, TASK_PUT_PILOT_ON_HOLD)
        .isWaitingAt(TASK_RESUME_PAUSED_PILOT).hasNotPassed(TASK_EXTEND_STAGE_DEADLINE, TASK_STOP_PILOT);

    driver.complete(instance, TASK_RESUME_PAUSED_PILOT, Map.of(NEW_DUE_DATE, "2026-12-31"));

    assertThat(instance).hasPassedInOrder(TASK_RESUME_PAUSED_PILOT, TASK_RESUME_PILOT, END_PILOT_RESUMED).isNotEnded();
    assertThat(driver.openTasks(instance)).containsAll(STAGE2_WORKSTREAMS).doesNotContain(TASK_RESUME_PAUSED_PILOT);
    assertThat(putPilotOnHold.activities).containsExactly(TASK_PUT_PILOT_ON_HOLD);
    assertThat(resumePilot.activities).containsExactly(TASK_RESUME_PILOT);
  }

  @Test
  void overdueStageStoppedEndsThePilotAndAllOpenWork() {
    ProcessInstance instance = atStage(Step.ORGANIZATIONAL_EMBEDDING);
    stageRunsOverdue(instance, Step.ORGANIZATIONAL_EMBEDDING);

    driver.complete(instance, TASK_DECIDE_OVERDUE_STAGE, overdueDecision("STOP"));

    assertThat(instance).hasPassed(TASK_RECORD_OVERDUE_DECISION).hasNotPassed(TASK_EXTEND_STAGE_DEADLINE,
        TASK_PUT_PILOT_ON_HOLD, BOUNDARY_STAGE3_STOPPED);
    assertStopped(instance);
  }
}
