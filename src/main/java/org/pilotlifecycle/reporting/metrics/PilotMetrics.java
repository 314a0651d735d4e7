package org.pilotlifecycle.reporting.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RuntimeService;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.StepCount;
import org.pilotlifecycle.reporting.stuck.StuckPilots;
import org.pilotlifecycle.reporting.stuck.StuckReason;
import org.springframework.stereotype.Component;

/**
 * The portfolio as metrics ({@code /actuator/prometheus}, administrators only): pilots per framework,
 * phase or stage and status; stuck pilots by reason; open incidents. Gate decisions are counted where
 * they are recorded. Each scrape reads at most one grouped query per figure, cached for a few seconds.
 */
@Component
class PilotMetrics implements MeterBinder {

  static final Duration CACHE = Duration.ofSeconds(5);

  private final PilotRegistry registry;
  private final StuckPilots stuckPilots;
  private final RuntimeService runtimeService;
  private final Cached<Map<String, Long>> pilotsPerStep;
  private final Cached<Map<StuckReason, Long>> stuckByReason;

  PilotMetrics(PilotRegistry registry, StuckPilots stuckPilots, RuntimeService runtimeService) {
    this.registry = registry;
    this.stuckPilots = stuckPilots;
    this.runtimeService = runtimeService;
    this.pilotsPerStep = new Cached<>(() -> registry.countByStep().stream()
        .collect(Collectors.toMap(count -> key(count.framework(), count.step(), count.status()), StepCount::pilots)));
    this.stuckByReason = new Cached<>(stuckPilots::countByReason);
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    for (Framework framework : Framework.values()) {
      for (String step : stepsOf(framework)) {
        for (PilotStatus status : PilotStatus.values()) {
          Gauge.builder("pilot.pilots", pilotsPerStep, cached -> cached.get().getOrDefault(key(framework, step, status), 0L))
              .description("Pilots per framework, phase or stage, and status")
              .tags("framework", framework.name(), "step", step, "status", status.name())
              .register(meters);
        }
      }
    }
    for (StuckReason reason : StuckReason.values()) {
      Gauge.builder("pilot.stuck", stuckByReason, cached -> cached.get().getOrDefault(reason, 0L))
          .description("Stuck pilots by reason").tag("reason", reason.name()).register(meters);
    }
    Gauge.builder("pilot.incidents.open", runtimeService, service -> service.createIncidentQuery().count())
        .description("Open incidents of the engine (failed checks and the like)").register(meters);
  }

  private List<String> stepsOf(Framework framework) {
    List<String> names = new java.util.ArrayList<>();
    names.add(Pilot.INTAKE);
    Step.of(framework).stream()
        .map(Step::name)
        .forEach(names::add);
    names.add(Pilot.IN_PRODUCTION);
    return names;
  }

  private static String key(Framework framework, String step, PilotStatus status) {
    return framework + "/" + step + "/" + status;
  }

  /** A figure read at most once per {@link #CACHE}, by wall-clock time (not the engine's movable clock). */
  static final class Cached<T> {
    private final Supplier<T> source;
    private final AtomicReference<T> value = new AtomicReference<>();
    private volatile long readAt;

    Cached(Supplier<T> source) {
      this.source = source;
    }

    T get() {
      long now = System.nanoTime();
      if (value.get() == null || now - readAt > CACHE.toNanos()) {
        value.set(source.get());
        readAt = now;
      }
      return value.get();
    }
  }
}
