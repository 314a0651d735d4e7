package org.pilotlifecycle.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.pilotlifecycle.intake.PilotIntakeProcess.*;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Date;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.RiskTier;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** The story of each path through PilotIntake. */
class PilotIntakeProcessTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired PilotIntakeService intake;

  @BeforeEach
  void bindAssertionsToTheEngine() {
    AbstractAssertions.init(engine);
  }

  private ProcessInstance registered(PilotRegistration registration) {
    intake.register(registration);
    return processInstanceQuery().processDefinitionKey(PROCESS_ID)
        .processInstanceBusinessKey(registration.key()).singleResult();
  }

  @Test
  void aConfirmedFivePhasePilotEntersTheFivePhaseProcessWithItsBusinessKey() {
    String key = Registrations.newKey("FIVE");
    ProcessInstance intakeInstance = registered(Registrations.lowRisk(key, Framework.FIVE_PHASE));

    assertThat(intakeInstance).hasPassedInOrder(START_EVENT, TASK_REGISTER_PILOT, TASK_CLASSIFY_RISK_TIER,
        TASK_RECORD_RISK_TIER).isWaitingAt(TASK_CONFIRM_REGISTRATION);
    assertThat(task()).as("the pilot's named AI product owner, not the group").hasCandidateUser("paul");
    assertThat(intakeInstance).variables().containsEntry(RISK_TIER, "LOW")
        .containsEntry(HUMAN_IN_THE_LOOP_REQUIRED, false).doesNotContainKey(RISK_CLASSIFICATION);

    complete(task(), withVariables(REGISTRATION_CONFIRMED, true));

    assertThat(intakeInstance).isWaitingAt(CALL_FIVE_PHASE).hasNotPassed(CALL_FOUR_STAGE, TASK_WITHDRAW_PILOT);
    ProcessInstance called = calledProcessInstance(processInstanceQuery()
        .processDefinitionKey(FIVE_PHASE_PROCESS_ID), intakeInstance);
    assertThat(called.getBusinessKey()).isEqualTo(key);
    assertThat(called).variables().containsEntry(PILOT_KEY, key).containsEntry(RISK_TIER, "LOW")
        .containsEntry(AUTONOMY, "ADVISORY").containsEntry(PROJECTED_PRODUCTION_COST, 480000.0);
    Pilot pilot = registry.get(key);
    assertThat(pilot.getRiskTier()).isEqualTo(RiskTier.LOW);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.ACTIVE);
  }

  @Test
  void aConfirmedFourStagePilotEntersTheFourStageProcess() {
    String key = Registrations.newKey("FOUR");
    ProcessInstance intakeInstance = registered(Registrations.lowRisk(key, Framework.FOUR_STAGE));

    complete(task(intakeInstance), withVariables(REGISTRATION_CONFIRMED, true));

    assertThat(intakeInstance).isWaitingAt(CALL_FOUR_STAGE).hasNotPassed(CALL_FIVE_PHASE);
    ProcessInstance called = calledProcessInstance(processInstanceQuery()
        .processDefinitionKey(FOUR_STAGE_PROCESS_ID), intakeInstance);
    assertThat(called.getBusinessKey()).isEqualTo(key);
  }

  @ParameterizedTest
  @EnumSource(Framework.class)
  void theIntakeFinishesWhenThePilotsFrameworkEnds(Framework framework) {
    ClockUtil.setCurrentTime(new Date());
    try {
      String key = Registrations.newKey("END");
      ProcessDriver driver = new ProcessDriver(engine);
      String frameworkProcess = framework == Framework.FIVE_PHASE ? FIVE_PHASE_PROCESS_ID : FOUR_STAGE_PROCESS_ID;
      ProcessInstance frameworkInstance = driver.start(intake, Registrations.lowRisk(key, framework), frameworkProcess);
      ProcessInstance intakeInstance = processInstanceQuery().processDefinitionKey(PROCESS_ID)
          .processInstanceBusinessKey(key).singleResult();
      String timer = framework == Framework.FIVE_PHASE ? "Timer_Phase1Overdue" : "Timer_Stage1Overdue";
      String decision = framework == Framework.FIVE_PHASE ? "Task_DecideOnOverduePhase" : "Task_DecideOnOverdueStage";

      driver.moveClockBy(java.time.Duration.ofDays(60));
      driver.fireDueTimers(frameworkInstance, timer);
      driver.work("sam", frameworkInstance, decision, Map.of("overdueDecision", "STOP", "overdueReason", "No sponsor",
          "stopRootCause", "NO_HARD_BUSINESS_OWNER"));

      assertThat(frameworkInstance).isEnded();
      assertThat(intakeInstance).hasPassed(framework == Framework.FIVE_PHASE ? CALL_FIVE_PHASE : CALL_FOUR_STAGE,
          END_LIFECYCLE_FINISHED).isEnded();
      assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.STOPPED);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aHighImpactPilotIsClassifiedHighWithHumanInTheLoop() {
    String key = Registrations.newKey("HIGH");
    ProcessInstance intakeInstance = registered(Registrations.highRisk(key, Framework.FIVE_PHASE));

    assertThat(intakeInstance).variables().containsEntry(RISK_TIER, "HIGH")
        .containsEntry(HUMAN_IN_THE_LOOP_REQUIRED, true);
    Pilot pilot = registry.get(key);
    assertThat(pilot.getRiskTier()).isEqualTo(RiskTier.HIGH);
    assertThat(pilot.getHumanInTheLoopRequired()).isTrue();
  }

  @Test
  void aWithdrawnRegistrationStopsThePilotWithItsReason() {
    String key = Registrations.newKey("WDRW");
    ProcessInstance intakeInstance = registered(Registrations.lowRisk(key, Framework.FIVE_PHASE));

    complete(task(intakeInstance), withVariables(REGISTRATION_CONFIRMED, false,
        WITHDRAWAL_REASON, "No business owner will own the number"));

    assertThat(intakeInstance).hasPassed(TASK_WITHDRAW_PILOT, END_WITHDRAWN).hasNotPassed(GATEWAY_WHICH_FRAMEWORK)
        .isEnded();
    Pilot pilot = registry.get(key);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStatusReason()).isEqualTo("No business owner will own the number");
  }

  @Test
  void withdrawingWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
    String key = Registrations.newKey("NORS");
    ProcessInstance intakeInstance = registered(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String taskId = task(intakeInstance).getId();

    assertThatThrownBy(() -> formService.submitTaskForm(taskId, Map.of(REGISTRATION_CONFIRMED, false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reason is required");

    assertThat(intakeInstance).isWaitingAt(TASK_CONFIRM_REGISTRATION);
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.ACTIVE);
  }

  @Test
  void tasklistStartFormRegistersThePilotAndSetsTheBusinessKey() {
    String key = Registrations.newKey("FORM");
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
        .latestVersion().singleResult().getId();
    Map<String, Object> form = startFormValues(key);

    ProcessInstance instance = formService.submitStartForm(definitionId, form);

    assertThat(instance.getBusinessKey()).isEqualTo(key);
    assertThat(instance).isWaitingAt(TASK_CONFIRM_REGISTRATION);
    Pilot pilot = registry.get(key);
    assertThat(pilot.getProcessInstanceId()).isEqualTo(instance.getId());
    assertThat(pilot.getPilotCost()).isEqualByComparingTo("1500.5");
    assertThat(pilot.getRiskTier()).isEqualTo(RiskTier.MEDIUM);
  }

  @Test
  void anInvalidStartFormIsRefusedNamingEveryBadFieldAndRecordsNothing() {
    String key = Registrations.newKey("BAD");
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
        .latestVersion().singleResult().getId();
    Map<String, Object> form = startFormValues(key);
    form.remove(NAME);
    form.put(FRAMEWORK, "SIX_SIGMA");
    form.put(PILOT_COST, "a lot");

    assertThatThrownBy(() -> formService.submitStartForm(definitionId, form))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("name").hasMessageContaining("framework must be one of FIVE_PHASE, FOUR_STAGE")
        .hasMessageContaining("pilotCost must be a number");

    assertThat(registry.exists(key)).isFalse();
    assertThat(processInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  void aStartFormWhoseBusinessKeyDiffersFromThePilotKeyIsRefused() {
    String key = Registrations.newKey("BKEY");
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
        .latestVersion().singleResult().getId();

    assertThatThrownBy(() -> formService.submitStartForm(definitionId, "SOMETHING-ELSE", startFormValues(key)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("business key");
    assertThat(registry.exists(key)).isFalse();
  }

  /** What Tasklist submits from forms/pilot-registration.form. */
  private static Map<String, Object> startFormValues(String key) {
    Map<String, Object> form = new HashMap<>();
    form.put(PILOT_KEY, key);
    form.put(NAME, "Invoice matching");
    form.put(BUSINESS_UNIT, "Finance");
    form.put(USE_CASE_DESCRIPTION, "Match supplier invoices to purchase orders.");
    form.put(FRAMEWORK, "FOUR_STAGE");
    form.put(EXECUTIVE_OWNER, "olivia");
    form.put(AI_PRODUCT_OWNER, "paul");
    form.put(AFFECTS_INDIVIDUALS, false);
    form.put(REGULATED_DOMAIN, false);
    form.put(PROCESSES_PERSONAL_DATA, true);
    form.put(AUTONOMY, "HUMAN_APPROVED");
    form.put(PILOT_COST, 1500.5);
    return form;
  }
}
