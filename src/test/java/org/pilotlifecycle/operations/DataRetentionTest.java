package org.pilotlifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.notification.MailOutbox;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data does not grow forever: the engine's history cleanup runs in the configured nightly window and removes
 * the history of finished pilots once their time to live has passed, never that of running ones; administrators
 * (only) may start it on demand; sent mails are deleted from the outbox after their retention, unsent and
 * given-up ones are kept. The clock is moved, never slept.
 */
class DataRetentionTest extends IntegrationTestSupport {

  /** camunda:historyTimeToLive of every model in bpmn/. */
  static final Duration HISTORY_TIME_TO_LIVE = Duration.ofDays(180);

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired PilotIntakeService intake;
  @Autowired MailOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  ProcessDriver driver;

  static String historyCounts = "not run";
  static String outboxCounts = "not run";

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    driver = new ProcessDriver(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    // Back to the schedule the engine keeps between tests: the next window, run only within it.
    historyService.cleanUpHistoryAsync(false);
  }

  @AfterAll
  static void report() {
    Counts.report("history cleanup: %s; outbox %s", historyCounts, outboxCounts);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  void theEngineCleansUpInTheConfiguredNightlyWindow() {
    String start = System.getenv().getOrDefault("PILOT_HISTORY_CLEANUP_WINDOW_START", "01:00");
    String end = System.getenv().getOrDefault("PILOT_HISTORY_CLEANUP_WINDOW_END", "05:00");
    ProcessEngineConfigurationImpl configuration = configuration();

    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo(start);
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo(end);
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).as("removal time counted from the end").isEqualTo("end");
    assertThat(configuration.isHistoryCleanupEnabled()).isTrue();

    // The engine scheduled its cleanup jobs at start-up: each due at the start of the next (or current) window.
    List<Job> jobs = historyService.findHistoryCleanupJobs();
    assertThat(jobs).hasSize(configuration.getHistoryCleanupDegreeOfParallelism());
    for (Job job : jobs) {
      assertThat(job.isSuspended()).isFalse();
      assertThat(LocalTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault()))
          .isEqualTo(LocalTime.parse(start));
      assertThat(Duration.between(Instant.now(), job.getDuedate().toInstant()).abs()).isLessThan(Duration.ofDays(1));
    }
  }

  @Test
  void expiredHistoryIsRemovedAndTheHistoryOfARunningPilotStays() {
    ProcessInstance finished = registered("GONE");
    driver.complete("paul", confirmation(finished), Map.of(PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, false,
        PilotIntakeProcess.Variables.WITHDRAWAL_REASON, "No business owner will own the number"));
    ProcessInstance live = registered("LIVE");
    HistoricProcessInstance finishedHistory = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(finished.getId()).singleResult();
    assertThat(finishedHistory.getEndTime()).as("withdrawn: the intake ended").isNotNull();
    assertThat(finishedHistory.getRemovalTime()).as("removal time = end + history time to live")
        .isEqualTo(Date.from(finishedHistory.getEndTime().toInstant().plus(HISTORY_TIME_TO_LIVE)));
    assertThat(history(finished.getId())).as("history of the finished intake before the cleanup")
        .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(live.getId()).singleResult()
        .getRemovalTime()).as("a running instance has no removal time").isNull();

    // A day after the finished pilot's history expired.
    ClockUtil.setCurrentTime(Date.from(finishedHistory.getRemovalTime().toInstant().plus(Duration.ofDays(1))));
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    long expiredBefore = count("select count(*) from act_hi_procinst where removal_time_ < ?", now);
    long totalBefore = count("select count(*) from act_hi_procinst");
    long runningBefore = historyService.createHistoricProcessInstanceQuery().unfinished().count();

    int runs = cleanUpNow();

    long removed = totalBefore - count("select count(*) from act_hi_procinst");
    long runningAfter = historyService.createHistoricProcessInstanceQuery().unfinished().count();
    historyCounts = String.format("finished=%d removed=%d live kept=%d (of %d), %d job runs", expiredBefore, removed,
        runningAfter, runningBefore, runs);

    assertThat(history(finished.getId())).as("history of the finished intake after the cleanup")
        .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    assertThat(count("select count(*) from act_hi_procinst where removal_time_ < ?", now)).as("expired left").isZero();
    assertThat(removed).isEqualTo(expiredBefore);
    assertThat(runningAfter).as("the history of every running instance stays").isEqualTo(runningBefore);
    assertThat(history(live.getId())).as("history of the running intake after the cleanup")
        .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    assertThat(driver.task(live, PilotIntakeProcess.TASK_CONFIRM_REGISTRATION)).isNotNull();
    assertThat(registry.get(finished.getBusinessKey()).getStatus())
        .as("the application's own record of the pilot is not engine history").isEqualTo(PilotStatus.STOPPED);
  }

  @Test
  void administratorsStartTheCleanupOnDemandOthersAreRefused() {
    Http http = http();
    Date scheduled = historyService.findHistoryCleanupJobs().get(0).getDuedate();

    for (String user : List.of("paul", "olivia", "sam", "ana")) {
      Http.Response refused = http.send(http.request("/engine-rest/history/cleanup", user)
          .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.contentType()).as(user).startsWith("application/problem+json");
      assertThat(refused.json().path("status").asInt()).isEqualTo(403);
    }
    assertThat(historyService.findHistoryCleanupJobs().get(0).getDuedate()).as("not rescheduled").isEqualTo(scheduled);

    Http.Response accepted = http.send(http.request("/engine-rest/history/cleanup", "admin")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().path("id").asText()).isNotBlank();
    assertThat(historyService.findHistoryCleanupJobs()).as("due now")
        .allSatisfy(job -> assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime()));
  }

  @Test
  void sentMailsArePrunedAfterTheirRetentionUnsentAndGivenUpOnesStay() {
    String marker = "RETENTION-" + UUID.randomUUID();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    long sentOld = mail(marker + " sent long ago", now, now, null);
    long sentRecent = mail(marker + " sent recently", now.plus(Duration.ofDays(85)), now.plus(Duration.ofDays(85)), null);
    long unsent = mail(marker + " never sent", now, null, null);
    long givenUp = mail(marker + " given up", now, null, now);
    long before = count("select count(*) from mail_outbox");

    // 95 days later: the retention (P90D) of the first mail has passed, not that of the recent one.
    driver.moveClockBy(Duration.ofDays(95));
    int pruned = outbox.pruneSent();

    long kept = count("select count(*) from mail_outbox");
    outboxCounts = String.format("pruned=%d kept=%d", pruned, kept);
    assertThat(exists(sentOld)).as("sent 95 days ago").isFalse();
    assertThat(exists(sentRecent)).as("sent 10 days ago").isTrue();
    assertThat(exists(unsent)).as("never sent").isTrue();
    assertThat(exists(givenUp)).as("given up on").isTrue();
    assertThat(pruned).isPositive().isEqualTo(before - kept);
    assertThat(count("select count(*) from mail_outbox where sent_at < ?",
        new Timestamp(ClockUtil.getCurrentTime().getTime() - Duration.ofDays(90).toMillis()))).isZero();
    assertThat(outbox.pruneSent()).as("a second run (another node) finds nothing left and fails nothing").isZero();
  }

  private ProcessInstance registered(String prefix) {
    String key = Registrations.newKey(prefix);
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PilotIntakeProcess.PROCESS_ID)
        .processInstanceBusinessKey(key).singleResult();
  }

  private Task confirmation(ProcessInstance instance) {
    return driver.task(instance, PilotIntakeProcess.TASK_CONFIRM_REGISTRATION);
  }

  /** Rows of the instance's history: the instance, its activities, variables, tasks, the risk decision. */
  private Map<String, Long> history(String processInstanceId) {
    return Map.of(
        "process instance", historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count(),
        "activity instances", historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count(),
        "variables", historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count(),
        "tasks", historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count(),
        "decision instances", historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).count());
  }

  /** Schedules the cleanup now and runs its jobs as the job executor would, until none is due. */
  private int cleanUpNow() {
    historyService.cleanUpHistoryAsync(true);
    int runs = 0;
    for (int round = 0; round < 200; round++) {
      List<Job> due = historyService.findHistoryCleanupJobs().stream()
          .filter(job -> !job.isSuspended() && job.getDuedate() != null && !job.getDuedate().after(ClockUtil.getCurrentTime()))
          .toList();
      if (due.isEmpty()) {
        return runs;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        runs++;
      }
    }
    throw new AssertionError("The history cleanup keeps rescheduling itself");
  }

  private long mail(String subject, Instant created, Instant sent, Instant failed) {
    jdbc.update("insert into mail_outbox (recipients, subject, body, created_at, attempts, next_attempt_at, sent_at,"
        + " failed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", "olivia@pilot-lifecycle.example", subject, "body",
        utc(created), sent == null && failed == null ? 0 : 1, utc(created), utc(sent), utc(failed));
    return count("select max(id) from mail_outbox where subject = ?", subject);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private boolean exists(long id) {
    return count("select count(*) from mail_outbox where id = ?", id) == 1;
  }

  private long count(String sql, Object... arguments) {
    Long value = jdbc.queryForObject(sql, Long.class, arguments);
    return value == null ? 0 : value;
  }
}
