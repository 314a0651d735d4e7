package org.pilotlifecycle.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for pilots to remind before their phase or stage falls due every {@code pilot.notification.reminder-interval}
 * (15 minutes) when mail is enabled. Every node of a cluster runs it; the reminders' unique key lets only one of
 * them send each (see {@link DueReminders}). Tests sweep themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = {"pilot.mail.enabled", "pilot.mail.scheduled"}, havingValue = "true", matchIfMissing = false)
class DueReminderSchedule {

  private final DueReminders reminders;

  DueReminderSchedule(DueReminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(fixedDelayString = "${pilot.notification.reminder-interval:PT15M}",
      initialDelayString = "PT1M")
  void sweep() {
    reminders.sweep();
  }
}
