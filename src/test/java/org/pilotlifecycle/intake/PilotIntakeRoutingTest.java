package org.pilotlifecycle.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pilotlifecycle.intake.PilotIntakeProcess.*;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.routing.RoutingDriver;
import org.pilotlifecycle.support.routing.RoutingEngine;
import org.pilotlifecycle.support.routing.RoutingFakes;
import org.pilotlifecycle.support.routing.RoutingFakes.Recording;

/**
 * The routing of bpmn/PilotIntake.bpmn alone, on an in-memory engine without Spring: the real risk decision,
 * the delegates replaced by fakes, and the two framework processes replaced by stubs with their keys (one
 * user task each) so the call activities have something to call.
 */
class PilotIntakeRoutingTest {

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = RoutingEngine.extension(RoutingEngine.inMemory(PROCESS_ID));

  /** The one task of each stub framework process. */
  static final String STUB_FRAMEWORK_WORK = "Task_StubFrameworkWork";

  ProcessEngine engine; // injected by the extension
  RuntimeService runtimeService;

  RoutingDriver driver;
  final Recording withdrawPilot = new Recording();

  @BeforeAll
  static void deploy() {
    ProcessEngine engine = EXTENSION.getProcessEngine();
    RoutingEngine.deploy(engine, "bpmn/PilotIntake.bpmn", "bpmn/RiskTierClassification.dmn");
    for (String processKey : List.of(FIVE_PHASE_PROCESS_ID, FOUR_STAGE_PROCESS_ID)) {
      BpmnModelInstance stub = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
          .startEvent().userTask(STUB_FRAMEWORK_WORK).endEvent().done();
      engine.getRepositoryService().createDeployment().addModelInstance(processKey + ".bpmn", stub).deploy();
    }
  }

  @AfterAll
  static void closeEngine() {
    EXTENSION.getProcessEngine().close();
  }

  @BeforeEach
  void registerFakes() {
    AbstractAssertions.init(engine);
    runtimeService = engine.getRuntimeService();
    driver = new RoutingDriver(engine);
    // Register pilot: the pilot key becomes the business key.
    Mocks.register("registerPilotDelegate",
        (JavaDelegate) execution -> execution.setProcessBusinessKey((String) execution.getVariable(PILOT_KEY)));
    Mocks.register("recordRiskTierDelegate", RoutingFakes.recordRiskTier());
    Mocks.register("pilotPeople", new RoutingFakes.PilotPeopleFake());
    Mocks.register("withdrawPilotDelegate", withdrawPilot);
  }

  @AfterEach
  void resetFakes() {
    RoutingEngine.deleteRunningInstances(engine);
    Mocks.reset();
    AbstractAssertions.reset();
  }

  private static Map<String, Object> registration(String key, Object framework) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PILOT_KEY, key);
    variables.put(NAME, "Invoice triage " + key);
    variables.put(FRAMEWORK, framework);
    variables.put(AFFECTS_INDIVIDUALS, false);
    variables.put(REGULATED_DOMAIN, false);
    variables.put(PROCESSES_PERSONAL_DATA, false);
    variables.put(AUTONOMY, "ADVISORY");
    variables.put(PILOT_COST, 120000.0);
    variables.put(PROJECTED_PRODUCTION_COST, 480000.0);
    return variables;
  }

  private ProcessInstance proposed(Map<String, Object> registration) {
    ProcessInstance intake = runtimeService.startProcessInstanceByKey(PROCESS_ID, registration);
    assertThat(intake).hasPassedInOrder(START_EVENT, TASK_REGISTER_PILOT, TASK_CLASSIFY_RISK_TIER,
        TASK_RECORD_RISK_TIER).isWaitingAt(TASK_CONFIRM_REGISTRATION);
    return intake;
  }

  private static String callActivityOf(Framework framework) {
    return framework == Framework.FIVE_PHASE ? CALL_FIVE_PHASE : CALL_FOUR_STAGE;
  }

  private static String processOf(Framework framework) {
    return framework == Framework.FIVE_PHASE ? FIVE_PHASE_PROCESS_ID : FOUR_STAGE_PROCESS_ID;
  }

  private ProcessInstance calledBy(ProcessInstance intake) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(intake.getId()).singleResult();
  }

  @ParameterizedTest(name = "confirmed {0} pilot → call activity of {0} with the pilot key as business key")
  @EnumSource(Framework.class)
  void confirmedPilotEntersTheFrameworkChosenAtRegistration(Framework framework) {
    ProcessInstance intake = proposed(registration("PIL-1", framework.name()));

    driver.complete(intake, TASK_CONFIRM_REGISTRATION, Map.of(REGISTRATION_CONFIRMED, true));

    String other = framework == Framework.FIVE_PHASE ? CALL_FOUR_STAGE : CALL_FIVE_PHASE;
    assertThat(intake).hasPassed(GATEWAY_REGISTRATION_CONFIRMED, GATEWAY_WHICH_FRAMEWORK)
        .isWaitingAt(callActivityOf(framework)).hasNotPassed(other, TASK_WITHDRAW_PILOT);
    ProcessInstance called = calledBy(intake);
    assertThat(called.getProcessDefinitionId()).startsWith(processOf(framework) + ":");
    assertThat(called.getBusinessKey()).isEqualTo("PIL-1");
    assertThat(called).isWaitingAt(STUB_FRAMEWORK_WORK).variables()
        .containsEntry(PILOT_KEY, "PIL-1").containsEntry(RISK_TIER, "LOW")
        .containsEntry(HUMAN_IN_THE_LOOP_REQUIRED, false).containsEntry(AUTONOMY, "ADVISORY")
        .containsEntry(AFFECTS_INDIVIDUALS, false).containsEntry(REGULATED_DOMAIN, false)
        .containsEntry(PROCESSES_PERSONAL_DATA, false).containsEntry(PILOT_COST, 120000.0)
        .containsEntry(PROJECTED_PRODUCTION_COST, 480000.0)
        // only the mapped variables are passed on
        .doesNotContainKeys(NAME, FRAMEWORK, REGISTRATION_CONFIRMED);
    assertThat(withdrawPilot.activities).isEmpty();
  }

  @ParameterizedTest(name = "{0} finishes → intake ends as pilot lifecycle finished")
  @EnumSource(Framework.class)
  void whenTheFrameworkFinishesTheIntakeEndsAsLifecycleFinished(Framework framework) {
    ProcessInstance intake = proposed(registration("PIL-2", framework.name()));
    driver.complete(intake, TASK_CONFIRM_REGISTRATION, Map.of(REGISTRATION_CONFIRMED, true));

    ProcessInstance called = calledBy(intake);
    driver.complete(called, STUB_FRAMEWORK_WORK);

    assertThat(called).isEnded();
    assertThat(intake).hasPassed(callActivityOf(framework)).isEnded().hasPassed(END_LIFECYCLE_FINISHED)
        .hasNotPassed(END_WITHDRAWN);
  }

  @Test
  void highRiskRegistrationReachesTheFrameworkAsHighRiskWithHumanInTheLoop() {
    Map<String, Object> registration = registration("PIL-3", Framework.FIVE_PHASE.name());
    registration.put(AFFECTS_INDIVIDUALS, true);
    registration.put(AUTONOMY, "AUTONOMOUS");
    ProcessInstance intake = proposed(registration);
    assertThat(intake).variables().containsEntry(RISK_TIER, "HIGH").containsEntry(HUMAN_IN_THE_LOOP_REQUIRED, true)
        .doesNotContainKey(RISK_CLASSIFICATION);

    driver.complete(intake, TASK_CONFIRM_REGISTRATION, Map.of(REGISTRATION_CONFIRMED, true));

    assertThat(calledBy(intake)).variables().containsEntry(RISK_TIER, "HIGH")
        .containsEntry(HUMAN_IN_THE_LOOP_REQUIRED, true);
  }

  @Test
  void notConfirmedPilotIsWithdrawn() {
    ProcessInstance intake = proposed(registration("PIL-4", Framework.FIVE_PHASE.name()));

    driver.complete(intake, TASK_CONFIRM_REGISTRATION,
        Map.of(REGISTRATION_CONFIRMED, false, WITHDRAWAL_REASON, "No budget this year"));

    assertThat(intake).hasPassedInOrder(GATEWAY_REGISTRATION_CONFIRMED, TASK_WITHDRAW_PILOT, END_WITHDRAWN)
        .hasNotPassed(GATEWAY_WHICH_FRAMEWORK, CALL_FIVE_PHASE, CALL_FOUR_STAGE).isEnded();
    assertThat(withdrawPilot.activities).containsExactly(TASK_WITHDRAW_PILOT);
    assertThat(calledBy(intake)).isNull();
  }

  @Test
  void confirmationWithoutADecisionTakesTheWithdrawPath() {
    ProcessInstance intake = proposed(registration("PIL-5", Framework.FOUR_STAGE.name()));

    // No registrationConfirmed at all: the gateway's "no" flow (!= true) takes it; the real delegate then
    // requires a withdrawal reason, so in the application such a completion is refused.
    driver.complete(intake, TASK_CONFIRM_REGISTRATION);

    assertThat(intake).hasPassed(TASK_WITHDRAW_PILOT, END_WITHDRAWN).hasNotPassed(GATEWAY_WHICH_FRAMEWORK).isEnded();
  }

  @Test
  void frameworkOutsideTheTwoHasNoWayOutOfTheFrameworkGatewayAndTheConfirmationStaysOpen() {
    // Registration accepts only FIVE_PHASE and FOUR_STAGE; the gateway has no default flow, so any other
    // value fails the completion and the confirmation task stays open.
    ProcessInstance intake = proposed(registration("PIL-6", "THREE_STEP"));
    String confirmation = driver.task(intake, TASK_CONFIRM_REGISTRATION).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(confirmation, Map.of(REGISTRATION_CONFIRMED, true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining(GATEWAY_WHICH_FRAMEWORK);

    assertThat(intake).isWaitingAt(TASK_CONFIRM_REGISTRATION);
    assertThat(calledBy(intake)).isNull();
  }
}
