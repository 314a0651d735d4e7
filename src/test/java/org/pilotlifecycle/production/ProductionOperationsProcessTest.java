package org.pilotlifecycle.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pilotlifecycle.production.ProductionOperationsProcess.*;
import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;
import static org.pilotlifecycle.production.ProductionDriver.decision;
import static org.pilotlifecycle.production.ProductionDriver.realisedValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** The story of each path through ProductionOperations, the clock moved, never slept; fails below 95% coverage. */
class ProductionOperationsProcessTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;
  @Autowired RealisedValue realisedValue;
  @Autowired MonitoringSignals signals;
  ProductionDriver driver;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    driver = new ProductionDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private List<AuditEntry> events(ProcessInstance instance, AuditEntryType type) {
    return auditTrail.history(instance.getBusinessKey(), Pageable.ofSize(500)).getContent().stream()
        .filter(e -> e.getType() == type).toList();
  }

  @Test
  void aPilotThatReachesProductionIsHandedToItsProductionOperations() {
    ProcessInstance instance = driver.inProduction(intake, "OPS");

    assertThat(instance).isActive().hasPassed(START, TASK_PLAN)
        .isWaitingAt(TIMER_VALUE_CHECKPOINT_DUE, TIMER_RECERTIFICATION_OPENS, EVENT_MONITORING_SIGNAL_RECEIVED);
    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(pilot.getRiskTier()).isEqualTo(org.pilotlifecycle.pilot.RiskTier.MEDIUM);
    assertThat(pilot.getRecertificationDueAt()).as("medium risk: re-certified every 6 months")
        .isEqualTo(pilot.getInProductionAt().atZone(java.time.ZoneOffset.UTC).plusMonths(6).toInstant());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(PROCESS_ID).count()).as("one production operations per pilot").isOne();
    assertThat(events(instance, AuditEntryType.RECERTIFICATION_SCHEDULED)).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private void checkpointDue(ProcessInstance instance, Duration sinceProduction) {
    var pilot = registry.get(instance.getBusinessKey());
    ClockUtil.setCurrentTime(java.util.Date.from(pilot.getInProductionAt().plus(sinceProduction).plusSeconds(60)));
    driver.fireDueTimers(instance, TIMER_VALUE_CHECKPOINT_DUE);
  }

  private void recordAndConfirm(ProcessInstance instance, double measured) {
    driver.work("paul", instance, TASK_RECORD_REALISED_VALUE, realisedValue(measured));
    driver.work("olivia", instance, TASK_CONFIRM_REALISED_VALUE, decision(VALUE_CONFIRMATION, "CONFIRM", null, null));
  }

  private void recertificationOpens(ProcessInstance instance) {
    var pilot = registry.get(instance.getBusinessKey());
    ClockUtil.setCurrentTime(java.util.Date.from(pilot.getRecertificationDueAt().minus(Duration.ofDays(13))));
    driver.fireDueTimers(instance, TIMER_RECERTIFICATION_OPENS);
  }

  private static Map<String, Object> evidence() {
    return Map.of(RECERTIFICATION_EVIDENCE, "Accuracy 91% on last month's claims; drift 3%; no incidents",
        MONITORING_IN_PLACE, true, CONTROLS_EFFECTIVE, true);
  }

  private MonitoringSignals.Receipt signal(ProcessInstance instance, String type, String idempotencyKey) {
    var receipt = signals.receive(registry.get(instance.getBusinessKey()),
        new SignalRequest(type, "HIGH", "evidently drift monitor", type + " seen by the monitor", idempotencyKey),
        "monitoring-bot");
    driver.runChecks(instance);
    return receipt;
  }

  private void reviewSignals(ProcessInstance instance, String outcome) {
    driver.work("tara", instance, TASK_ASSESS_MONITORING_SIGNALS,
        Map.of(SIGNAL_ASSESSMENT, "Drift on the new claim types", SIGNAL_RECOMMENDATION, outcome));
    Map<String, Object> decision = new java.util.HashMap<>(
        Map.of(SIGNAL_REVIEW_OUTCOME, outcome, SIGNAL_REVIEW_NOTES, "Decided on the drift"));
    if (outcome.equals("RETIRE")) {
      assertThatThrownBy(() -> driver.work("olivia", instance, TASK_DECIDE_ON_MONITORING_SIGNALS, decision))
          .as("a retirement names its root cause").hasMessageContaining(RETIREMENT_ROOT_CAUSE);
      decision.put(RETIREMENT_ROOT_CAUSE, "DATA_AND_INTEGRATION_DEBT");
    }
    driver.work("olivia", instance, TASK_DECIDE_ON_MONITORING_SIGNALS, decision);
  }

  private void monthPasses(ProcessInstance instance) {
    driver.moveClockBy(Duration.ofDays(31));
    driver.fireDueTimers(instance, START_MONTH_PASSED);
  }

  private void retire(ProcessInstance instance) {
    driver.work("rita", instance, TASK_SIGN_OFF_DECOMMISSIONING, Map.of(ENDPOINT_SWITCHED_OFF, true,
        DATA_RETENTION_HANDLED, true, USERS_INFORMED, true, MODEL_ARCHIVED, true, DECOMMISSIONING_NOTES, "Archived in the registry"));
  }

  private static String date(java.time.Instant instant) {
    return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private List<String> mailSubjects() {
    return jdbc.queryForList("select subject from mail_outbox", String.class);
  }

  // ------------------------------------------------------------------ value checkpoints

  @Test
  void theValueIsRecordedAtEachCheckpointOnAndBelowTargetAndTheExecutiveOwnerConfirmsIt() {
    ProcessInstance instance = driver.inProduction(intake, "VALUE");
    String key = instance.getBusinessKey();

    checkpointDue(instance, Duration.ofDays(30));
    assertThat(instance).isWaitingAt(TASK_RECORD_REALISED_VALUE);
    assertThat(runtimeService.getVariable(instance.getId(), VALUE_CHECKPOINT)).isEqualTo("DAY_30");
    assertThat(mailSubjects()).as("the AI product owner is told").contains("Record realised value for " + key + " in production");
    recordAndConfirm(instance, 28);

    var first = events(instance, AuditEntryType.VALUE_CHECKPOINT);
    assertThat(first).extracting(AuditEntry::getName, AuditEntry::getOutcome, AuditEntry::getActor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("DAY_30", "ON_TARGET", "olivia"));
    assertThat(realisedValue.measurements(key)).hasSize(7).noneMatch(KpiMeasurement::isBelowTarget);

    checkpointDue(instance, Duration.ofDays(90));
    Map<String, Object> below = realisedValue(42);
    below.put(MODEL_DRIFT_PERCENT, 14.0);
    driver.work("paul", instance, TASK_RECORD_REALISED_VALUE, below);
    assertThat((String) runtimeService.getVariable(instance.getId(), VALUE_SUMMARY))
        .contains("Claims processing time: 42 minutes per claim (baseline 50, target 30) BELOW TARGET")
        .contains("Model drift: 14 % (limit 10) BELOW TARGET");
    assertThat(runtimeService.getVariable(instance.getId(), KPIS_BELOW_TARGET)).isEqualTo("Claims processing time, Model drift");
    driver.work("olivia", instance, TASK_CONFIRM_REALISED_VALUE, decision(VALUE_CONFIRMATION, "CONFIRM", null, null));

    assertThat(events(instance, AuditEntryType.VALUE_CHECKPOINT).get(1).getOutcome()).isEqualTo("BELOW_TARGET");
    assertThat(realisedValue.measurements(key)).filteredOn(m -> m.getCheckpoint().equals("DAY_90"))
        .filteredOn(KpiMeasurement::isBelowTarget).extracting(KpiMeasurement::getKpi)
        .containsExactly("Claims processing time", "Model drift");

    checkpointDue(instance, Duration.ofDays(180));
    driver.work("paul", instance, TASK_RECORD_REALISED_VALUE, realisedValue(31));
    driver.work("olivia", instance, TASK_CONFIRM_REALISED_VALUE,
        decision(VALUE_CONFIRMATION, "REJECT", VALUE_CONFIRMATION_REASON, "Use the quarter's median, not a week"));
    assertThat(instance).isWaitingAt(TASK_RECORD_REALISED_VALUE);
    assertThat((String) runtimeService.getVariable(instance.getId(), VALUE_FEEDBACK))
        .isEqualTo("Returned by olivia: Use the quarter's median, not a week");
    recordAndConfirm(instance, 29);

    assertThat(instance).hasPassed(END_VALUE_CHECKPOINTS_DONE);
    assertThat(realisedValue.measurements(key)).hasSize(21);
    assertThat(realisedValue.latestSummary(key)).startsWith("Checkpoint DAY_180:")
        .contains("Claims processing time: 29 minutes per claim");
  }

  @Test
  void badMeasurementsAreRefusedAndWhoRecordedTheValuesCannotConfirmThem() {
    ProcessInstance instance = driver.inProduction(intake, "VALBAD");
    checkpointDue(instance, Duration.ofDays(30));
    Map<String, Object> bad = realisedValue(28);
    bad.put(MODEL_ACCURACY_PERCENT, 130);
    bad.remove(INCIDENT_COUNT);
    assertThatThrownBy(() -> driver.work("paul", instance, TASK_RECORD_REALISED_VALUE, bad))
        .hasMessageContaining(MODEL_ACCURACY_PERCENT).hasMessageContaining(INCIDENT_COUNT);
    assertThat(instance).isWaitingAt(TASK_RECORD_REALISED_VALUE);

    driver.work("admin", instance, TASK_RECORD_REALISED_VALUE, realisedValue(28));
    assertThatThrownBy(() -> driver.work("admin", instance, TASK_CONFIRM_REALISED_VALUE,
        decision(VALUE_CONFIRMATION, "CONFIRM", null, null))).hasMessageContaining("four-eyes");
    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_CONFIRM_REALISED_VALUE,
        decision(VALUE_CONFIRMATION, "REJECT", null, null))).hasMessageContaining("reason is required");
    assertThat(instance).isWaitingAt(TASK_CONFIRM_REALISED_VALUE);
    assertThat(realisedValue.measurements(instance.getBusinessKey())).isEmpty();
  }

  // ------------------------------------------------------------------ re-certification

  @Test
  void theRiskAndComplianceOwnerReCertifiesOnTheTechLeadsEvidenceOnTime() {
    ProcessInstance instance = driver.inProduction(intake, "RECERT");
    var due = registry.get(instance.getBusinessKey()).getRecertificationDueAt();

    recertificationOpens(instance);
    assertThat(instance).isWaitingAt(TASK_PROVIDE_RECERTIFICATION_EVIDENCE);
    driver.work("tara", instance, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, evidence());
    driver.work("rita", instance, TASK_RECERTIFY,
        Map.of(RECERTIFICATION_DECISION, "REFUSE", RECERTIFICATION_REASON, "Show the drift per claim type"));
    assertThat(instance).isWaitingAt(TASK_PROVIDE_RECERTIFICATION_EVIDENCE);
    assertThat(runtimeService.getVariable(instance.getId(), RECERTIFICATION_FEEDBACK))
        .isEqualTo("Refused by rita: Show the drift per claim type");
    driver.work("tara", instance, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, evidence());
    driver.work("rita", instance, TASK_RECERTIFY, Map.of(RECERTIFICATION_DECISION, "RECERTIFY"));

    var pilot = registry.get(instance.getBusinessKey());
    assertThat(pilot.getLastRecertifiedAt()).isNotNull();
    assertThat(pilot.getRecertificationDueAt()).as("the next one, 6 months after this one")
        .isEqualTo(pilot.getLastRecertifiedAt().atZone(java.time.ZoneOffset.UTC).plusMonths(6).toInstant())
        .isAfter(due);
    assertThat(events(instance, AuditEntryType.RECERTIFICATION)).extracting(AuditEntry::getOutcome, AuditEntry::getActor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REFUSED", "rita"), org.assertj.core.groups.Tuple.tuple("RECERTIFIED", "rita"));
    assertThat(instance).isWaitingAt(TIMER_RECERTIFICATION_OPENS);
    assertThat(driver.dueTimers(instance, TIMER_RECERTIFICATION_OVERDUE)).isZero();
  }

  @Test
  void whoProvidedTheEvidenceCannotReCertify() {
    ProcessInstance instance = driver.inProduction(intake, "RECERT4E");
    recertificationOpens(instance);
    driver.work("admin", instance, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, evidence());
    assertThatThrownBy(() -> driver.work("admin", instance, TASK_RECERTIFY, Map.of(RECERTIFICATION_DECISION, "RECERTIFY")))
        .hasMessageContaining("four-eyes");
    assertThat(instance).isWaitingAt(TASK_RECERTIFY);
  }

  @Test
  void anOverdueReCertificationEscalatesToTheSteeringCommitteeAndThePilotIsStuckUntilItIsDone() {
    ProcessInstance instance = driver.inProduction(intake, "OVERDUE");
    String key = instance.getBusinessKey();
    recertificationOpens(instance);
    var due = registry.get(key).getRecertificationDueAt();
    ClockUtil.setCurrentTime(java.util.Date.from(due.plus(Duration.ofDays(1))));
    driver.fireDueTimers(instance, TIMER_RECERTIFICATION_OVERDUE);

    assertThat(instance).isWaitingAt(TASK_DECIDE_OVERDUE_RECERTIFICATION, TASK_PROVIDE_RECERTIFICATION_EVIDENCE);
    assertThat(events(instance, AuditEntryType.RECERTIFICATION_OVERDUE)).hasSize(1);
    assertThat(mailSubjects()).anyMatch(subject -> subject.startsWith("Overdue: the re-certification of " + key + " was due"));
    assertThat(stuck(key)).containsExactly(org.pilotlifecycle.reporting.stuck.StuckReason.RECERTIFICATION_OVERDUE);
    assertThat(onDiagram(instance)).as("Cockpit's overlay: at the oldest open task of the production operations")
        .containsExactly(TASK_PROVIDE_RECERTIFICATION_EVIDENCE + ":RECERTIFICATION_OVERDUE:" + instance.getId());

    var newDue = due.plus(Duration.ofDays(20));
    driver.work("sam", instance, TASK_DECIDE_OVERDUE_RECERTIFICATION, Map.of(RECERTIFICATION_OVERDUE_DECISION, "EXTEND",
        NEW_RECERTIFICATION_DUE_DATE, date(newDue), RECERTIFICATION_OVERDUE_REASON, "The tech lead is on leave"));
    assertThat(registry.get(key).getRecertificationDueAt()).isAfter(newDue.minus(Duration.ofDays(1)));
    assertThat(stuck(key)).isEmpty();
    assertThat(driver.dueTimers(instance, TIMER_RECERTIFICATION_OVERDUE)).as("the timer moved to the new date").isZero();

    ClockUtil.setCurrentTime(java.util.Date.from(newDue.plus(Duration.ofDays(1))));
    driver.fireDueTimers(instance, TIMER_RECERTIFICATION_OVERDUE);
    assertThat(stuck(key)).containsExactly(org.pilotlifecycle.reporting.stuck.StuckReason.RECERTIFICATION_OVERDUE);
    driver.work("sam", instance, TASK_DECIDE_OVERDUE_RECERTIFICATION, Map.of(RECERTIFICATION_OVERDUE_DECISION, "PAUSE",
        RECERTIFICATION_OVERDUE_REASON, "Not certified: out of service"));
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.PAUSED);
    assertThat(registry.get(key).getStatusReason()).isEqualTo("Re-certification overdue: Not certified: out of service");

    driver.work("tara", instance, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, evidence());
    driver.work("rita", instance, TASK_RECERTIFY, Map.of(RECERTIFICATION_DECISION, "RECERTIFY"));
    assertThat(stuck(key)).as("re-certified: no longer stuck").isEmpty();
    driver.work("olivia", instance, TASK_RESUME_PAUSED_PRODUCTION, Map.of(RESUME_DECISION, "RESUME", RESUME_NOTES, "Re-certified"));
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(instance).hasPassed(END_PILOT_BACK_IN_PRODUCTION);
    assertThat(events(instance, AuditEntryType.RECERTIFICATION_DECISION)).extracting(AuditEntry::getOutcome)
        .containsExactly("EXTEND", "PAUSE");
  }

  @Test
  void anExtensionDecidedAfterTheReCertificationWasDoneLeavesTheNextDueDateAsItIs() {
    ProcessInstance instance = driver.inProduction(intake, "LATEEXT");
    String key = instance.getBusinessKey();
    recertificationOpens(instance);
    var due = registry.get(key).getRecertificationDueAt();
    ClockUtil.setCurrentTime(java.util.Date.from(due.plus(Duration.ofDays(1))));
    driver.fireDueTimers(instance, TIMER_RECERTIFICATION_OVERDUE);
    driver.work("tara", instance, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, evidence());
    driver.work("rita", instance, TASK_RECERTIFY, Map.of(RECERTIFICATION_DECISION, "RECERTIFY"));
    var next = registry.get(key).getRecertificationDueAt();

    driver.work("sam", instance, TASK_DECIDE_OVERDUE_RECERTIFICATION, Map.of(RECERTIFICATION_OVERDUE_DECISION, "EXTEND",
        NEW_RECERTIFICATION_DUE_DATE, date(due.plus(Duration.ofDays(20))), RECERTIFICATION_OVERDUE_REASON, "Late answer"));

    assertThat(registry.get(key).getRecertificationDueAt()).isEqualTo(next);
    assertThat(stuck(key)).isEmpty();
  }

  @Autowired org.pilotlifecycle.reporting.stuck.StuckPilots stuckPilots;

  /** Where the pilot shows on Cockpit's overlay of its production operations' diagram: activity:reason:instance. */
  private List<String> onDiagram(ProcessInstance instance) {
    return stuckPilots.onDiagram(instance.getProcessDefinitionId(), 1000).activities().stream()
        .flatMap(activity -> activity.pilots().stream()
            .filter(pilot -> pilot.pilotKey().equals(instance.getBusinessKey()))
            .map(pilot -> activity.activityId() + ":" + pilot.reason() + ":" + pilot.processInstanceId()))
        .toList();
  }

  private List<org.pilotlifecycle.reporting.stuck.StuckReason> stuck(String key) {
    return stuckPilots.page(0, 1000).content().stream().filter(s -> s.pilotKey().equals(key))
        .map(org.pilotlifecycle.reporting.stuck.StuckPilot::reason).toList();
  }

  // ------------------------------------------------------------------ monitoring signals

  @Test
  void aSignalReviewThatContinuesHandlesTheSignalsAndWaitsForTheNext() {
    ProcessInstance instance = driver.inProduction(intake, "SIGCONT");
    var receipt = signal(instance, "DRIFT", "drift-1");
    assertThat(receipt.created()).isTrue();
    assertThat(instance).isWaitingAt(TASK_ASSESS_MONITORING_SIGNALS);
    assertThat((String) runtimeService.getVariable(instance.getId(), OPEN_SIGNALS_SUMMARY))
        .contains("DRIFT (HIGH) from evidently drift monitor");

    reviewSignals(instance, "CONTINUE");

    assertThat(instance).isWaitingAt(EVENT_MONITORING_SIGNAL_RECEIVED);
    assertThat(signals.open(instance.getBusinessKey())).isEmpty();
    assertThat(events(instance, AuditEntryType.SIGNAL_REVIEW)).extracting(AuditEntry::getOutcome).containsExactly("CONTINUE");
    assertThat(events(instance, AuditEntryType.SIGNAL_RECEIVED)).extracting(AuditEntry::getName).containsExactly("DRIFT");
  }

  @Test
  void aDuplicateSignalIsTheSameSignalAndABurstOpensOneReviewListingEverySignal() {
    ProcessInstance instance = driver.inProduction(intake, "SIGBURST");
    var first = signal(instance, "DRIFT", "burst-1");
    var repeated = signal(instance, "DRIFT", "burst-1");
    assertThat(repeated.created()).isFalse();
    assertThat(repeated.signal().getId()).isEqualTo(first.signal().getId());
    signal(instance, "INCIDENT", "burst-2");
    signal(instance, "KPI_BREACH", "burst-3");

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_ASSESS_MONITORING_SIGNALS).count()).as("one review").isOne();
    assertThat(runtimeService.getVariable(instance.getId(), OPEN_SIGNAL_COUNT)).isEqualTo(3);
    assertThat((String) runtimeService.getVariable(instance.getId(), OPEN_SIGNALS_SUMMARY))
        .contains("DRIFT (HIGH)").contains("INCIDENT (HIGH)").contains("KPI_BREACH (HIGH)");

    reviewSignals(instance, "CONTINUE");
    assertThat(signals.open(instance.getBusinessKey())).isEmpty();
    assertThat(events(instance, AuditEntryType.SIGNAL_RECEIVED)).hasSize(3);
    assertThat(events(instance, AuditEntryType.SIGNAL_REVIEW)).hasSize(1);
  }

  @Test
  void anUpdateGoesThroughAReValidationGateBeforeItCountsAsProductionAndSignalsMeanwhileOpenTheNextReview() {
    ProcessInstance instance = driver.inProduction(intake, "SIGUPD");
    signal(instance, "DRIFT", "upd-1");
    reviewSignals(instance, "UPDATE");
    assertThat(instance).isWaitingAt(TASK_PROVIDE_REVALIDATION_EVIDENCE);

    Map<String, Object> evidence = Map.of(NEW_MODEL_VERSION, "claims-triage 2.4.1",
        REVALIDATION_EVIDENCE, "Retrained on 2026 claims; evaluated on last month's", REVALIDATED_ACCURACY_PERCENT, 93.0);
    driver.work("tara", instance, TASK_PROVIDE_REVALIDATION_EVIDENCE, evidence);
    driver.work("rita", instance, TASK_APPROVE_REVALIDATED_MODEL,
        Map.of(REVALIDATION_DECISION, "REJECT", REVALIDATION_REASON, "Evaluate on the new claim types too"));
    assertThat(instance).isWaitingAt(TASK_PROVIDE_REVALIDATION_EVIDENCE);
    assertThat(runtimeService.getVariable(instance.getId(), MODEL_VERSION_IN_PRODUCTION)).isNull();

    signal(instance, "INCIDENT", "upd-2");
    assertThat(instance).as("no second review while the update runs").isNotWaitingAt(TASK_ASSESS_MONITORING_SIGNALS);

    driver.work("tara", instance, TASK_PROVIDE_REVALIDATION_EVIDENCE, evidence);
    assertThatThrownBy(() -> driver.work("tara", instance, TASK_APPROVE_REVALIDATED_MODEL, Map.of(REVALIDATION_DECISION, "APPROVE")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    driver.work("rita", instance, TASK_APPROVE_REVALIDATED_MODEL, Map.of(REVALIDATION_DECISION, "APPROVE"));

    assertThat(instance).hasPassed(END_MODEL_UPDATED);
    assertThat(events(instance, AuditEntryType.MODEL_REVALIDATION)).extracting(AuditEntry::getOutcome)
        .containsExactly("REJECTED", "APPROVED");
    assertThat(instance).as("the incident received meanwhile opens the next review at once")
        .isWaitingAt(TASK_ASSESS_MONITORING_SIGNALS);
  }

  @Test
  void aSignalReviewThatPausesTakesThePilotOutOfServiceUntilItsExecutiveOwnerResumesIt() {
    ProcessInstance instance = driver.inProduction(intake, "SIGPAUSE");
    String key = instance.getBusinessKey();
    signal(instance, "INCIDENT", "pause-1");
    reviewSignals(instance, "PAUSE");

    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.PAUSED);
    assertThat(instance).isWaitingAt(TASK_RESUME_PAUSED_PRODUCTION, EVENT_MONITORING_SIGNAL_RECEIVED);

    signal(instance, "INCIDENT", "pause-2");
    driver.work("tara", instance, TASK_ASSESS_MONITORING_SIGNALS,
        Map.of(SIGNAL_ASSESSMENT, "Same incident", SIGNAL_RECOMMENDATION, "PAUSE"));
    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_DECIDE_ON_MONITORING_SIGNALS,
        Map.of(SIGNAL_REVIEW_OUTCOME, "PAUSE", SIGNAL_REVIEW_NOTES, "again"))).hasMessageContaining("already paused");
    driver.work("olivia", instance, TASK_DECIDE_ON_MONITORING_SIGNALS,
        Map.of(SIGNAL_REVIEW_OUTCOME, "CONTINUE", SIGNAL_REVIEW_NOTES, "Handled by the pause"));

    driver.work("olivia", instance, TASK_RESUME_PAUSED_PRODUCTION, Map.of(RESUME_DECISION, "RESUME", RESUME_NOTES, "Fixed"));
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(events(instance, AuditEntryType.PAUSED)).hasSize(1);
    assertThat(events(instance, AuditEntryType.RESUMED_IN_PRODUCTION)).extracting(AuditEntry::getActor).containsExactly("olivia");
  }

  @Test
  void aSignalReviewThatRetiresEndsEverythingAndRiskAndComplianceSignsOffTheDecommissioning() {
    ProcessInstance instance = driver.inProduction(intake, "SIGRET");
    String key = instance.getBusinessKey();
    driver.moveClockBy(Duration.ofDays(100));
    signal(instance, "KPI_BREACH", "retire-1");
    reviewSignals(instance, "RETIRE");

    assertThat(instance).isWaitingAt(TASK_SIGN_OFF_DECOMMISSIONING);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .as("every other piece of work ended").isOne();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("no timer left: no value checkpoint, re-certification or monthly review").isZero();
    assertThatThrownBy(() -> driver.work("rita", instance, TASK_SIGN_OFF_DECOMMISSIONING,
        Map.of(ENDPOINT_SWITCHED_OFF, true, DATA_RETENTION_HANDLED, true)))
        .hasMessageContaining(USERS_INFORMED).hasMessageContaining(MODEL_ARCHIVED);
    retire(instance);

    assertThat(instance).hasPassed(END_PILOT_RETIRED).isEnded();
    var pilot = registry.get(key);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.RETIRED);
    assertThat(pilot.getStatusReason()).isEqualTo("Monitoring signals: Decided on the drift");
    assertThat(pilot.getRetirementRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.DATA_AND_INTEGRATION_DEBT);
    assertThat(pilot.getRetirementRootCauseText()).isNull();
    assertThat(pilot.getStopRootCause()).as("retired, not stopped").isNull();
    assertThat(pilot.getRetiredAt()).isNotNull();
    assertThat(pilot.timeInProduction()).isGreaterThanOrEqualTo(Duration.ofDays(100));
    assertThat(events(instance, AuditEntryType.DECOMMISSIONING)).extracting(AuditEntry::getActor).containsExactly("rita");
    assertThat(events(instance, AuditEntryType.RETIRED)).singleElement()
        .satisfies(retired -> assertThat(retired.getDetails()).contains("\"rootCause\":\"DATA_AND_INTEGRATION_DEBT\"")
            .contains("\"rootCauseLabel\":\"Data and integration debt\""));
    assertThat(events(instance, AuditEntryType.SIGNAL_REVIEW)).singleElement()
        .satisfies(review -> assertThat(review.getDetails()).contains("\"rootCause\":\"DATA_AND_INTEGRATION_DEBT\""));
  }

  // ------------------------------------------------------------------ monthly executive review

  @Test
  void everyMonthTheExecutiveOwnerReviewsTheLatestKpisAndOpenSignals() {
    ProcessInstance instance = driver.inProduction(intake, "MONTH");
    checkpointDue(instance, Duration.ofDays(30));
    recordAndConfirm(instance, 28);
    signal(instance, "DRIFT", "month-1");
    driver.fireDueTimers(instance, START_MONTH_PASSED);

    assertThat((String) runtimeService.getVariable(instance.getId(), LATEST_KPIS)).startsWith("Checkpoint DAY_30:");
    assertThat((String) runtimeService.getVariable(instance.getId(), OPEN_SIGNALS_SUMMARY)).contains("DRIFT (HIGH)");
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "CONTINUE", EXECUTIVE_REVIEW_NOTES, "On target"));

    monthPasses(instance);
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "ESCALATE", EXECUTIVE_REVIEW_NOTES, "Costs above plan"));
    driver.work("sam", instance, TASK_DECIDE_ON_PRODUCTION_ESCALATION,
        Map.of(PRODUCTION_ESCALATION_DECISION, "CONTINUE", PRODUCTION_ESCALATION_REASON, "Within budget for the year"));

    monthPasses(instance);
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "ESCALATE", EXECUTIVE_REVIEW_NOTES, "Costs still above plan"));
    driver.work("sam", instance, TASK_DECIDE_ON_PRODUCTION_ESCALATION,
        Map.of(PRODUCTION_ESCALATION_DECISION, "PAUSE", PRODUCTION_ESCALATION_REASON, "Until the cost model is redone"));
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.PAUSED);

    monthPasses(instance);
    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "PAUSE", EXECUTIVE_REVIEW_NOTES, "Pause"))).hasMessageContaining("already paused");
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "CONTINUE", EXECUTIVE_REVIEW_NOTES, "Paused meanwhile"));
    driver.work("olivia", instance, TASK_RESUME_PAUSED_PRODUCTION, Map.of(RESUME_DECISION, "RESUME", RESUME_NOTES, "New cost model"));

    monthPasses(instance);
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "PAUSE", EXECUTIVE_REVIEW_NOTES, "Vendor outage"));
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.PAUSED);
    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_RESUME_PAUSED_PRODUCTION,
        Map.of(RESUME_DECISION, "RETIRE", RESUME_NOTES, "Vendor gone", RETIREMENT_ROOT_CAUSE, "OTHER")))
        .hasMessageContaining(RETIREMENT_ROOT_CAUSE_TEXT);
    driver.work("olivia", instance, TASK_RESUME_PAUSED_PRODUCTION, Map.of(RESUME_DECISION, "RETIRE", RESUME_NOTES,
        "Vendor gone", RETIREMENT_ROOT_CAUSE, "OTHER", RETIREMENT_ROOT_CAUSE_TEXT, "The vendor went out of business"));
    retire(instance);

    assertThat(instance).isEnded();
    assertThat(registry.get(instance.getBusinessKey()).getStatusReason()).isEqualTo("Retired while paused: Vendor gone");
    assertThat(registry.get(instance.getBusinessKey()).getRetirementRootCause())
        .isEqualTo(org.pilotlifecycle.framework.RootCause.OTHER);
    assertThat(registry.get(instance.getBusinessKey()).getRetirementRootCauseText())
        .isEqualTo("The vendor went out of business");
    assertThat(events(instance, AuditEntryType.EXECUTIVE_REVIEW)).extracting(AuditEntry::getOutcome)
        .containsExactly("CONTINUE", "ESCALATE", "CONTINUE", "ESCALATE", "PAUSE", "CONTINUE", "PAUSE");
  }

  @Test
  void theExecutiveOwnerRetiresThePilotInAMonthlyReview() {
    ProcessInstance instance = driver.inProduction(intake, "MONTHRET");
    monthPasses(instance);
    assertThatThrownBy(() -> driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "RETIRE", EXECUTIVE_REVIEW_NOTES, "Replaced by the claims platform's own triage",
            RETIREMENT_ROOT_CAUSE, "BAD_LUCK"))).hasMessageContaining(RETIREMENT_ROOT_CAUSE);
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "RETIRE", EXECUTIVE_REVIEW_NOTES, "Replaced by the claims platform's own triage",
            RETIREMENT_ROOT_CAUSE, "WORKFLOW_MYOPIA"));
    retire(instance);
    assertThat(instance).isEnded();
    assertThat(registry.get(instance.getBusinessKey()).getStatus()).isEqualTo(PilotStatus.RETIRED);
    assertThat(registry.get(instance.getBusinessKey()).getRetirementRootCause())
        .isEqualTo(org.pilotlifecycle.framework.RootCause.WORKFLOW_MYOPIA);
    assertThat(events(instance, AuditEntryType.EXECUTIVE_REVIEW)).singleElement()
        .satisfies(review -> assertThat(review.getDetails()).contains("\"rootCause\":\"WORKFLOW_MYOPIA\""));
  }

  @Test
  void theSteeringCommitteeRetiresThePilotOnAnEscalatedReview() {
    ProcessInstance instance = driver.inProduction(intake, "STEERRET");
    monthPasses(instance);
    driver.work("olivia", instance, TASK_REVIEW_PRODUCTION_DASHBOARD,
        Map.of(EXECUTIVE_REVIEW_ACTION, "ESCALATE", EXECUTIVE_REVIEW_NOTES, "No value after six months"));
    assertThatThrownBy(() -> driver.work("sam", instance, TASK_DECIDE_ON_PRODUCTION_ESCALATION,
        Map.of(PRODUCTION_ESCALATION_DECISION, "RETIRE", PRODUCTION_ESCALATION_REASON, "No value")))
        .hasMessageContaining(RETIREMENT_ROOT_CAUSE);
    assertThat(instance).isWaitingAt(TASK_DECIDE_ON_PRODUCTION_ESCALATION);
    driver.work("sam", instance, TASK_DECIDE_ON_PRODUCTION_ESCALATION, Map.of(PRODUCTION_ESCALATION_DECISION, "RETIRE",
        PRODUCTION_ESCALATION_REASON, "No value", RETIREMENT_ROOT_CAUSE, "NO_HARD_BUSINESS_OWNER"));
    assertThat(instance).isWaitingAt(TASK_SIGN_OFF_DECOMMISSIONING);
    retire(instance);
    assertThat(registry.get(instance.getBusinessKey()).getStatusReason()).isEqualTo("Steering committee: No value");
    assertThat(registry.get(instance.getBusinessKey()).getRetirementRootCause())
        .isEqualTo(org.pilotlifecycle.framework.RootCause.NO_HARD_BUSINESS_OWNER);
  }
}
