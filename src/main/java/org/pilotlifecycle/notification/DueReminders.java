package org.pilotlifecycle.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.PilotStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a pilot's people before its current phase or stage (and so its gate) falls due: once
 * {@code pilot.notification.reminder-before} (7 days) or less remains, the people of the step's open user tasks
 * and the executive owner get one mail. Only ACTIVE pilots not yet past the due date; a paused, stopped or
 * finished pilot gets none, an overdue one has the overdue escalation instead.
 *
 * <p>Exactly once per pilot, step and due date, also with several nodes on one database: each reminder is a row
 * of {@code due_reminder} with that unique key, inserted in the transaction that queues the mail in the outbox
 * and records the audit entry. A node that loses the race gets the duplicate key and rolls back, sending
 * nothing. A new due date (extended, or resumed after a pause) is a new key, so it is reminded again.
 */
@Service
public class DueReminders {

  private static final Logger LOG = LoggerFactory.getLogger(DueReminders.class);

  /** At most this many pilots a sweep; the next sweep goes on with the rest. */
  static final int BATCH = 500;

  /**
   * Active pilots whose step falls due after now but within the window and that were not reminded of that due
   * date, soonest first: a range of the index ix_pilot_status_step_due, each checked against uk_due_reminder.
   */
  private static final String DUE_SOON = """
      select p.pilot_key, p.current_step, p.step_due_at from pilot p
      where p.status = ? and p.step_due_at > ? and p.step_due_at <= ?
        and not exists (select 1 from due_reminder r
                        where r.pilot_key = p.pilot_key and r.step = p.current_step and r.due_at = p.step_due_at)
      order by p.step_due_at, p.pilot_key
      fetch first %d rows only
      """.formatted(BATCH);

  private static final String REMEMBER = """
      insert into due_reminder (pilot_key, step, due_at, reminded_at) values (?, ?, ?, ?)
      """;

  /** One pilot's step due at a moment. */
  record DueStep(String pilotKey, String step, Instant dueAt) {
  }

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final ReminderProperties properties;
  private final MailProperties mail;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DueReminders(JdbcTemplate jdbc, Notifications notifications, PilotRegistry registry, PilotAuditTrail auditTrail,
      ReminderProperties properties, MailProperties mail, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.properties = properties;
    this.mail = mail;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Reminds every pilot due within the window and not reminded yet (up to {@link #BATCH}), each in its own
   * transaction. Nothing when mail or the reminders are switched off. Returns how many reminders this call queued.
   */
  public int sweep() {
    if (!mail.enabled() || !properties.remindsBefore()) {
      return 0;
    }
    Instant now = clock.instant();
    int queued = 0;
    for (DueStep due : dueSoon(now)) {
      try {
        if (Boolean.TRUE.equals(transactions.execute(status -> remind(due, now, status)))) {
          queued++;
        }
      } catch (DuplicateKeyException e) {
        LOG.debug("Reminder of {} {} due {} was sent by another node", due.pilotKey(), due.step(), due.dueAt());
      } catch (RuntimeException e) {
        LOG.warn("Reminder of {} {} due {} failed, tried again on the next sweep: {}", due.pilotKey(), due.step(),
            due.dueAt(), e.toString());
      }
    }
    if (queued > 0) {
      LOG.info("Queued {} reminders of phases and stages due by {}", queued, now.plus(properties.reminderBefore()));
    }
    return queued;
  }

  List<DueStep> dueSoon(Instant now) {
    return jdbc.query(DUE_SOON, (rs, row) -> new DueStep(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant()),
        PilotStatus.ACTIVE.name(), utc(now), utc(now.plus(properties.reminderBefore())));
  }

  /**
   * The reminder of one pilot's step due date, in the caller's transaction: the row first (a duplicate key when
   * another node or an earlier sweep has it), then, if the pilot is still ACTIVE in that step with that due date
   * and not yet due, the mail and the audit entry. Returns whether a reminder was queued.
   */
  boolean remind(DueStep due, Instant now, TransactionStatus status) {
    jdbc.update(REMEMBER, due.pilotKey(), due.step(), utc(due.dueAt()), utc(now));
    Pilot pilot = registry.get(due.pilotKey());
    if (pilot.getStatus() != PilotStatus.ACTIVE || !due.step().equals(pilot.getCurrentStep())
        || pilot.getStepDueAt() == null || !due.dueAt().equals(pilot.getStepDueAt()) || !due.dueAt().isAfter(now)) {
      status.setRollbackOnly();
      return false;
    }
    TaskPeople told = notifications.dueSoon(pilot, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dueAt", due.dueAt().toString());
    details.put("reminderBefore", properties.reminderBefore().toString());
    details.put("users", told.users());
    if (!told.groups().isEmpty()) {
      details.put("groups", told.groups());
    }
    auditTrail.record(pilot.getKey(), AuditRecord.of(AuditEntryType.DUE_REMINDER, due.step()).details(details));
    return true;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
