package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.Step;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Service;

/** How long each phase or stage may take for a pilot, and when it is due. */
@Service
public class StepSchedule {

  private final LifecycleProperties properties;
  private final PilotRegistry registry;
  private final Clock clock;

  StepSchedule(LifecycleProperties properties, PilotRegistry registry, Clock clock) {
    this.properties = properties;
    this.registry = registry;
    this.clock = clock;
  }

  public Duration allowed(String pilotKey, Step step) {
    return registry.durationOverride(pilotKey, step.name())
        .orElseGet(() -> properties.allowed(step));
  }

  /** When the step is due if it starts now. */
  public Instant dueIfStartedNow(String pilotKey, Step step) {
    return clock.instant().plus(allowed(pilotKey, step));
  }

  public Duration overdueReminder() {
    return properties.overdueReminder();
  }
}
