package org.pilotlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** Notifications against a real SMTP server started in the test, the mails read back from it. */
class NotificationMailTest extends IntegrationTestSupport {

  /** A real SMTP server on the port the test profile configures, fresh for each test. */
  GreenMail smtp;

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired MailOutbox outbox;
  @Autowired OutboxRepository mails;
  FivePhaseDriver driver;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    driver = new FivePhaseDriver(engine);
    startSmtp();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    stopSmtp();
  }

  private void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
  }

  private void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
      smtp = null;
    }
  }

  /** The distinct mails received (GreenMail keeps a copy per recipient's mailbox). */
  private List<MimeMessage> received(String subjectPart) {
    Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (message.getSubject().contains(subjectPart)) {
          byId.putIfAbsent(message.getMessageID(), message);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(byId.values());
  }

  private static List<String> recipients(MimeMessage message) throws Exception {
    return Arrays.stream(message.getAllRecipients()).map(Address::toString).sorted().toList();
  }

  @Test
  void gatesEscalationsAndProductionReachTheRightPeopleWithALinkToTheTask() throws Exception {
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("MAIL"), Framework.FIVE_PHASE));
    String key = instance.getBusinessKey();
    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String gate = driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).getId();
    assertThat(received(key)).as("nothing is sent inside the process step").isEmpty();

    outbox.sendDue();

    List<MimeMessage> signOff = received("Sign-off waiting: Sign off success metric for " + key);
    assertThat(signOff).hasSize(1);
    assertThat(recipients(signOff.get(0))).containsExactly("olivia@pilot-lifecycle.example");
    assertThat(GreenMailUtil.getBody(signOff.get(0))).contains("/camunda/app/tasklist/default/#/?task=" + gate);

    driver.moveClockBy(Duration.ofDays(22));
    driver.fireDueTimers(instance, "Timer_Phase1Overdue");
    outbox.sendDue();
    List<MimeMessage> overdue = received("Overdue: " + key);
    assertThat(overdue).hasSize(1);
    assertThat(recipients(overdue.get(0))).containsExactly("olivia@pilot-lifecycle.example", "sam@pilot-lifecycle.example",
        "sofia@pilot-lifecycle.example");

    driver.work("sam", instance, "Task_DecideOnOverduePhase", Map.of("overdueDecision", "EXTEND",
        "newDueDate", java.time.LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)),
            java.time.ZoneOffset.UTC).toString(), "overdueReason", "Late baseline"));
    driver.work("olivia", instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC, Map.of("gateDecision", "APPROVE"));
    ProcessInstance production = driver.start(intake, Registrations.lowRisk(Registrations.newKey("MAILPROD"), Framework.FIVE_PHASE));
    driver.passAll(production);
    outbox.sendDue();
    List<MimeMessage> live = received("Pilot " + production.getBusinessKey() + " is in production");
    assertThat(live).hasSize(1);
    assertThat(recipients(live.get(0))).containsExactly("olivia@pilot-lifecycle.example", "paul@pilot-lifecycle.example");
    assertThat(received("Sign-off waiting: Approve production for " + production.getBusinessKey()).get(0).getAllRecipients())
        .extracting(Address::toString).containsExactly("sam@pilot-lifecycle.example", "sofia@pilot-lifecycle.example");
  }

  @Test
  void aFailingMailServerNeitherStopsTheProcessNorLosesTheMail() throws Exception {
    stopSmtp();
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("MAILDOWN"), Framework.FIVE_PHASE));
    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String subject = "Sign-off waiting: Sign off success metric for " + instance.getBusinessKey();

    outbox.sendDue();

    OutboxMail waiting = mails.findAll().stream().filter(mail -> mail.getSubject().equals(subject)).findFirst().orElseThrow();
    assertThat(waiting.getAttempts()).isOne();
    assertThat(waiting.getSentAt()).isNull();
    assertThat(waiting.getLastError()).isNotBlank();
    assertThat(driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC)).as("the process went on").isNotNull();

    startSmtp();
    outbox.sendDue();
    assertThat(received(subject)).as("not before the retry is due").isEmpty();
    driver.moveClockBy(Duration.ofMinutes(2));
    outbox.sendDue();
    assertThat(received(subject)).hasSize(1);
    assertThat(mails.findById(waiting.getId()).orElseThrow().getSentAt()).isNotNull();
  }

  @Test
  void aMailThatKeepsFailingIsGivenUpAndReported() {
    stopSmtp();
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("MAILFAIL"), Framework.FIVE_PHASE));
    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String subject = "Sign-off waiting: Sign off success metric for " + instance.getBusinessKey();

    // Other tests' unsent mails share the outbox, and each run sends the 50 oldest that are due: run until this
    // mail has had its attempts (a day apart), as the scheduled sender would.
    for (int round = 0; round < 100 && attemptsOf(subject) < 6; round++) {
      outbox.sendDue();
      driver.moveClockBy(Duration.ofDays(1));
    }

    OutboxMail failed = mails.findAll().stream().filter(mail -> mail.getSubject().equals(subject)).findFirst().orElseThrow();
    assertThat(failed.getAttempts()).isEqualTo(6);
    assertThat(failed.getFailedAt()).as("given up and reported").isNotNull();
    assertThat(failed.getSentAt()).isNull();
  }

  private int attemptsOf(String subject) {
    return mails.findAll().stream().filter(mail -> mail.getSubject().equals(subject)).findFirst()
        .map(OutboxMail::getAttempts).orElse(0);
  }
}
