package org.pilotlifecycle.fivephase;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the five-phase readiness checks ({@code pilot.five-phase.*}); durations are under
 * {@code pilot.lifecycle}.
 *
 * @param productionDataTolerancePercent largest acceptable drop from pilot to production performance, in percent
 * @param costMultiplier the projected production cost must be at least this multiple of the pilot cost, or justified
 * @param repeatabilityImprovementPercent how much faster than the median of earlier pilots a pilot must reach production
 * @param modelMetricTerms words that mark a model metric, refused as a pilot's primary KPI
 */
@ConfigurationProperties("pilot.five-phase")
public record FivePhaseProperties(double productionDataTolerancePercent, double costMultiplier, double repeatabilityImprovementPercent,
    List<String> modelMetricTerms) {

  public FivePhaseProperties {
    modelMetricTerms = modelMetricTerms == null || modelMetricTerms.isEmpty() ? DEFAULT_MODEL_METRIC_TERMS
        : List.copyOf(modelMetricTerms);
  }

  static final List<String> DEFAULT_MODEL_METRIC_TERMS = List.of("accuracy", "f1", "f1-score", "auc", "roc",
      "precision", "recall", "rmse", "mae", "mse", "log loss", "logloss", "perplexity", "bleu", "rouge",
      "mape", "r2", "r-squared", "loss", "specificity", "sensitivity");
}
