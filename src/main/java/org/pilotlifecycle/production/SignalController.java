package org.pilotlifecycle.production;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signal API for MLOps and monitoring tools: {@code POST /api/pilots/{key}/signals}. 201 with the new signal,
 * 200 with the stored one for a repeated idempotency key, 400 naming every bad field, 404 for a pilot the caller
 * does not know, 409 for a pilot that is not in production or paused. Allowed for the machine credential's
 * {@code SCOPE_signals.send} ({@code MachineScope.SIGNALS_SEND}) and for administrators (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/pilots/{key}/signals")
@Tag(name = "Monitoring signals", description = "Signals from MLOps and monitoring tools about pilots in production")
class SignalController {

  /** The authority of a machine credential that may send signals (and do nothing else). */
  static final String SIGNALS_SEND = org.pilotlifecycle.security.MachineScope.SIGNALS_SEND.authority();
  private static final int ATTEMPTS = 10;

  private final MonitoringSignals signals;
  private final PilotRegistry registry;
  private final Viewers viewers;

  SignalController(MonitoringSignals signals, PilotRegistry registry, Viewers viewers) {
    this.signals = signals;
    this.registry = registry;
    this.viewers = viewers;
  }

  @PostMapping
  @Operation(summary = "Send a monitoring signal (DRIFT, INCIDENT, KPI_BREACH) about a pilot in production: it opens "
      + "a review for the pilot's tech lead and executive owner, or joins the one that is open; a repeated "
      + "idempotency key answers the stored signal (200)")
  ResponseEntity<SignalView> send(@PathVariable String key, @RequestBody(required = false) SignalRequest request) {
    MonitoringSignals.check(request);
    Pilot pilot = pilot(key);
    String sender = sender();
    for (int attempt = 1; ; attempt++) {
      try {
        MonitoringSignals.Receipt receipt = signals.receive(pilot, request, sender);
        SignalView view = SignalView.of(receipt.signal());
        return receipt.created()
            ? ResponseEntity.created(URI.create("/api/pilots/" + key + "/signals/" + view.id())).body(view)
            : ResponseEntity.ok(view);
      } catch (DataIntegrityViolationException | OptimisticLockingException concurrent) {
        // The same idempotency key stored meanwhile, or a review opened or its list refreshed meanwhile: try again,
        // the signal is then found, or joins the review.
        if (attempt >= ATTEMPTS) {
          throw new ConcurrentSignals(key, concurrent);
        }
        pause(attempt);
      }
    }
  }

  /** A short, growing and jittered wait before the next attempt, so that concurrent senders do not collide again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Too many signals for one pilot at the same moment: 409, the sender may send the same signal again. */
  static final class ConcurrentSignals extends org.pilotlifecycle.web.ProblemException {
    ConcurrentSignals(String key, Throwable cause) {
      super(org.springframework.http.HttpStatus.CONFLICT, "Concurrent signals", "Signals for pilot " + key
          + " arrived at the same moment and this one could not be stored: send it again with the same idempotency key.",
          cause);
    }
  }

  /** The pilot the caller may send signals for: any pilot for the machine credential, else the pilots they see. */
  private Pilot pilot(String key) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    boolean machine = caller != null && caller.getAuthorities().stream()
        .anyMatch(authority -> SIGNALS_SEND.equals(authority.getAuthority()));
    return machine ? registry.get(key) : registry.get(key, viewers.current());
  }

  private static String sender() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String name = caller == null ? null : caller.getName();
    return name == null ? null : name.length() > 64 ? name.substring(0, 64) : name;
  }
}
