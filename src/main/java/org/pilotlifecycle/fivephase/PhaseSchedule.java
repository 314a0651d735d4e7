package org.pilotlifecycle.fivephase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.pilotlifecycle.fivephase.FivePhaseProcess.Phase;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Service;

/** How long each phase may take for a pilot, and when it is due. */
@Service
public class PhaseSchedule {

  private final FivePhaseProperties properties;
  private final PilotRegistry registry;
  private final Clock clock;

  PhaseSchedule(FivePhaseProperties properties, PilotRegistry registry, Clock clock) {
    this.properties = properties;
    this.registry = registry;
    this.clock = clock;
  }

  public Duration allowed(String pilotKey, Phase phase) {
    return registry.durationOverride(pilotKey, phase.name()).orElse(properties.durations().get(phase));
  }

  /** When the phase is due if it starts now. */
  public Instant dueIfStartedNow(String pilotKey, Phase phase) {
    return clock.instant().plus(allowed(pilotKey, phase));
  }

  public Duration overdueReminder() {
    return properties.overdueReminder();
  }
}
