package org.pilotlifecycle.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notification waiting to be sent, or sent, or given up on. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 4000)
  private String recipients;

  @Column(nullable = false, length = 300)
  private String subject;

  @Column(nullable = false, length = 10000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  @Column(name = "last_error", length = 2000)
  private String lastError;

  protected OutboxMail() {
  }

  OutboxMail(String recipients, String subject, String body, Instant now) {
    this.recipients = recipients;
    this.subject = subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
    this.body = body.length() > 10000 ? body.substring(0, 9999) + "…" : body;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  void sent(Instant now) {
    this.attempts++;
    this.sentAt = now;
    this.lastError = null;
  }

  void failed(String error, Instant retryAt, boolean givenUp, Instant now) {
    this.attempts++;
    this.lastError = error == null ? "unknown" : (error.length() > 2000 ? error.substring(0, 1999) : error);
    this.nextAttemptAt = retryAt;
    if (givenUp) {
      this.failedAt = now;
    }
  }

  public Long getId() { return id; }
  public String getRecipients() { return recipients; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public int getAttempts() { return attempts; }
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public Instant getSentAt() { return sentAt; }
  public Instant getFailedAt() { return failedAt; }
  public String getLastError() { return lastError; }
}
