package org.pilotlifecycle.fivephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.support.routing.FakeStepLifecycle;
import org.pilotlifecycle.support.routing.RoutingDriver;
import org.pilotlifecycle.support.routing.RoutingEngine;
import org.pilotlifecycle.support.routing.RoutingFakes;
import org.pilotlifecycle.support.routing.RoutingFakes.Recording;
import org.pilotlifecycle.support.routing.ScriptedCheck;

/**
 * The routing of bpmn/FivePhaseOperationalization.bpmn alone, on an in-memory engine without Spring: the
 * real decisions (minimum data readiness level, risk tier), every bean the diagram names replaced by a fake
 * that sets the flags its gateways read. Each phase to its gate and on; a failed check and a rejected gate
 * back to the phase's work; the overdue timer and the steering committee's extend, pause and stop; the end in
 * production.
 */
class FivePhaseRoutingTest {

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = RoutingEngine.extension(RoutingEngine.inMemory(PROCESS_ID));

  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

  /** The beans of the readiness checks and the flag each sets. */
  static final Map<String, String> CHECK_BEANS = Map.of(
      "checkSuccessMetricDelegate", SUCCESS_METRIC_CHECK_PASSED,
      "checkDataReadinessDelegate", DATA_READINESS_CHECK_PASSED,
      "checkProductionDataToleranceDelegate", PRODUCTION_DATA_CHECK_PASSED,
      "checkMlopsCapabilityDelegate", MLOPS_CHECK_PASSED,
      "checkCostModelDelegate", COST_MODEL_CHECK_PASSED,
      "checkRepeatabilityDelegate", REPEATABILITY_CHECK_PASSED);

  /** A phase's way through the diagram: its work (user tasks in order), the checks after it, its gate. */
  record Route(Step step, List<String> work, List<String> checks, String gate, String recordGate) {
    String firstWork() {
      return work.get(0);
    }
  }

  static final Map<Step, Route> ROUTES = new LinkedHashMap<>();
  static {
    route(Step.OUTCOME_DEFINITION, List.of(TASK_DEFINE_SUCCESS_METRIC), List.of(SUCCESS_METRIC_CHECK_PASSED),
        TASK_RECORD_PHASE1_GATE);
    route(Step.DATA_READINESS, List.of(TASK_ASSESS_DATA_READINESS, TASK_MEASURE_PRODUCTION_PERFORMANCE),
        List.of(DATA_READINESS_CHECK_PASSED, PRODUCTION_DATA_CHECK_PASSED), TASK_RECORD_PHASE2_GATE);
    route(Step.MLOPS_INFRASTRUCTURE, List.of(TASK_PROVIDE_MLOPS_EVIDENCE, TASK_BUILD_COST_MODEL),
        List.of(MLOPS_CHECK_PASSED, COST_MODEL_CHECK_PASSED), TASK_RECORD_PHASE3_GATE);
    // a low-risk pilot: no human-in-the-loop design
    route(Step.GOVERNANCE_AND_RISK_CONTROLS, List.of(TASK_REVIEW_RISK_INPUTS, TASK_PROVIDE_GOVERNANCE_EVIDENCE),
        List.of(), TASK_RECORD_PHASE4_GATE);
    route(Step.OPERATING_MODEL, List.of(TASK_PROVIDE_OPERATING_MODEL_EVIDENCE), List.of(REPEATABILITY_CHECK_PASSED),
        TASK_RECORD_PHASE5_GATE);
  }

  private static void route(Step step, List<String> work, List<String> checks, String recordGate) {
    ROUTES.put(step, new Route(step, work, checks, step.gateTaskId().orElseThrow(), recordGate));
  }

  ProcessEngine engine; // injected by the extension
  RoutingDriver driver;
  FakeStepLifecycle stepLifecycle;
  final Map<String, ScriptedCheck> checks = new HashMap<>();
  final Recording recordOverdueDecision = new Recording();
  final Recording extendDeadline = new Recording();
  final Recording putPilotOnHold = new Recording();
  final Recording resumePilot = new Recording();
  final Recording stopPilot = new Recording();
  final Recording markPilotInProduction = new Recording();

  @BeforeAll
  static void deploy() {
    RoutingEngine.deploy(EXTENSION.getProcessEngine(), "bpmn/FivePhaseOperationalization.bpmn",
        "bpmn/DataReadinessMinimumLevel.dmn", "bpmn/RiskTierClassification.dmn");
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
    Mocks.register("stepLifecycle", stepLifecycle);
    Mocks.register("pilotPeople", new RoutingFakes.PilotPeopleFake());
    Mocks.register("decisionForms", new RoutingFakes.DecisionFormsFake());
    CHECK_BEANS.forEach((bean, flag) -> {
      ScriptedCheck check = new ScriptedCheck(flag);
      checks.put(flag, check);
      Mocks.register(bean, check);
    });
    Mocks.register("recordGateDecisionDelegate", RoutingFakes.recordGateDecision());
    Mocks.register("recordRiskTierDelegate", RoutingFakes.recordRiskTier());
    Mocks.register("recordOverdueDecisionDelegate", recordOverdueDecision);
    Mocks.register("extendDeadlineDelegate", extendDeadline);
    Mocks.register("putPilotOnHoldDelegate", putPilotOnHold);
    Mocks.register("resumePilotDelegate", resumePilot);
    Mocks.register("stopPilotDelegate", stopPilot);
    Mocks.register("markPilotInProductionDelegate", markPilotInProduction);
  }

  @AfterEach
  void resetFakes() {
    RoutingEngine.deleteRunningInstances(engine);
    Mocks.reset();
    AbstractAssertions.reset();
  }

  // ---- driving -------------------------------------------------------------------------------------------

  /** A low-risk pilot as the intake hands it over. */
  private ProcessInstance started() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PILOT_KEY, "PIL-5P");
    variables.put(RISK_TIER, "LOW");
    variables.put(HUMAN_IN_THE_LOOP_REQUIRED, false);
    variables.put("affectsIndividuals", false);
    variables.put("regulatedDomain", false);
    variables.put("processesPersonalData", false);
    variables.put("autonomy", "ADVISORY");
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_ID, "PIL-5P", variables);
    assertThat(instance).isWaitingAt(TASK_DEFINE_SUCCESS_METRIC);
    return instance;
  }

  /** Completes the phase's work and runs its checks. */
  private void doWork(ProcessInstance instance, Route route) {
    for (String task : route.work()) {
      driver.complete(instance, task);
    }
    driver.runAsyncContinuations(instance);
  }

  private void decideGate(ProcessInstance instance, Route route, String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(GATE_DECISION, decision);
    if ("REJECT".equals(decision)) {
      variables.put(GATE_REASON, "Not convincing yet");
    }
    driver.complete(instance, route.gate(), variables);
  }

  /** Takes the pilot through every phase before this one. */
  private ProcessInstance atPhase(Step phase) {
    ProcessInstance instance = started();
    for (Route route : ROUTES.values()) {
      if (route.step() == phase) {
        break;
      }
      doWork(instance, route);
      decideGate(instance, route, "APPROVE");
    }
    assertThat(instance).isWaitingAt(ROUTES.get(phase).firstWork());
    assertThat(stepLifecycle.startedSteps).endsWith(phase.name());
    return instance;
  }

  private Map<String, Object> overdueDecision(String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OVERDUE_DECISION, decision);
    variables.put(OVERDUE_REASON, "Steering committee meeting of " + LocalDate.ofInstant(RoutingDriver.now(),
        ZoneOffset.UTC));
    if (!"STOP".equals(decision)) {
      variables.put(NEW_DUE_DATE, LocalDate.ofInstant(RoutingDriver.now().plus(Duration.ofDays(14)),
          ZoneOffset.UTC).toString());
    }
    return variables;
  }

  /** When a phase falls due: its default duration after it started. */
  private Instant dueOf(Step phase) {
    return stepLifecycle.dueOf(phase);
  }

  /** Moves the clock just past the phase's due date and fires its overdue timer. */
  private void phaseRunsOverdue(ProcessInstance instance, Step phase) {
    Instant due = dueOf(phase);
    assertThat(driver.timerDue(instance, phase.overdueTimerId())).isEqualTo(due);
    RoutingDriver.clockAt(due.plusSeconds(60));
    driver.fireDueTimer(instance, phase.overdueTimerId());
    assertThat(instance).isWaitingAt(TASK_DECIDE_OVERDUE_PHASE);
  }

  static Stream<Step> phases() {
    return Step.phases().stream();
  }

  static Stream<Arguments> checksOfEachPhase() {
    List<Arguments> arguments = new ArrayList<>();
    ROUTES.values().forEach(route -> route.checks().forEach(check -> arguments.add(Arguments.of(route.step(), check))));
    return arguments.stream();
  }

  // ---- the phases ----------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: work → checks pass → gate approved → next phase")
  @MethodSource("phases")
  void eachPhasesWorkLeadsThroughItsChecksToItsGateAndOnToTheNextPhase(Step phase) {
    ProcessInstance instance = atPhase(phase);
    Route route = ROUTES.get(phase);
    assertThat(driver.task(instance, route.firstWork()).getDueDate())
        .isEqualTo(Date.from(dueOf(phase)));

    doWork(instance, route);

    assertThat(instance).isWaitingAt(route.gate());
    for (String check : route.checks()) {
      assertThat(checks.get(check).runs()).as(check).isEqualTo(1);
    }
    assertThat(stepLifecycle.submittedDeliverables).containsSubsequence(route.work());

    decideGate(instance, route, "APPROVE");

    assertThat(instance).hasPassed(route.recordGate(), phase.subProcessId());
    int next = Step.phases().indexOf(phase) + 1;
    if (next < Step.phases().size()) {
      Step nextPhase = Step.phases().get(next);
      assertThat(instance).isWaitingAt(ROUTES.get(nextPhase).firstWork());
      assertThat(stepLifecycle.startedSteps).endsWith(phase.name(), nextPhase.name());
      assertThat(driver.timer(instance, phase.overdueTimerId())).as("the finished phase's overdue timer").isNull();
    } else {
      assertThat(instance).isEnded();
    }
  }

  @ParameterizedTest(name = "{0}: {1} fails → back to the phase''s work, not to the gate")
  @MethodSource("checksOfEachPhase")
  void aFailedCheckReturnsToThePhasesWork(Step phase, String failingCheck) {
    ProcessInstance instance = atPhase(phase);
    Route route = ROUTES.get(phase);
    checks.get(failingCheck).failNext(1);

    doWork(instance, route);

    assertThat(instance).isWaitingAt(route.firstWork()).hasNotPassed(route.gate());
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), failingCheck)).isEqualTo(false);

    doWork(instance, route);

    assertThat(instance).isWaitingAt(route.gate());
  }

  @ParameterizedTest(name = "{0}: gate rejected → back to the phase''s work → approved → on")
  @MethodSource("phases")
  void aRejectedGateReturnsToThePhasesWork(Step phase) {
    ProcessInstance instance = atPhase(phase);
    Route route = ROUTES.get(phase);
    doWork(instance, route);

    decideGate(instance, route, "REJECT");

    assertThat(instance).hasPassed(route.recordGate()).isWaitingAt(route.firstWork());
    assertThat(stepLifecycle.startedSteps).as("the phase is not started again").endsWith(phase.name());

    doWork(instance, route);
    decideGate(instance, route, "APPROVE");

    assertThat(instance).hasPassed(phase.subProcessId());
  }

  @ParameterizedTest(name = "phase 4 with affectsIndividuals={0}, autonomy={1} → human-in-the-loop design: {2}")
  @CsvSource({"false, ADVISORY, false", "true, HUMAN_APPROVED, false", "true, AUTONOMOUS, true"})
  void governancePhaseAsksForAHumanInTheLoopDesignOnlyWhenTheConfirmedRiskTierRequiresIt(boolean affectsIndividuals,
      String autonomy, boolean humanInTheLoop) {
    ProcessInstance instance = atPhase(Step.GOVERNANCE_AND_RISK_CONTROLS);

    driver.complete(instance, TASK_REVIEW_RISK_INPUTS, Map.of("affectsIndividuals", affectsIndividuals,
        "autonomy", autonomy));

    assertThat(instance).hasPassed(TASK_CONFIRM_RISK_TIER, TASK_RECORD_CONFIRMED_RISK_TIER, GATEWAY_HIGH_IMPACT);
    assertThat(instance).variables().containsEntry(HUMAN_IN_THE_LOOP_REQUIRED, humanInTheLoop);
    if (humanInTheLoop) {
      assertThat(instance).isWaitingAt(TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW);
      driver.complete(instance, TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW);
    } else {
      assertThat(instance).hasNotPassed(TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW);
    }
    assertThat(instance).isWaitingAt(TASK_PROVIDE_GOVERNANCE_EVIDENCE);
  }

  @Test
  void dataReadinessPhaseDeterminesTheMinimumLevelForTheRiskTierBeforeItsChecks() {
    ProcessInstance instance = atPhase(Step.DATA_READINESS);

    driver.complete(instance, TASK_ASSESS_DATA_READINESS);
    driver.complete(instance, TASK_MEASURE_PRODUCTION_PERFORMANCE);

    assertThat(instance).hasPassed(TASK_DETERMINE_MINIMUM_DATA_LEVEL).variables()
        .containsEntry(MINIMUM_DATA_READINESS_LEVEL, 2);
    assertThat(checks.get(DATA_READINESS_CHECK_PASSED).runs()).as("the check waits for its async job").isZero();
  }

  @Test
  void allFivePhasesApprovedEndsWithThePilotInProduction() {
    ProcessInstance instance = started();

    for (Route route : ROUTES.values()) {
      doWork(instance, route);
      decideGate(instance, route, "APPROVE");
    }

    // (the clock stands still, so the order of the phases is told by their starts below)
    assertThat(instance).hasPassed(Step.phases().stream().map(Step::subProcessId).toArray(String[]::new))
        .hasPassedInOrder(TASK_MARK_IN_PRODUCTION, END_IN_PRODUCTION).isEnded()
        .hasNotPassed(TASK_DECIDE_OVERDUE_PHASE, TASK_STOP_PILOT);
    assertThat(stepLifecycle.startedSteps).containsExactlyElementsOf(Step.phases().stream().map(Step::name).toList());
    assertThat(markPilotInProduction.activities).containsExactly(TASK_MARK_IN_PRODUCTION);
  }

  // ---- overdue phases ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}: overdue timer at its due date → steering committee decides, work stays open")
  @MethodSource("phases")
  void eachPhasesOverdueTimerFiresAtItsDueDateAndLeavesTheWorkOpen(Step phase) {
    ProcessInstance instance = atPhase(phase);
    RoutingDriver.clockAt(dueOf(phase).minusSeconds(60));
    assertThat(driver.fireAllDueTimers(instance)).as("timers due before the phase is overdue").isEmpty();

    phaseRunsOverdue(instance, phase);

    assertThat(instance).isWaitingAt(ROUTES.get(phase).firstWork());
    assertThat(stepLifecycle.overdueSteps).containsExactly(phase.name());
    assertThat(driver.timer(instance, phase.overdueTimerId())).as("the next reminder").isNotNull();
  }

  @Test
  void overduePhaseExtendedKeepsItsWorkAndEndsTheOverdueBranch() {
    ProcessInstance instance = atPhase(Step.OUTCOME_DEFINITION);
    phaseRunsOverdue(instance, Step.OUTCOME_DEFINITION);

    driver.complete(instance, TASK_DECIDE_OVERDUE_PHASE, overdueDecision("EXTEND"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_OVERDUE_DECISION, TASK_EXTEND_PHASE_DEADLINE,
        END_DEADLINE_EXTENDED).hasNotPassed(TASK_PUT_PILOT_ON_HOLD, TASK_STOP_PILOT)
        .isWaitingAt(TASK_DEFINE_SUCCESS_METRIC).isNotEnded();
    assertThat(driver.openTasks(instance)).containsExactly(TASK_DEFINE_SUCCESS_METRIC);
    assertThat(extendDeadline.activities).containsExactly(TASK_EXTEND_PHASE_DEADLINE);
  }

  @Test
  void overduePhasePausedWaitsForResumeAndKeepsItsWork() {
    ProcessInstance instance = atPhase(Step.DATA_READINESS);
    phaseRunsOverdue(instance, Step.DATA_READINESS);

    driver.complete(instance, TASK_DECIDE_OVERDUE_PHASE, overdueDecision("PAUSE"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_OVERDUE_DECISION, TASK_PUT_PILOT_ON_HOLD)
        .isWaitingAt(TASK_RESUME_PAUSED_PILOT, TASK_ASSESS_DATA_READINESS)
        .hasNotPassed(TASK_EXTEND_PHASE_DEADLINE, TASK_STOP_PILOT);

    driver.complete(instance, TASK_RESUME_PAUSED_PILOT, Map.of(NEW_DUE_DATE, "2025-12-31"));

    assertThat(instance).hasPassedInOrder(TASK_RESUME_PAUSED_PILOT, TASK_RESUME_PILOT, END_PILOT_RESUMED)
        .isWaitingAt(TASK_ASSESS_DATA_READINESS).isNotEnded();
    assertThat(driver.openTasks(instance)).containsExactly(TASK_ASSESS_DATA_READINESS);
    assertThat(putPilotOnHold.activities).containsExactly(TASK_PUT_PILOT_ON_HOLD);
    assertThat(resumePilot.activities).containsExactly(TASK_RESUME_PILOT);
  }

  @Test
  void overduePhaseStoppedEndsThePilotAndItsOpenWork() {
    ProcessInstance instance = atPhase(Step.MLOPS_INFRASTRUCTURE);
    phaseRunsOverdue(instance, Step.MLOPS_INFRASTRUCTURE);

    driver.complete(instance, TASK_DECIDE_OVERDUE_PHASE, overdueDecision("STOP"));

    assertThat(instance).hasPassedInOrder(TASK_RECORD_OVERDUE_DECISION, TASK_STOP_PILOT, END_PILOT_STOPPED)
        .hasNotPassed(TASK_EXTEND_PHASE_DEADLINE, TASK_PUT_PILOT_ON_HOLD, TASK_MARK_IN_PRODUCTION).isEnded();
    assertThat(stopPilot.activities).containsExactly(TASK_STOP_PILOT);
  }

  @Test
  void phaseStillOverdueAReminderPeriodLaterGoesToTheSteeringCommitteeAgain() {
    ProcessInstance instance = atPhase(Step.OUTCOME_DEFINITION);
    phaseRunsOverdue(instance, Step.OUTCOME_DEFINITION);
    driver.complete(instance, TASK_DECIDE_OVERDUE_PHASE, overdueDecision("EXTEND"));

    // The fake extension does not move the timer: the next reminder is one period after the due date.
    Instant reminder = dueOf(Step.OUTCOME_DEFINITION).plus(Duration.ofDays(7));
    assertThat(driver.timerDue(instance, Step.OUTCOME_DEFINITION.overdueTimerId())).isEqualTo(reminder);
    RoutingDriver.clockAt(reminder.plusSeconds(60));
    driver.fireDueTimer(instance, Step.OUTCOME_DEFINITION.overdueTimerId());

    assertThat(instance).isWaitingAt(TASK_DECIDE_OVERDUE_PHASE, TASK_DEFINE_SUCCESS_METRIC);
    assertThat(stepLifecycle.overdueSteps).containsExactly("OUTCOME_DEFINITION", "OUTCOME_DEFINITION");
  }
}
