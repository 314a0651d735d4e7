package org.pilotlifecycle.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders before a phase or stage falls due ({@code pilot.notification.*}).
 *
 * @param reminderBefore how long before a pilot's current step is due its people and executive owner are reminded
 *     (default 7 days); zero or negative switches the reminders off
 * @param reminderInterval how often each node looks for pilots to remind (default every 15 minutes)
 */
@ConfigurationProperties("pilot.notification")
public record ReminderProperties(Duration reminderBefore, Duration reminderInterval) {

  public ReminderProperties {
    reminderBefore = reminderBefore == null ? Duration.ofDays(7) : reminderBefore;
    reminderInterval = reminderInterval == null ? Duration.ofMinutes(15) : reminderInterval;
    if (reminderInterval.isNegative() || reminderInterval.isZero()) {
      throw new IllegalArgumentException("pilot.notification.reminder-interval must be positive, was " + reminderInterval);
    }
  }

  /** Whether reminders before the due date are sent at all. */
  public boolean remindsBefore() {
    return !reminderBefore.isNegative() && !reminderBefore.isZero();
  }
}
