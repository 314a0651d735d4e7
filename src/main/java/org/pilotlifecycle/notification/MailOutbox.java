package org.pilotlifecycle.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: {@link #enqueue} writes a mail in the caller's transaction (a rolled-back process step
 * sends nothing); {@link #sendDue} sends what is due, each mail in its own transaction, retrying failures
 * with a doubling delay and reporting those given up on; {@link #pruneSent} deletes sent mails past their retention.
 */
@Service
public class MailOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
  static final int BATCH = 50;
  static final int PRUNE_BATCH = 1000;

  private final OutboxRepository outbox;
  private final MailProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MailOutbox(OutboxRepository outbox, MailProperties properties, ObjectProvider<JavaMailSender> mailSender,
      org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock) {
    this.outbox = outbox;
    this.properties = properties;
    this.mailSender = mailSender;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    if (properties.enabled() && mailSender.getIfAvailable() == null) {
      throw new IllegalStateException("pilot.mail.enabled is true but no mail server is configured: set spring.mail.host "
          + "(and spring.mail.port, username, password) or set pilot.mail.enabled to false");
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(Collection<String> recipients, String subject, String body) {
    if (!properties.enabled() || recipients.isEmpty()) {
      return;
    }
    outbox.save(new OutboxMail(String.join(",", recipients.stream().distinct().sorted().toList()), subject, body,
        clock.instant()));
  }

  /** Sends every due mail; returns how many were sent. */
  public int sendDue() {
    if (!properties.enabled()) {
      return 0;
    }
    List<Long> due = transactions.execute(status -> outbox
        .findBySentAtIsNullAndFailedAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(clock.instant(),
            PageRequest.of(0, BATCH))
        .stream().map(OutboxMail::getId).toList());
    int sent = 0;
    for (Long id : due) {
      if (Boolean.TRUE.equals(transactions.execute(status -> send(outbox.findById(id).orElseThrow())))) {
        sent++;
      }
    }
    return sent;
  }

  /**
   * Deletes the mails sent longer than {@code pilot.mail.retention} ago, a chunk per transaction; unsent mails and
   * mails given up on stay. Safe to run on several nodes at once: each deletes what is still there.
   * Returns how many this call deleted.
   */
  public int pruneSent() {
    Instant cutoff = clock.instant().minus(properties.retention());
    int deleted = 0;
    while (true) {
      Integer chunk = transactions.execute(status -> {
        List<Long> ids = outbox.findSentBefore(cutoff, PageRequest.of(0, PRUNE_BATCH));
        return ids.isEmpty() ? -1 : outbox.deleteSentBefore(ids, cutoff);
      });
      if (chunk == null || chunk < 0) {
        break;
      }
      deleted += chunk;
    }
    if (deleted > 0) {
      LOG.info("Deleted {} mails sent before {} from the outbox", deleted, cutoff);
    }
    return deleted;
  }

  private boolean send(OutboxMail mail) {
    Instant now = clock.instant();
    try {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.from());
      message.setTo(mail.getRecipients().split(","));
      message.setSubject(mail.getSubject());
      message.setText(mail.getBody());
      mailSender.getObject().send(message);
      mail.sent(now);
      return true;
    } catch (RuntimeException e) {
      boolean givenUp = mail.getAttempts() + 1 >= properties.maxAttempts();
      Duration wait = properties.retryDelay().multipliedBy(1L << Math.min(mail.getAttempts(), 16));
      mail.failed(e.getMessage(), now.plus(wait), givenUp, now);
      if (givenUp) {
        LOG.error("Mail {} '{}' to {} given up after {} attempts: {}", mail.getId(), mail.getSubject(),
            mail.getRecipients(), mail.getAttempts(), mail.getLastError());
      } else {
        LOG.warn("Mail {} '{}' failed (attempt {}), retrying at {}: {}", mail.getId(), mail.getSubject(),
            mail.getAttempts(), mail.getNextAttemptAt(), mail.getLastError());
      }
      return false;
    }
  }
}
