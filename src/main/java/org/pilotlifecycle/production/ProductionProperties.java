package org.pilotlifecycle.production;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a pilot in production ({@code pilot.production.*}):
 * <ul>
 *   <li>{@code value-checkpoints}: the benefits-realisation checkpoints, name to ISO-8601 duration after the
 *       production date (default {@code DAY_30: P30D, DAY_90: P90D, DAY_180: P180D}), in order;</li>
 *   <li>{@code recertification-window}: how long before its due date a re-certification opens (default P14D);</li>
 *   <li>{@code overdue-reminder}: how often the steering committee is asked again while a re-certification stays
 *       overdue (default P7D);</li>
 *   <li>{@code signal-handling-time}: how long a monitoring signal may wait for its review before the pilot's
 *       monitoring no longer counts as working in the maturity scorecard (default P7D);</li>
 *   <li>{@code executive-review-cycle}: the monthly executive review's timer cycle (default {@code R/P30D});</li>
 *   <li>{@code targets}: the model and risk KPIs' targets a checkpoint flags a miss against.</li>
 * </ul>
 */
@ConfigurationProperties("pilot.production")
public record ProductionProperties(Map<String, Duration> valueCheckpoints, Duration recertificationWindow,
    Duration overdueReminder, Duration signalHandlingTime, String executiveReviewCycle, Targets targets) {

  /**
   * @param minAccuracyPercent a model accuracy below it misses the target
   * @param maxDriftPercent a drift above it misses
   * @param maxLatencyMs a latency above it misses
   * @param maxIncidents, maxPolicyViolations, maxAuditFindings more than these miss
   */
  public record Targets(Double minAccuracyPercent, Double maxDriftPercent, Double maxLatencyMs, Integer maxIncidents,
      Integer maxPolicyViolations, Integer maxAuditFindings) {

    public Targets {
      minAccuracyPercent = minAccuracyPercent == null ? 80.0 : minAccuracyPercent;
      maxDriftPercent = maxDriftPercent == null ? 10.0 : maxDriftPercent;
      maxLatencyMs = maxLatencyMs == null ? 1000.0 : maxLatencyMs;
      maxIncidents = maxIncidents == null ? 0 : maxIncidents;
      maxPolicyViolations = maxPolicyViolations == null ? 0 : maxPolicyViolations;
      maxAuditFindings = maxAuditFindings == null ? 0 : maxAuditFindings;
    }
  }

  public ProductionProperties {
    if (valueCheckpoints == null || valueCheckpoints.isEmpty()) {
      valueCheckpoints = new LinkedHashMap<>();
      valueCheckpoints.put("DAY_30", Duration.ofDays(30));
      valueCheckpoints.put("DAY_90", Duration.ofDays(90));
      valueCheckpoints.put("DAY_180", Duration.ofDays(180));
    }
    Duration previous = Duration.ZERO;
    for (Map.Entry<String, Duration> checkpoint : valueCheckpoints.entrySet()) {
      if (checkpoint.getValue() == null || checkpoint.getValue().compareTo(previous) <= 0) {
        throw new IllegalArgumentException("pilot.production.value-checkpoints." + checkpoint.getKey()
            + " must be positive and after the checkpoint before it");
      }
      if (!checkpoint.getKey().matches("[A-Z0-9_]{1,16}")) {
        throw new IllegalArgumentException("pilot.production.value-checkpoints: a checkpoint's name is 1-16 of A-Z, 0-9, _");
      }
      previous = checkpoint.getValue();
    }
    valueCheckpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueCheckpoints));
    recertificationWindow = positive(recertificationWindow, Duration.ofDays(14), "recertification-window");
    overdueReminder = positive(overdueReminder, Duration.ofDays(7), "overdue-reminder");
    signalHandlingTime = positive(signalHandlingTime, Duration.ofDays(7), "signal-handling-time");
    executiveReviewCycle = executiveReviewCycle == null || executiveReviewCycle.isBlank() ? "R/P30D" : executiveReviewCycle;
    targets = targets == null ? new Targets(null, null, null, null, null, null) : targets;
  }

  public static ProductionProperties defaults() {
    return new ProductionProperties(null, null, null, null, null, null);
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration duration = value == null ? fallback : value;
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("pilot.production." + name + " must be positive");
    }
    return duration;
  }
}
