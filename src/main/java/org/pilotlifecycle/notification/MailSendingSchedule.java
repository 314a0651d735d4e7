package org.pilotlifecycle.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the outbox every few seconds when mail is enabled (tests send it themselves). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = {"pilot.mail.enabled", "pilot.mail.scheduled"}, havingValue = "true", matchIfMissing = false)
class MailSendingSchedule {

  private final MailOutbox outbox;

  MailSendingSchedule(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Scheduled(fixedDelayString = "${pilot.mail.send-interval:PT10S}")
  void send() {
    outbox.sendDue();
  }
}
