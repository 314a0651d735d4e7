package org.pilotlifecycle.production;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
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
 * does not know, 409 for a pilot that is not in production or paused (or signals of the pilot arriving at the same
 * moment beyond {@code MonitoringSignals.ATTEMPTS} tries), 422 for an idempotency key sent again with another
 * signal. Allowed for the machine credential's
 * {@code SCOPE_signals.send} ({@code MachineScope.SIGNALS_SEND}) and for administrators (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/pilots/{key}/signals")
@Tag(name = "Monitoring signals", description = "Signals from MLOps and monitoring tools about pilots in production")
class SignalController {

  /** The authority of a machine credential that may send signals (and do nothing else). */
  static final String SIGNALS_SEND = org.pilotlifecycle.security.MachineScope.SIGNALS_SEND.authority();

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
      + "idempotency key answers the stored signal (200); the same key with another signal is refused (422)")
  ResponseEntity<SignalView> send(@PathVariable String key, @RequestBody(required = false) SignalRequest request) {
    MonitoringSignals.check(request);
    Pilot pilot = pilot(key);
    String sender = sender();
    MonitoringSignals.Receipt receipt = signals.receive(pilot, request, sender);
    SignalView view = SignalView.of(receipt.signal());
    return receipt.created()
        ? ResponseEntity.created(URI.create("/api/pilots/" + key + "/signals/" + view.id())).body(view)
        : ResponseEntity.ok(view);
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
