package org.pilotlifecycle.lifecycle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.pilotlifecycle.framework.Step;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Allowed durations of the phases and stages ({@code pilot.lifecycle.durations.<STEP>}: an ISO-8601 duration
 * such as {@code P56D}; a pilot may set its own at registration) and how often the steering committee is
 * reminded of an overdue one ({@code pilot.lifecycle.overdue-reminder}, default {@code P7D}). A step the
 * configuration leaves out keeps its {@link Step#defaultDuration() default}; an unknown step name fails the
 * start-up (Spring's binding of the {@link Step} key), and so does a duration that is not positive.
 */
@ConfigurationProperties("pilot.lifecycle")
public record LifecycleProperties(Map<Step, Duration> durations, Duration overdueReminder) {

  public LifecycleProperties {
    Map<Step, Duration> complete = new EnumMap<>(Step.class);
    for (Step step : Step.values()) {
      complete.put(step, step.defaultDuration());
    }
    if (durations != null) {
      complete.putAll(durations);
    }
    complete.forEach((step, duration) -> {
      if (duration == null || duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException("pilot.lifecycle.durations." + step + " must be positive");
      }
    });
    durations = Map.copyOf(complete);
    overdueReminder = overdueReminder == null ? Duration.ofDays(7) : overdueReminder;
    if (overdueReminder.isZero() || overdueReminder.isNegative()) {
      throw new IllegalArgumentException("pilot.lifecycle.overdue-reminder must be positive");
    }
  }

  public static LifecycleProperties defaultsOnly() {
    return new LifecycleProperties(null, null);
  }

  /** The configured allowed duration of the step. */
  public Duration allowed(Step step) {
    return durations.get(step);
  }
}
