package org.pilotlifecycle.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes sent mails past {@code pilot.mail.retention} on {@code pilot.mail.prune-cron} (nightly by default), also
 * when mail is switched off, since the outbox may hold mails from when it was on. Tests prune themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "pilot.mail.scheduled", havingValue = "true", matchIfMissing = false)
class MailPruningSchedule {

  private final MailOutbox outbox;

  MailPruningSchedule(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Scheduled(cron = "${pilot.mail.prune-cron:0 30 0 * * *}")
  void prune() {
    outbox.pruneSent();
  }
}
