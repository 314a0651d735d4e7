package org.pilotlifecycle.notification;

import org.pilotlifecycle.pilot.PilotEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a pilot's owners when it is put on hold, stopped, reaches production, is paused or resumed there, or is
 * retired, from the pilot's domain events.
 * The mail is queued in the outbox in the transition's transaction and sent after commit (see
 * {@link MailOutbox}); a transition that rolls back sends nothing.
 */
@Component
class PilotStatusNotifications {

  private final Notifications notifications;

  PilotStatusNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void on(PilotEvent event) {
    if (event instanceof PilotEvent.PutOnHold e) {
      notifications.statusChanged(e.pilotKey(), "is on hold", e.reason());
    } else if (event instanceof PilotEvent.Stopped e) {
      notifications.statusChanged(e.pilotKey(), "is stopped", e.reason());
    } else if (event instanceof PilotEvent.ReachedProduction e) {
      notifications.statusChanged(e.pilotKey(), "is in production", null);
    } else if (event instanceof PilotEvent.Paused e) {
      notifications.statusChanged(e.pilotKey(), "is paused in production", e.reason());
    } else if (event instanceof PilotEvent.ResumedInProduction e) {
      notifications.statusChanged(e.pilotKey(), "is back in production", e.note());
    } else if (event instanceof PilotEvent.Retired e) {
      notifications.statusChanged(e.pilotKey(), "is retired", e.reason());
    }
  }
}
