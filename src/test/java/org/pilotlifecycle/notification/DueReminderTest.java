package org.pilotlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before a phase or stage falls due (pilot.notification.reminder-before, 7 days): to the people of the
 * step's open tasks and the executive owner, once per pilot, step and due date, again for a new due date, never
 * for a paused or overdue pilot. Mails are read from the outbox; the clock is moved, never slept. Phase 1 of the
 * five-phase framework is due 21 days after it starts; its open task "Define success metric" is for the
 * pilot's named AI product owner (paul), the executive owner is olivia.
 */
class DueReminderTest extends IntegrationTestSupport {

  static final String OLIVIA = "olivia@pilot-lifecycle.example";
  static final String PAUL = "paul@pilot-lifecycle.example";
  static final String THEO = "theo@pilot-lifecycle.example";

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired PilotIntakeService intake;
  @Autowired DueReminders reminders;
  @Autowired OutboxRepository mails;
  @Autowired PilotAuditTrail auditTrail;
  @Autowired PlatformTransactionManager transactionManager;
  FivePhaseDriver driver;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    driver = new FivePhaseDriver(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  private ProcessInstance newPilot(String prefix) {
    return driver.start(intake, Registrations.lowRisk(Registrations.newKey(prefix), Framework.FIVE_PHASE));
  }

  private List<OutboxMail> reminderMails(String pilotKey) {
    return mails.findAll().stream().filter(mail -> mail.getSubject().startsWith("Due soon: " + pilotKey + " ")).toList();
  }

  private List<AuditEntry> reminderEntries(String pilotKey) {
    return auditTrail.history(pilotKey, Pageable.unpaged()).stream()
        .filter(entry -> entry.getType() == AuditEntryType.DUE_REMINDER).toList();
  }

  private void setClock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Test
  void aPilotDueInSixDaysRemindsThePeopleOfItsOpenTasksAndItsExecutiveOwnerOnce() {
    ProcessInstance instance = newPilot("REMIND");
    String key = instance.getBusinessKey();
    Pilot pilot = registry.get(key);
    setClock(pilot.getStepDueAt().minus(Duration.ofDays(6)));

    reminders.sweep();
    reminders.sweep();

    List<OutboxMail> sent = reminderMails(key);
    assertThat(sent).as("one reminder, however often the sweep runs").hasSize(1);
    assertThat(sent.get(0).getRecipients()).isEqualTo(OLIVIA + "," + PAUL);
    assertThat(sent.get(0).getSubject()).contains("Phase 1: Outcome definition");
    assertThat(sent.get(0).getBody())
        .contains("Define success metric and baseline")
        .contains("/camunda/app/tasklist/default/#/?task=" + driver.task(instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId())
        .contains("in 6 days");
    List<AuditEntry> audit = reminderEntries(key);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).getStep()).isEqualTo("OUTCOME_DEFINITION");
    assertThat(audit.get(0).getDetails()).contains(pilot.getStepDueAt().toString()).contains("olivia").contains("paul");

    driver.moveClockBy(Duration.ofDays(3));
    reminders.sweep();
    assertThat(reminderMails(key)).as("still one for the same due date").hasSize(1);
  }

  @Test
  void aPilotDueInTenDaysIsRemindedOnlyOnceTheClockReachesTheWindow() {
    String key = newPilot("REMIND10").getBusinessKey();
    setClock(registry.get(key).getStepDueAt().minus(Duration.ofDays(10)));

    reminders.sweep();
    assertThat(reminderMails(key)).as("10 days before: too early").isEmpty();
    assertThat(reminderEntries(key)).isEmpty();

    driver.moveClockBy(Duration.ofDays(2));
    reminders.sweep();
    assertThat(reminderMails(key)).as("8 days before: still too early").isEmpty();

    driver.moveClockBy(Duration.ofDays(1));
    reminders.sweep();
    assertThat(reminderMails(key)).as("7 days before").hasSize(1);
  }

  @Test
  void anExtendedDueDateIsRemindedAgainButAnOverduePilotGetsNoBeforeReminder() {
    ProcessInstance instance = newPilot("REMINDEXT");
    String key = instance.getBusinessKey();
    Instant firstDue = registry.get(key).getStepDueAt();
    setClock(firstDue.minus(Duration.ofDays(6)));
    reminders.sweep();
    assertThat(reminderMails(key)).hasSize(1);

    setClock(firstDue.plus(Duration.ofDays(1)));
    driver.fireDueTimers(instance, "Timer_Phase1Overdue");
    reminders.sweep();
    assertThat(reminderMails(key)).as("overdue: the escalation, no reminder before").hasSize(1);

    driver.work("sam", instance, "Task_DecideOnOverduePhase", Map.of("overdueDecision", "EXTEND",
        "newDueDate", LocalDate.ofInstant(now().plus(Duration.ofDays(20)), ZoneOffset.UTC).toString(),
        "overdueReason", "Late baseline"));
    Instant newDue = registry.get(key).getStepDueAt();
    assertThat(newDue).isAfter(firstDue.plus(Duration.ofDays(20)));
    reminders.sweep();
    assertThat(reminderMails(key)).as("the new date is 20 days off").hasSize(1);

    setClock(newDue.minus(Duration.ofDays(5)));
    reminders.sweep();
    reminders.sweep();
    List<OutboxMail> sent = reminderMails(key);
    assertThat(sent).as("one more, for the new due date").hasSize(2);
    assertThat(sent.get(1).getBody()).contains(Notifications.DUE.format(newDue));
    assertThat(reminderEntries(key)).hasSize(2);
  }

  @Test
  void aPausedPilotGetsNoReminder() {
    String key = newPilot("REMINDHOLD").getBusinessKey();
    registry.putOnHold(key, "Budget freeze", "sam");
    setClock(registry.get(key).getStepDueAt().minus(Duration.ofDays(6)));

    reminders.sweep();

    assertThat(reminderMails(key)).isEmpty();
    assertThat(reminderEntries(key)).isEmpty();
  }

  @Test
  void aNamedCandidateUserIsRemindedInsteadOfTheGroupAndAPersonWithoutEmailIsSkipped() {
    ProcessInstance instance = newPilot("REMINDNAMED");
    String key = instance.getBusinessKey();
    String task = driver.task(instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId();
    String nobody = "nomail" + key.replace("-", "").toLowerCase();
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser(nobody));
    try {
      taskService.addCandidateUser(task, "theo");
      taskService.addCandidateUser(task, nobody);
      taskService.addCandidateUser(task, "ghost-who-does-not-exist");
      setClock(registry.get(key).getStepDueAt().minus(Duration.ofDays(6)));

      reminders.sweep();

      List<OutboxMail> sent = reminderMails(key);
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).getRecipients()).as("the named people and the executive owner, not the group")
          .isEqualTo(OLIVIA + "," + PAUL + "," + THEO);
    } finally {
      engine.getIdentityService().deleteUser(nobody);
    }
  }

  @Test
  void theUniqueKeyStopsASecondReminderEvenWhenTheSweepsSelectionMissedTheFirst() {
    String key = newPilot("REMINDKEY").getBusinessKey();
    Pilot pilot = registry.get(key);
    setClock(pilot.getStepDueAt().minus(Duration.ofDays(6)));
    DueReminders.DueStep due = new DueReminders.DueStep(key, pilot.getCurrentStep(), pilot.getStepDueAt());
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);

    Boolean first = transactions.execute(status -> reminders.remind(due, now(), status));
    assertThat(first).isTrue();
    // What a second node does when it selected the pilot before the first one committed.
    assertThatThrownBy(() -> transactions.execute(status -> reminders.remind(due, now(), status)))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(reminderMails(key)).hasSize(1);
    assertThat(reminderEntries(key)).hasSize(1);
  }

  @Test
  void twoNodesSweepingAtOnceSendEachReminderOnce() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.add(newPilot("REMINDRACE").getBusinessKey());
    }
    setClock(registry.get(keys.get(0)).getStepDueAt().minus(Duration.ofDays(6)));
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> sweeps = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        sweeps.add(nodes.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return reminders.sweep();
        }));
      }
      for (Future<Integer> sweep : sweeps) {
        sweep.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }
    for (String key : keys) {
      assertThat(reminderMails(key)).as(key).hasSize(1);
      assertThat(reminderEntries(key)).as(key).hasSize(1);
    }
  }
}
