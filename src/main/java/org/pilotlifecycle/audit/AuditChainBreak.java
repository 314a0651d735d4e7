package org.pilotlifecycle.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pilot whose audit chain the last verification found broken, and at which entry. */
@Entity
@Table(name = "audit_chain_break")
class AuditChainBreak {

  @Id
  @Column(name = "pilot_id")
  private Long pilotId;

  @Column(name = "entry_id", nullable = false)
  private Long entryId;

  @Column(nullable = false, length = 200)
  private String problem;

  @Column(name = "detected_at", nullable = false)
  private Instant detectedAt;

  protected AuditChainBreak() {
  }

  AuditChainBreak(Long pilotId, Long entryId, String problem, Instant detectedAt) {
    this.pilotId = pilotId;
    this.entryId = entryId;
    this.problem = problem;
    this.detectedAt = detectedAt;
  }

  Long getPilotId() { return pilotId; }
  Long getEntryId() { return entryId; }
  String getProblem() { return problem; }
  Instant getDetectedAt() { return detectedAt; }
}
