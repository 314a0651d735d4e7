package org.pilotlifecycle.pilot;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** An audit-trail entry as the API shows it; {@code details} is the stored JSON evidence. */
public record PilotEventView(long id, Instant occurredAt, PilotEventType type, String step, String name, String actor,
    String outcome, String reason, @JsonRawValue String details) {

  public static PilotEventView of(PilotEvent event) {
    return new PilotEventView(event.getId(), event.getOccurredAt(), event.getType(), event.getStep(), event.getName(),
        event.getActor(), event.getOutcome(), event.getReason(), event.getDetails());
  }
}
