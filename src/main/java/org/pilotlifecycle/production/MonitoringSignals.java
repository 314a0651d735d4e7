package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.*;
import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotStateException;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.web.ProblemException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring signals of pilots in production: received through the signal API, stored once per idempotency key,
 * and routed to the pilot's production operations: a signal opens a review when the pilot waits for one
 * ({@code MonitoringSignalReceived}), and otherwise joins the review that is open (its list is refreshed), so a
 * burst opens one review.
 */
@Service
public class MonitoringSignals {

  static final int MAX_SOURCE = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_IDEMPOTENCY_KEY = 100;
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:\\-]+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  /** The outcome of a receipt: the signal, and whether it was new (201) or a repeated idempotency key (200). */
  public record Receipt(MonitoringSignal signal, boolean created) {
  }

  /** Attempts at storing one signal while other signals of the same pilot arrive at the same moment. */
  static final int ATTEMPTS = 10;

  private final MonitoringSignalRepository signals;
  private final PilotAuditTrail auditTrail;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;
  private final TransactionTemplate transactions;

  /**
   * Concurrent senders for one pilot: the same idempotency key stored meanwhile (a unique key), or a review opened
   * or its list refreshed meanwhile (the engine's optimistic locking). Each attempt is a transaction of its own
   * and finds the stored signal or joins the review; the waits grow and are jittered so senders do not collide
   * again (Spring Retry).
   */
  private final RetryTemplate concurrentSenders = RetryTemplate.builder().maxAttempts(ATTEMPTS)
      .exponentialBackoff(5, 2, 200, true)
      .retryOn(List.of(DataIntegrityViolationException.class, OptimisticLockingException.class)).traversingCauses()
      .build();

  MonitoringSignals(MonitoringSignalRepository signals, PilotAuditTrail auditTrail, RuntimeService runtimeService,
      IdentityService identityService, Clock clock, PlatformTransactionManager transactionManager) {
    this.signals = signals;
    this.auditTrail = auditTrail;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Stores the signal for the pilot (the caller has checked that it exists and may be seen) and routes it, in a
   * transaction of its own, tried again while other signals of the pilot arrive at the same moment.
   *
   * @return the stored signal, new (created) or the one stored earlier under the same idempotency key
   * @throws InvalidFieldsException naming every bad field (400)
   * @throws IdempotencyKeyReused when the key was used for a signal with other content (422)
   * @throws PilotStateException when the pilot is not in production or paused (409)
   * @throws ConcurrentSignals when {@value #ATTEMPTS} attempts met concurrent signals of the pilot (409; send it again)
   */
  public Receipt receive(Pilot pilot, SignalRequest request, String sender) {
    Checked checked = check(request);
    try {
      return concurrentSenders.execute(attempt -> transactions.execute(status -> receiveOnce(pilot, checked, sender)));
    } catch (DataIntegrityViolationException | OptimisticLockingException concurrent) {
      throw new ConcurrentSignals(pilot.getKey(), concurrent);
    }
  }

  private Receipt receiveOnce(Pilot pilot, Checked checked, String sender) {
    Optional<MonitoringSignal> known = signals.findByPilotKeyAndIdempotencyKey(pilot.getKey(), checked.idempotencyKey());
    if (known.isPresent()) {
      if (!checked.sameAs(known.get())) {
        throw new IdempotencyKeyReused(pilot.getKey(), known.get());
      }
      return new Receipt(known.get(), false);
    }
    if (!pilot.inOperation()) {
      throw new PilotStateException(pilot.getKey(), pilot.getStatus(), pilot.getCurrentStep(),
          "receive monitoring signals: only a pilot in production or paused does");
    }
    MonitoringSignal signal = signals.saveAndFlush(new MonitoringSignal(pilot.getKey(), checked.idempotencyKey(),
        checked.type(), checked.severity(), checked.source(), checked.description(), sender, clock.instant()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("signalId", signal.getId());
    details.put("source", signal.getSource());
    details.put("description", signal.getDescription());
    details.put("idempotencyKey", signal.getIdempotencyKey());
    auditTrail.record(pilot.getKey(), AuditRecord.of(AuditEntryType.SIGNAL_RECEIVED, pilot.getCurrentStep())
        .name(signal.getType().name()).outcome(signal.getSeverity().name()).actor(sender).details(details));
    route(pilot.getKey());
    return new Receipt(signal, true);
  }

  /** Opens a review when the pilot waits for a signal; otherwise refreshes the open review's list. */
  private void route(String pilotKey) {
    SystemQueries.asSystem(identityService, () -> {
      boolean opened = !runtimeService.createMessageCorrelation(MESSAGE_MONITORING_SIGNAL_RECEIVED)
          .processInstanceBusinessKey(pilotKey).setVariables(listVariables(pilotKey)).correlateAllWithResult().isEmpty();
      if (!opened) {
        ProcessInstance operations = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(pilotKey).singleResult();
        if (operations != null) {
          // Read now: the review that this signal joins was opened by a transaction that has committed, and a
          // concurrent join updating the same list fails on its version and is tried again with this one's signal.
          runtimeService.setVariables(operations.getId(), listVariables(pilotKey));
        }
      }
      return null;
    });
  }

  /** The open signals of the pilot as the review forms show them ({@code openSignalCount}, {@code openSignalsSummary}). */
  @Transactional(readOnly = true)
  public Map<String, Object> listVariables(String pilotKey) {
    List<MonitoringSignal> open = open(pilotKey);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(OPEN_SIGNAL_COUNT, open.size());
    variables.put(OPEN_SIGNALS_SUMMARY, open.isEmpty() ? "No open signals."
        : String.join("\n", open.stream().map(signal -> "- " + signal.line()).toList()));
    return variables;
  }

  @Transactional(readOnly = true)
  public List<MonitoringSignal> open(String pilotKey) {
    return signals.findByPilotKeyAndStatusOrderByReceivedAtAscIdAsc(pilotKey, MonitoringSignal.Status.OPEN);
  }

  /** Every open signal of the pilot is handled with the review's outcome; @return their ids */
  @Transactional
  public List<Long> handleOpen(String pilotKey, String outcome) {
    List<Long> ids = new ArrayList<>();
    for (MonitoringSignal signal : open(pilotKey)) {
      signal.handle(outcome, clock.instant());
      ids.add(signal.getId());
    }
    return ids;
  }

  @Transactional(readOnly = true)
  public Optional<MonitoringSignal> find(String pilotKey, String idempotencyKey) {
    return idempotencyKey == null ? Optional.empty()
        : signals.findByPilotKeyAndIdempotencyKey(pilotKey, idempotencyKey.strip());
  }

  private record Checked(MonitoringSignal.Type type, MonitoringSignal.Severity severity, String source,
      String description, String idempotencyKey) {

    /** Whether the stored signal says the same: type, severity, source and description. */
    boolean sameAs(MonitoringSignal stored) {
      return type == stored.getType() && severity == stored.getSeverity() && source.equals(stored.getSource())
          && description.equals(stored.getDescription());
    }
  }

  /**
   * An idempotency key sent again with another signal (422): a sender's bug that would otherwise lose the second
   * signal silently. As the IETF's Idempotency-Key draft has it: the same key is the same request.
   */
  public static final class IdempotencyKeyReused extends ProblemException {
    IdempotencyKeyReused(String pilotKey, MonitoringSignal stored) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused", "The idempotency key " + stored.getIdempotencyKey()
          + " of pilot " + pilotKey + " was used for another signal (" + stored.getType() + ", " + stored.getSeverity()
          + ", received " + stored.getReceivedAt() + "): a new signal needs a new key.", null);
    }
  }

  /** Too many signals for one pilot at the same moment (409): the sender may send the same signal again. */
  public static final class ConcurrentSignals extends ProblemException {
    ConcurrentSignals(String key, Throwable cause) {
      super(HttpStatus.CONFLICT, "Concurrent signals", "Signals for pilot " + key
          + " arrived at the same moment and this one could not be stored: send it again with the same idempotency key.",
          cause);
    }
  }

  /** Every bad field at once, sorted by field. */
  static Checked check(SignalRequest request) {
    if (request == null) {
      throw InvalidFieldsException.of("body", "a signal is required: type, severity, source, description, idempotencyKey");
    }
    List<FieldProblem> problems = new ArrayList<>();
    MonitoringSignal.Type type = choice(MonitoringSignal.Type.class, "type", request.type(), problems);
    MonitoringSignal.Severity severity = choice(MonitoringSignal.Severity.class, "severity", request.severity(), problems);
    String source = text("source", request.source(), MAX_SOURCE, problems);
    String description = text("description", request.description(), MAX_DESCRIPTION, problems);
    String idempotencyKey = text("idempotencyKey", request.idempotencyKey(), MAX_IDEMPOTENCY_KEY, problems);
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      problems.add(new FieldProblem("idempotencyKey", "only letters, digits and . _ : -"));
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(FieldProblem::field));
      throw new InvalidFieldsException("Invalid signal", "The signal is invalid: " + String.join("; ",
          problems.stream().map(p -> p.field() + " " + p.message()).toList()), problems);
    }
    return new Checked(type, severity, source, description, idempotencyKey);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<FieldProblem> problems) {
    String text = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(text)) {
        return candidate;
      }
    }
    problems.add(new FieldProblem(field, "choose one of " + String.join(", ",
        java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
    return null;
  }

  private static String text(String field, String value, int max, List<FieldProblem> problems) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    if (text.length() > max) {
      problems.add(new FieldProblem(field, "at most " + max + " characters"));
      return null;
    }
    if (CONTROL.matcher(text).find()) {
      problems.add(new FieldProblem(field, "must not contain control characters"));
      return null;
    }
    return text;
  }
}
