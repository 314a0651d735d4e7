package org.pilotlifecycle.lifecycle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Allowed durations of every phase and stage ({@code pilot.lifecycle.durations.<STEP>}, unless a pilot
 * sets its own at registration) and how often the steering committee is reminded of an overdue one.
 */
@ConfigurationProperties("pilot.lifecycle")
public record LifecycleProperties(Map<String, Duration> durations, Duration overdueReminder) {

  /** Five phases of about seven months in all; the four stages as seed 002 times them. */
  static final Map<String, Duration> DEFAULTS = defaults();

  public LifecycleProperties {
    Map<String, Duration> complete = new LinkedHashMap<>(DEFAULTS);
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
  }

  public static LifecycleProperties defaultsOnly() {
    return new LifecycleProperties(null, null);
  }

  private static Map<String, Duration> defaults() {
    Map<String, Duration> defaults = new LinkedHashMap<>();
    defaults.put("OUTCOME_DEFINITION", Duration.ofDays(21));
    defaults.put("DATA_READINESS", Duration.ofDays(56));
    defaults.put("MLOPS_INFRASTRUCTURE", Duration.ofDays(56));
    defaults.put("GOVERNANCE_AND_RISK_CONTROLS", Duration.ofDays(42));
    defaults.put("OPERATING_MODEL", Duration.ofDays(42));
    defaults.put("PILOT_VALIDATION", Duration.ofDays(56));
    defaults.put("PRODUCTION_ARCHITECTURE", Duration.ofDays(56));
    defaults.put("ORGANIZATIONAL_EMBEDDING", Duration.ofDays(91));
    defaults.put("ENTERPRISE_SCALE", Duration.ofDays(182));
    return Map.copyOf(defaults);
  }
}
