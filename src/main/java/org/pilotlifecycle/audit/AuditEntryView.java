package org.pilotlifecycle.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** An audit-trail entry as the API shows it; {@code details} is the stored JSON evidence. */
public record AuditEntryView(long id, Instant occurredAt, AuditEntryType type, String step, String name, String actor,
    String outcome, String reason, @JsonRawValue String details) {

  public static AuditEntryView of(AuditEntry event) {
    return new AuditEntryView(event.getId(), event.getOccurredAt(), event.getType(), event.getStep(), event.getName(),
        event.getActor(), event.getOutcome(), event.getReason(), event.getDetails());
  }
}
