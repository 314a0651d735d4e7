package org.pilotlifecycle.fourstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pilotlifecycle.fourstage.FourStageProcess.*;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.lifecycle.LifecycleProperties;
import org.pilotlifecycle.lifecycle.OverdueTimers;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** The story of each path through FourStageScaling; the clock is moved, never slept. */
class FourStageProcessTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;
  FourStageDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new FourStageDriver(engine);
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance started(String prefix) {
    return driver.start(intake, Registrations.lowRisk(Registrations.newKey(prefix), Framework.FOUR_STAGE));
  }

  private List<AuditEntry> events(ProcessInstance instance, AuditEntryType type) {
    return auditTrail.history(instance.getBusinessKey(), Pageable.ofSize(500)).getContent().stream()
        .filter(e -> e.getType() == type).toList();
  }

  private long reviewTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REVIEW_PILOT_DASHBOARD)
        .count();
  }

  private Map<String, Object> openFormValues(ProcessInstance instance, String taskDefinitionKey) {
    return taskService.getVariables(driver.task(instance, taskDefinitionKey).getId());
  }

  /** Kind: a repeated decision or review task opens with its form's fields empty, never with last time's answers. */
  @Test
  void everyRepeatedDecisionOrReviewTaskOpensEmpty() {
    ProcessInstance instance = started("EMPTY");
    driver.moveClockBy(Duration.ofDays(30));
    driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
    driver.work("olivia", instance, TASK_REVIEW_PILOT_DASHBOARD, FourStageForms.dashboardReview());
    driver.moveClockBy(Duration.ofDays(30));
    driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
    assertThat(openFormValues(instance, TASK_REVIEW_PILOT_DASHBOARD)).doesNotContainKeys("dashboardNotes", "dashboardAction");

    driver.validate(instance, 1);
    driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO, FourStageForms.noGo("REMEDIATE", "Fix the data first"));
    driver.validate(instance, 1);
    assertThat(openFormValues(instance, TASK_DECIDE_AFTER_NO_GO)).doesNotContainKeys(NO_GO_DECISION, NO_GO_REASON);
    driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO, FourStageForms.noGo("REMEDIATE", "Still not there"));
    driver.validate(instance, 4);
    driver.passStage2(instance);
    driver.startEmbedding(instance);
    driver.adoptionWeek(instance, 30);
    driver.moveClockBy(Duration.ofDays(7));
    driver.fireDueTimers(instance, TIMER_ADOPTION_WEEK_OVER);
    assertThat(openFormValues(instance, TASK_RECORD_WEEKLY_ADOPTION)).doesNotContainKeys(ADOPTION_RATE, ACTIVE_USERS, ADOPTION_ISSUES);
    driver.work("chris", instance, TASK_RECORD_WEEKLY_ADOPTION, FourStageForms.adoption(31));
    for (int week = 3; week <= 13; week++) {
      driver.adoptionWeek(instance, 30 + week);
    }
    driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL, FourStageForms.shortfall("EXTEND", 1, "Training late"));
    driver.adoptionWeek(instance, 40);
    assertThat(openFormValues(instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL))
        .doesNotContainKeys(SHORTFALL_DECISION, EXTENSION_WEEKS, SHORTFALL_REASON);
  }

  /** Kind: every review outcome is in the audit trail, and an escalation reaches the steering committee. */
  @Test
  void everyDashboardReviewIsAuditedAndAnEscalationGoesToTheSteeringCommittee() {
    ProcessInstance instance = started("ESC");
    driver.moveClockBy(Duration.ofDays(30));
    driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
    driver.work("olivia", instance, TASK_REVIEW_PILOT_DASHBOARD, FourStageForms.dashboardReview());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DECIDE_ON_DASHBOARD_ESCALATION).count()).isZero();
    driver.moveClockBy(Duration.ofDays(30));
    driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
    driver.work("olivia", instance, TASK_REVIEW_PILOT_DASHBOARD,
        Map.of("dashboardNotes", "Adoption stalls in two regions", "dashboardAction", "ESCALATE"));

    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DECIDE_ON_DASHBOARD_ESCALATION).taskCandidateGroup("steering-committee").count()).isOne();
    assertThat(events(instance, AuditEntryType.DASHBOARD_REVIEWED)).extracting(AuditEntry::getOutcome)
        .containsExactly("CONTINUE", "ESCALATE");
    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_ON_DASHBOARD_ESCALATION, Map.of("escalationResponse", " ")))
        .isInstanceOf(FormFieldValidationException.class);
    driver.work("sam", instance, TASK_DECIDE_ON_DASHBOARD_ESCALATION,
        Map.of("escalationResponse", "Change manager to add regional champions by next review"));
    assertThat(instance).hasPassed(TASK_RECORD_ESCALATION_RESPONSE, END_ESCALATION_DECIDED);
    assertThat(events(instance, AuditEntryType.STEERING_DECISION)).extracting(AuditEntry::getName)
        .containsExactly("Dashboard escalation");
    assertThatThrownBy(() -> {
      driver.moveClockBy(Duration.ofDays(30));
      driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
      driver.work("olivia", instance, TASK_REVIEW_PILOT_DASHBOARD, Map.of("dashboardNotes", "x", "dashboardAction", "IGNORE"));
    }).isInstanceOf(FormFieldValidationException.class);
  }

  @Test
  void aGoPilotReachesEnterpriseScaleWithMonthlyReviewsThatCloseAtTheEnd() {
    ProcessInstance instance = started("GO");
    assertThat(instance).variables().containsEntry(DIMENSION_PASS_SCORE, 3).containsEntry(ADOPTION_TARGET_PERCENT, 60.0)
        .containsEntry(ADOPTION_PROGRAMME_WEEKS, 13);

    driver.passStage1(instance);
    assertThat(runtimeService.getVariable(instance.getId(), GO_NO_GO_OUTCOME)).isEqualTo("GO");
    assertThat(instance).isWaitingAt(TASK_BUILD_DATA_PIPELINES, TASK_BUILD_INTEGRATION_CONNECTORS, TASK_DOCUMENT_GOVERNANCE)
        .hasNotPassed(TASK_REMEDIATE_CARRIED_OVER_DIMENSION);
    driver.passStage2(instance);
    driver.passStage3(instance);
    assertThat(reviewTasks(instance)).as("no month has passed yet").isZero();
    driver.moveClockBy(Duration.ofDays(17));
    driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
    assertThat(reviewTasks(instance)).isOne();
    driver.work("olivia", instance, TASK_REVIEW_PILOT_DASHBOARD, FourStageForms.dashboardReview());
    driver.moveClockBy(Duration.ofDays(30));
    driver.fireDueTimers(instance, TIMER_MONTH_PASSED);
    assertThat(reviewTasks(instance)).as("next month's review, left open").isOne();

    driver.scale(instance);

    assertThat(instance).hasPassedInOrder(Step.PILOT_VALIDATION.subProcessId(), Step.PRODUCTION_ARCHITECTURE.subProcessId(),
        Step.ORGANIZATIONAL_EMBEDDING.subProcessId(), Step.ENTERPRISE_SCALE.subProcessId(), TASK_MARK_AT_ENTERPRISE_SCALE,
        END_AT_ENTERPRISE_SCALE).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).count())
        .as("the open review closed with the pilot").isZero();
    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(events(instance, AuditEntryType.GATE_DECISION)).extracting(AuditEntry::getActor)
        .containsExactly("sam", "olivia", "rita");
    assertThat(events(instance, AuditEntryType.ADOPTION_MEASURED)).extracting(AuditEntry::getOutcome)
        .containsExactly("AT_TARGET", "AT_TARGET");
    assertThat(events(instance, AuditEntryType.STEP_STARTED)).extracting(AuditEntry::getStep).contains(
        "PILOT_VALIDATION", "PRODUCTION_ARCHITECTURE", "ORGANIZATIONAL_EMBEDDING", "ENTERPRISE_SCALE");
  }

  @Test
  void aConditionalGoCarriesTheFailingDimensionIntoStageTwoAsAWorkstream() {
    ProcessInstance instance = started("COND");

    driver.validate(instance, 4, Dimension.MONITORING);

    assertThat(runtimeService.getVariable(instance.getId(), GO_NO_GO_OUTCOME)).isEqualTo("CONDITIONAL_GO");
    assertThat(instance).isWaitingAt(TASK_BUILD_DATA_PIPELINES, TASK_BUILD_INTEGRATION_CONNECTORS, TASK_DOCUMENT_GOVERNANCE,
        TASK_REMEDIATE_CARRIED_OVER_DIMENSION);
    var remediation = driver.task(instance, TASK_REMEDIATE_CARRIED_OVER_DIMENSION);
    assertThat(taskService.getVariable(remediation.getId(), REMEDIATION_DIMENSION)).isEqualTo("MONITORING");

    driver.buildArchitecture(instance);
    assertThat(instance).isWaitingAt(TASK_REMEDIATE_CARRIED_OVER_DIMENSION);
    driver.work("tara", instance, TASK_REMEDIATE_CARRIED_OVER_DIMENSION, FourStageForms.remediation());
    driver.reassess(instance, 4);
    assertThat(instance).isWaitingAt(TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
  }

  @Test
  void aNoGoIsRemediatedAndReassessedToAGo() {
    ProcessInstance instance = started("NOGO");

    driver.validate(instance, 4, Dimension.DATA, Dimension.INTEGRATION);

    assertThat(runtimeService.getVariable(instance.getId(), GO_NO_GO_OUTCOME)).isEqualTo("NO_GO");
    assertThat(instance).isWaitingAt(TASK_DECIDE_AFTER_NO_GO);
    driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO, FourStageForms.noGo("REMEDIATE", "Fix data and integration"));
    assertThat(instance).isWaitingAt(TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE);

    driver.validate(instance, 4);

    assertThat(runtimeService.getVariable(instance.getId(), GO_NO_GO_OUTCOME)).isEqualTo("GO");
    assertThat(instance).isWaitingAt(TASK_BUILD_DATA_PIPELINES, TASK_BUILD_INTEGRATION_CONNECTORS, TASK_DOCUMENT_GOVERNANCE);
    assertThat(events(instance, AuditEntryType.CHECK)).filteredOn(e -> "GO_NO_GO".equals(e.getName()))
        .extracting(AuditEntry::getOutcome).containsExactly("NO_GO", "GO");
  }

  @Test
  void aNoGoFollowedByStopEndsThePilotAsStoppedWithItsRootCause() {
    ProcessInstance instance = started("STOPNOGO");
    driver.validate(instance, 2);

    driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO, FourStageForms.noGo("STOP", "The data foundation is years away",
        "DATA_AND_INTEGRATION_DEBT", null));

    assertThat(instance).hasPassed(END_STAGE1_STOPPED, BOUNDARY_STAGE1_STOPPED, TASK_STOP_PILOT, END_PILOT_STOPPED).isEnded();
    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStatusReason()).isEqualTo("The data foundation is years away");
    assertThat(pilot.getStopRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.DATA_AND_INTEGRATION_DEBT);
    assertThat(events(instance, AuditEntryType.STEERING_DECISION)).filteredOn(e -> "No-go".equals(e.getName()))
        .singleElement().satisfies(e -> assertThat(e.getDetails()).contains("\"rootCause\":\"DATA_AND_INTEGRATION_DEBT\""));
    assertThat(events(instance, AuditEntryType.STOPPED)).singleElement()
        .satisfies(e -> assertThat(e.getDetails()).contains("\"rootCause\":\"DATA_AND_INTEGRATION_DEBT\""));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).count()).isZero();
  }

  @Test
  void aStopAfterANoGoWithoutARootCauseIsRefused() {
    ProcessInstance instance = started("STOPNOCAUSE");
    driver.validate(instance, 2);

    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO,
        FourStageForms.noGo("STOP", "Not viable"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("stopRootCause");
    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO,
        FourStageForms.noGo("STOP", "Not viable", "OTHER", " "))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("stopRootCauseText");
    assertThat(instance).isWaitingAt(TASK_DECIDE_AFTER_NO_GO);
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ACTIVE);

    driver.work("sam", instance, TASK_DECIDE_AFTER_NO_GO,
        FourStageForms.noGo("STOP", "Not viable", "OTHER", "The vendor went out of business"));
    assertThat(registry.get(instance.getBusinessKey()).getStopRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.OTHER);
    assertThat(registry.get(instance.getBusinessKey()).getStopRootCauseText()).isEqualTo("The vendor went out of business");
  }

  @Test
  void aRejectedGoNoGoReturnsToTheAssessmentAndTheScorerCannotSignIt() {
    ProcessInstance instance = started("SIGN");
    driver.work("paul", instance, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE, FourStageForms.validationEvidence());
    driver.work("tara", instance, TASK_ASSESS_READINESS_GAPS, FourStageForms.scores(4));

    driver.work("sam", instance, TASK_SIGN_GO_NO_GO, FourStageForms.reject("Integration score is not evidenced"));

    assertThat(instance).isWaitingAt(TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK)).contains("not evidenced");
  }

  @Test
  void invalidScoresAreRefusedAndTheAssessmentStaysOpen() {
    ProcessInstance instance = started("SCORE");
    driver.work("paul", instance, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE, FourStageForms.validationEvidence());
    Map<String, Object> scores = FourStageForms.scores(4);
    scores.put("dataScore", 9);
    scores.remove("monitoringScore");

    assertThatThrownBy(() -> driver.work("tara", instance, TASK_ASSESS_READINESS_GAPS, scores))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("dataScore").hasMessageContaining("monitoringScore");
    assertThat(instance).isWaitingAt(TASK_ASSESS_READINESS_GAPS);
  }

  @Test
  void aFailedReadinessRecheckReturnsToTheReassessment() {
    ProcessInstance instance = started("RECHECK");
    driver.passStage1(instance);
    driver.buildArchitecture(instance);

    driver.work("tara", instance, TASK_REASSESS_PRODUCTION_READINESS, FourStageForms.reassessment(4, Dimension.GOVERNANCE));

    assertThat(instance).isWaitingAt(TASK_REASSESS_PRODUCTION_READINESS);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK)).contains("Governance scores 1");
    driver.reassess(instance, 4);
    assertThat(instance).isWaitingAt(TASK_PREPARE_ORGANIZATIONAL_EMBEDDING);
  }

  @Test
  void adoptionReachingTheTargetTwoWeeksInARowIsSignedOffByChangeManagerAndBusinessOwner() {
    ProcessInstance instance = started("ADOPT");
    driver.passStage1(instance);
    driver.passStage2(instance);
    driver.startEmbedding(instance);
    assertThat(driver.dueTimers(instance, TIMER_ADOPTION_WEEK_OVER)).isZero();

    driver.adoptionWeek(instance, 40);
    driver.adoptionWeek(instance, 61);
    assertThat(instance).isWaitingAt(TIMER_ADOPTION_WEEK_OVER);
    driver.adoptionWeek(instance, 58);
    driver.adoptionWeek(instance, 66);
    assertThat(instance).isWaitingAt(TIMER_ADOPTION_WEEK_OVER);
    driver.adoptionWeek(instance, 72);

    assertThat(instance).isWaitingAt(TASK_CONFIRM_ADOPTION_RESULTS);
    driver.signOffAdoption(instance);
    assertThat(instance).isWaitingAt(TASK_PLAN_EXPANSION);
    assertThat(events(instance, AuditEntryType.ADOPTION_MEASURED)).hasSize(5);
  }

  @Test
  void aWeeklyRecordOutOfRangeIsRefused() {
    ProcessInstance instance = started("RATE");
    driver.passStage1(instance);
    driver.passStage2(instance);
    driver.startEmbedding(instance);
    driver.moveClockBy(Duration.ofDays(7));
    driver.fireDueTimers(instance, TIMER_ADOPTION_WEEK_OVER);

    assertThatThrownBy(() -> driver.work("chris", instance, TASK_RECORD_WEEKLY_ADOPTION, FourStageForms.adoption(140)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("adoptionRate");
    assertThat(instance).isWaitingAt(TASK_RECORD_WEEKLY_ADOPTION);
  }

  @ParameterizedTest(name = "an adoption programme ending below target, then {0}")
  @CsvSource({"EXTEND", "STOP"})
  void anAdoptionProgrammeEndingBelowTargetGoesToTheSteeringCommittee(String decision) {
    ProcessInstance instance = started("SHORT");
    driver.passStage1(instance);
    driver.passStage2(instance);
    driver.startEmbedding(instance);
    for (int week = 1; week <= 13; week++) {
      driver.adoptionWeek(instance, 30 + week);
    }
    assertThat(instance).isWaitingAt(TASK_DECIDE_ON_ADOPTION_SHORTFALL);

    if (decision.equals("EXTEND")) {
      driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL, FourStageForms.shortfall("EXTEND", 3, "Training late"));
      assertThat(instance).isWaitingAt(TIMER_ADOPTION_WEEK_OVER);
      driver.adoptionWeek(instance, 62);
      driver.adoptionWeek(instance, 64);
      assertThat(instance).isWaitingAt(TASK_CONFIRM_ADOPTION_RESULTS);
      assertThat(runtimeService.getVariable(instance.getId(), ADOPTION_PROGRAMME_WEEKS)).isEqualTo(16);
    } else {
      driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
          FourStageForms.shortfall("STOP", "Nobody uses it", "WORKFLOW_MYOPIA", null));
      assertThat(instance).hasPassed(END_STAGE3_STOPPED, BOUNDARY_STAGE3_STOPPED, TASK_STOP_PILOT, END_PILOT_STOPPED)
          .isEnded();
      assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.STOPPED);
      assertThat(registry.get(instance.getBusinessKey()).getStatusReason()).isEqualTo("Nobody uses it");
      assertThat(registry.get(instance.getBusinessKey()).getStopRootCause())
          .isEqualTo(org.pilotlifecycle.framework.RootCause.WORKFLOW_MYOPIA);
      assertThat(events(instance, AuditEntryType.STEERING_DECISION)).filteredOn(e -> "Adoption shortfall".equals(e.getName()))
          .singleElement().satisfies(e -> assertThat(e.getDetails()).contains("\"rootCause\":\"WORKFLOW_MYOPIA\""));
    }
  }

  @Test
  void anInvalidShortfallDecisionIsRefused() {
    ProcessInstance instance = started("SHORTBAD");
    driver.passStage1(instance);
    driver.passStage2(instance);
    driver.startEmbedding(instance);
    for (int week = 1; week <= 13; week++) {
      driver.adoptionWeek(instance, 10);
    }

    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
        FourStageForms.shortfall("EXTEND", 0, "more time"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("extensionWeeks");
    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
        FourStageForms.shortfall("STOP", null, " "))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("reason is required");
    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
        FourStageForms.shortfall("STOP", null, "Nobody uses it"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("stopRootCause");
    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_ON_ADOPTION_SHORTFALL,
        FourStageForms.shortfall("STOP", "Nobody uses it", "OTHER", null))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("stopRootCauseText");
    assertThat(instance).isWaitingAt(TASK_DECIDE_ON_ADOPTION_SHORTFALL);
  }

  /** Reaches the stage and returns its first work task. */
  /** Issue 13, finding 5: an escalation belongs to its stage and never acts on the next one. */
  @Test
  void anEscalationEndsWithItsStageAndNeverActsOnTheNext() {
    ProcessInstance instance = started("STALE");
    var due = registry.get(instance.getBusinessKey()).getStepDueAt();
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    driver.fireDueTimers(instance, Step.PILOT_VALIDATION.overdueTimerId());
    assertThat(instance).isWaitingAt(TASK_DECIDE_OVERDUE_STAGE);

    driver.passStage1(instance);

    assertThat(instance).isWaitingAt(TASK_BUILD_DATA_PIPELINES).isNotWaitingAt(TASK_DECIDE_OVERDUE_STAGE)
        .hasPassed("EndEvent_DecideOnOverdueStageEndedWithStep");
    assertThat(registry.get(instance.getBusinessKey()).getCurrentStep()).isEqualTo(Step.PRODUCTION_ARCHITECTURE.name());
    assertThat(events(instance, AuditEntryType.OVERDUE_DECISION)).as("nobody decided on the ended stage").isEmpty();
  }

  private String reach(Step stage, ProcessInstance instance) {
    switch (stage) {
      case PILOT_VALIDATION -> {
        return TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE;
      }
      case PRODUCTION_ARCHITECTURE -> {
        driver.passStage1(instance);
        return TASK_BUILD_DATA_PIPELINES;
      }
      case ORGANIZATIONAL_EMBEDDING -> {
        driver.passStage1(instance);
        driver.passStage2(instance);
        return TASK_PREPARE_ORGANIZATIONAL_EMBEDDING;
      }
      default -> {
        driver.passStage1(instance);
        driver.passStage2(instance);
        driver.passStage3(instance);
        return TASK_PLAN_EXPANSION;
      }
    }
  }

  private Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static String date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  @ParameterizedTest(name = "{0} overdue, then {1}")
  @CsvSource({"PILOT_VALIDATION, EXTEND", "PILOT_VALIDATION, PAUSE", "PILOT_VALIDATION, STOP",
      "PRODUCTION_ARCHITECTURE, EXTEND", "PRODUCTION_ARCHITECTURE, PAUSE", "PRODUCTION_ARCHITECTURE, STOP",
      "ORGANIZATIONAL_EMBEDDING, EXTEND", "ORGANIZATIONAL_EMBEDDING, PAUSE", "ORGANIZATIONAL_EMBEDDING, STOP",
      "ENTERPRISE_SCALE, EXTEND", "ENTERPRISE_SCALE, PAUSE", "ENTERPRISE_SCALE, STOP"})
  void anOverrunStageEscalatesToTheSteeringCommittee(Step stage, String decision) {
    ProcessInstance instance = started("LATE");
    String work = reach(stage, instance);
    var due = registry.get(instance.getBusinessKey()).getStepDueAt();
    assertThat(Duration.between(registry.get(instance.getBusinessKey()).getStepEnteredAt(), due))
        .isEqualTo(LifecycleProperties.defaultsOnly().allowed(stage));
    ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
    assertThat(driver.dueTimers(instance, stage.overdueTimerId())).isZero();
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    driver.fireDueTimers(instance, stage.overdueTimerId());
    assertThat(instance).isWaitingAt(work, TASK_DECIDE_OVERDUE_STAGE);
    assertThat(events(instance, AuditEntryType.STEP_OVERDUE)).extracting(AuditEntry::getStep).containsExactly(stage.name());

    // A day picked as the new due date ends at its last millisecond (pilot.time-zone: UTC here).
    Instant newDue = LocalDate.ofInstant(now().plus(Duration.ofDays(20)), ZoneOffset.UTC).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    switch (decision) {
      case "EXTEND" -> {
        driver.work("sam", instance, TASK_DECIDE_OVERDUE_STAGE,
            Map.of(OVERDUE_DECISION, "EXTEND", NEW_DUE_DATE, date(newDue), OVERDUE_REASON, "Vendor late"));
        assertThat(instance).isWaitingAt(work).hasPassed(TASK_EXTEND_STAGE_DEADLINE, END_STAGE_DEADLINE_EXTENDED);
        assertThat(registry.get(instance.getBusinessKey()).getStepDueAt()).isEqualTo(newDue);
        ClockUtil.setCurrentTime(Date.from(newDue.plusSeconds(60)));
        driver.fireDueTimers(instance, stage.overdueTimerId());
        assertThat(instance).isWaitingAt(work, TASK_DECIDE_OVERDUE_STAGE);
      }
      case "PAUSE" -> {
        driver.work("sam", instance, TASK_DECIDE_OVERDUE_STAGE,
            Map.of(OVERDUE_DECISION, "PAUSE", OVERDUE_REASON, "Reorganisation"));
        assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ON_HOLD);
        assertThat(instance).isWaitingAt(work, TASK_RESUME_PAUSED_PILOT);
        // On hold means on hold: the stage's work cannot be completed, whoever tries (issue 13, finding 3).
        String workTask = driver.task(instance, work).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(workTask)).hasMessageContaining("ON_HOLD");
        assertThat(instance).isWaitingAt(work);
        driver.work("sam", instance, TASK_RESUME_PAUSED_PILOT, Map.of(NEW_DUE_DATE, date(newDue)));
        assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.ACTIVE);
        assertThat(instance).isWaitingAt(work).hasPassed(TASK_RESUME_PILOT, END_PILOT_RESUMED);
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
            .activityId(stage.overdueTimerId()).singleResult();
        assertThat(OverdueTimers.isParked(timer)).isFalse();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(newDue);
      }
      default -> {
        driver.work("sam", instance, TASK_DECIDE_OVERDUE_STAGE,
            Map.of(OVERDUE_DECISION, "STOP", OVERDUE_REASON, "Out of budget", "stopRootCause", "GOVERNANCE_PARALYSIS"));
        assertThat(instance).hasPassed(TASK_STOP_PILOT, END_PILOT_STOPPED).isEnded();
        assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.STOPPED);
        assertThat(registry.get(instance.getBusinessKey()).getStopRootCause())
            .isEqualTo(org.pilotlifecycle.framework.RootCause.GOVERNANCE_PARALYSIS);
        assertThat(registry.get(instance.getBusinessKey()).getStatusReason()).isEqualTo("Out of budget");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Step.class, names = {"ENTERPRISE_SCALE"})
  void aRejectedCertificationReturnsToTheExpansionWork(Step stage) {
    ProcessInstance instance = started("CERT");
    reach(stage, instance);
    driver.work("paul", instance, TASK_PLAN_EXPANSION, FourStageForms.expansionPlan());
    driver.work("tara", instance, TASK_CODIFY_DEPLOYMENT_PLAYBOOK, FourStageForms.playbook());

    driver.work("rita", instance, TASK_CERTIFY_FOR_PRODUCTION, FourStageForms.reject("Handoff lacks owners"));

    assertThat(instance).isWaitingAt(TASK_PLAN_EXPANSION);
    assertThat((String) runtimeService.getVariable(instance.getId(), STEP_FEEDBACK)).contains("Handoff lacks owners");
  }

  @Test
  void aRejectedAdoptionSignOffKeepsTrackingAdoption() {
    ProcessInstance instance = started("ADOPTREJ");
    driver.passStage1(instance);
    driver.passStage2(instance);
    driver.startEmbedding(instance);
    driver.adoptionWeek(instance, 65);
    driver.adoptionWeek(instance, 70);
    driver.work("chris", instance, TASK_CONFIRM_ADOPTION_RESULTS, FourStageForms.adoptionResults());

    driver.work("olivia", instance, TASK_SIGN_OFF_ADOPTION, FourStageForms.reject("Only one team uses it"));

    assertThat(instance).isWaitingAt(TIMER_ADOPTION_WEEK_OVER);
  }
}
