package org.pilotlifecycle.people;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named person's deputy for a period: from {@code startsOn} to {@code endsOn}, whole days in the
 * organisation's time zone, both included. Within it the deputy holds the person's open and new tasks too.
 */
@Entity
@Table(name = "deputy")
public class Deputy {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64, updatable = false)
  private String principal;

  @Column(nullable = false, length = 64, updatable = false)
  private String deputy;

  @Column(name = "starts_on", nullable = false, updatable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  private LocalDate endsOn;

  @Column(length = 500, updatable = false)
  private String reason;

  @Column(name = "created_by", nullable = false, length = 64, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Deputy() {
  }

  Deputy(String principal, String deputy, LocalDate startsOn, LocalDate endsOn, String reason, String createdBy,
      Instant createdAt) {
    this.principal = principal;
    this.deputy = deputy;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.reason = reason;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** Whether the period includes the day. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /** Ends the period the day before {@code day} (withdrawn early); a period not yet begun is deleted instead. */
  void endBefore(LocalDate day) {
    this.endsOn = day.minusDays(1);
  }

  public Long getId() { return id; }
  public String getPrincipal() { return principal; }
  public String getDeputy() { return deputy; }
  public LocalDate getStartsOn() { return startsOn; }
  public LocalDate getEndsOn() { return endsOn; }
  public String getReason() { return reason; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
}
