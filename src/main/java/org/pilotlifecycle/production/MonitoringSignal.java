package org.pilotlifecycle.production;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A signal an MLOps or monitoring tool sent about a pilot in production: OPEN until a signal review decides on it
 * (HANDLED, with the review's outcome). One per pilot and idempotency key.
 */
@Entity
@Table(name = "monitoring_signal")
public class MonitoringSignal {

  public enum Type { DRIFT, INCIDENT, KPI_BREACH }

  public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

  public enum Status { OPEN, HANDLED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pilot_key", nullable = false, length = 32, updatable = false)
  private String pilotKey;

  @Column(name = "idempotency_key", nullable = false, length = 100, updatable = false)
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Type type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Severity severity;

  @Column(nullable = false, length = 200)
  private String source;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_by", length = 64)
  private String receivedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "handled_at")
  private Instant handledAt;

  @Column(length = 16)
  private String outcome;

  protected MonitoringSignal() {
  }

  MonitoringSignal(String pilotKey, String idempotencyKey, Type type, Severity severity, String source,
      String description, String receivedBy, Instant receivedAt) {
    this.pilotKey = pilotKey;
    this.idempotencyKey = idempotencyKey;
    this.type = type;
    this.severity = severity;
    this.source = source;
    this.description = description;
    this.receivedBy = receivedBy;
    this.receivedAt = receivedAt;
    this.status = Status.OPEN;
  }

  /** A review decided on it. */
  void handle(String outcome, Instant now) {
    this.status = Status.HANDLED;
    this.outcome = outcome;
    this.handledAt = now;
  }

  /** e.g. "#12 DRIFT (HIGH) from evidently: accuracy dropped 6 points" */
  String line() {
    return "#" + id + " " + type + " (" + severity + ") from " + source + ": " + description;
  }

  public Long getId() { return id; }
  public String getPilotKey() { return pilotKey; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public Type getType() { return type; }
  public Severity getSeverity() { return severity; }
  public String getSource() { return source; }
  public String getDescription() { return description; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getReceivedBy() { return receivedBy; }
  public Status getStatus() { return status; }
  public Instant getHandledAt() { return handledAt; }
  public String getOutcome() { return outcome; }
}
