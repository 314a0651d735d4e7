package org.pilotlifecycle.production;

import java.time.Instant;

/** A monitoring signal as the signal API answers it. */
public record SignalView(Long id, String pilotKey, String type, String severity, String source, String description,
    String idempotencyKey, Instant receivedAt, String status, String outcome, Instant handledAt) {

  static SignalView of(MonitoringSignal signal) {
    return new SignalView(signal.getId(), signal.getPilotKey(), signal.getType().name(), signal.getSeverity().name(),
        signal.getSource(), signal.getDescription(), signal.getIdempotencyKey(), signal.getReceivedAt(),
        signal.getStatus().name(), signal.getOutcome(), signal.getHandledAt());
  }
}
