package org.pilotlifecycle.fivephase;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.pilotlifecycle.fivephase.FivePhaseProcess.Phase;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the five-phase framework ({@code pilot.five-phase.*}).
 *
 * @param durations allowed duration of each phase, unless the pilot sets its own at registration
 * @param overdueReminder how often the steering committee is asked again while a phase stays overdue
 * @param productionDataTolerancePercent largest acceptable drop from pilot to production performance, in percent
 * @param costMultiplier the projected production cost must be at least this multiple of the pilot cost, or justified
 * @param repeatabilityImprovementPercent how much faster than the median of earlier pilots a pilot must reach production
 * @param modelMetricTerms words that mark a model metric, refused as a pilot's primary KPI
 */
@ConfigurationProperties("pilot.five-phase")
public record FivePhaseProperties(Map<Phase, Duration> durations, Duration overdueReminder,
    double productionDataTolerancePercent, double costMultiplier, double repeatabilityImprovementPercent,
    List<String> modelMetricTerms) {

  public FivePhaseProperties {
    Map<Phase, Duration> complete = new EnumMap<>(Phase.class);
    complete.put(Phase.OUTCOME_DEFINITION, Duration.ofDays(21));
    complete.put(Phase.DATA_READINESS, Duration.ofDays(56));
    complete.put(Phase.MLOPS_INFRASTRUCTURE, Duration.ofDays(56));
    complete.put(Phase.GOVERNANCE_AND_RISK_CONTROLS, Duration.ofDays(42));
    complete.put(Phase.OPERATING_MODEL, Duration.ofDays(42));
    if (durations != null) {
      complete.putAll(durations);
    }
    complete.forEach((phase, duration) -> {
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException("pilot.five-phase.durations." + phase + " must be positive");
      }
    });
    durations = Map.copyOf(complete);
    overdueReminder = overdueReminder == null ? Duration.ofDays(7) : overdueReminder;
    modelMetricTerms = modelMetricTerms == null || modelMetricTerms.isEmpty() ? DEFAULT_MODEL_METRIC_TERMS
        : List.copyOf(modelMetricTerms);
  }

  static final List<String> DEFAULT_MODEL_METRIC_TERMS = List.of("accuracy", "f1", "f1-score", "auc", "roc",
      "precision", "recall", "rmse", "mae", "mse", "log loss", "logloss", "perplexity", "bleu", "rouge",
      "mape", "r2", "r-squared", "loss", "specificity", "sensitivity");
}
