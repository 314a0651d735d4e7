package org.pilotlifecycle.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a pilot's audit trail: who did or decided what, when, why, with what evidence. */
@Entity
@Table(name = "pilot_event")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pilot_id", nullable = false, updatable = false)
  private Long pilotId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private AuditEntryType type;

  @Column(updatable = false, length = 64)
  private String step;

  @Column(updatable = false, length = 100)
  private String name;

  @Column(updatable = false, length = 64)
  private String actor;

  @Column(updatable = false, length = 16)
  private String outcome;

  @Column(updatable = false, length = 2000)
  private String reason;

  /** JSON: the evidence or facts behind the entry. */
  @Column(updatable = false, length = 20000)
  private String details;

  /** The hash of the pilot's entry before this one ({@link AuditChain#GENESIS} for the first). */
  @Column(name = "previous_hash", length = 64)
  private String previousHash;

  /** SHA-256 over {@link #previousHash} and this entry's canonical content ({@link AuditChain}). */
  @Column(name = "entry_hash", length = 64)
  private String entryHash;

  protected AuditEntry() {
  }

  AuditEntry(Long pilotId, Instant occurredAt, AuditRecord record, String detailsJson) {
    this.pilotId = pilotId;
    // What the database keeps (timestamp(6)): the hash is over the stored time.
    this.occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    this.type = record.type();
    this.step = record.step();
    this.name = record.name();
    this.actor = record.actor();
    this.outcome = record.outcome();
    this.reason = truncate(record.reason(), 2000);
    this.details = detailsJson;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Long getId() { return id; }
  public Long getPilotId() { return pilotId; }
  public Instant getOccurredAt() { return occurredAt; }
  public AuditEntryType getType() { return type; }
  public String getStep() { return step; }
  public String getName() { return name; }
  public String getActor() { return actor; }
  public String getOutcome() { return outcome; }
  public String getReason() { return reason; }
  public String getDetails() { return details; }
  public String getPreviousHash() { return previousHash; }
  public String getEntryHash() { return entryHash; }

  /** Links the entry into its pilot's chain, once: the hashes are never written again. */
  void chain(String previousHash) {
    if (this.entryHash != null) {
      throw new IllegalStateException("audit entry " + id + " is already chained");
    }
    this.previousHash = previousHash;
    this.entryHash = AuditChain.hash(previousHash, this);
  }
}
