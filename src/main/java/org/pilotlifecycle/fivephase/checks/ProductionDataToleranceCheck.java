package org.pilotlifecycle.fivephase.checks;

import org.pilotlifecycle.framework.CheckResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 2 exit gate: the model performs within tolerance on real production data, not only on curated
 * samples. The drop from pilot to production performance, relative to the pilot, must not exceed the
 * tolerance.
 */
public class ProductionDataToleranceCheck {

  public static final String NAME = "PRODUCTION_DATA_TOLERANCE";

  private final double tolerancePercent;

  public ProductionDataToleranceCheck(double tolerancePercent) {
    this.tolerancePercent = tolerancePercent;
  }

  public record Input(String metric, Double pilotPerformance, Double productionPerformance) {
  }

  public CheckResult evaluate(Input input) {
    List<String> reasons = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("metric", input.metric());
    facts.put("pilotPerformance", input.pilotPerformance());
    facts.put("productionPerformance", input.productionPerformance());
    facts.put("tolerancePercent", tolerancePercent);
    if (input.pilotPerformance() == null || input.productionPerformance() == null) {
      reasons.add("Both the pilot's and the production performance must be measured.");
      return CheckResult.of(NAME, "", reasons, facts);
    }
    if (input.pilotPerformance() <= 0) {
      reasons.add("The pilot performance must be a positive number.");
      return CheckResult.of(NAME, "", reasons, facts);
    }
    double dropPercent = (input.pilotPerformance() - input.productionPerformance()) / input.pilotPerformance() * 100;
    double rounded = Math.round(dropPercent * 100) / 100.0;
    facts.put("dropPercent", rounded);
    if (dropPercent > tolerancePercent) {
      reasons.add("On production data " + input.metric() + " drops " + rounded + "% below the pilot ("
          + input.pilotPerformance() + " to " + input.productionPerformance() + "), more than the tolerated "
          + tolerancePercent + "%.");
    }
    return CheckResult.of(NAME, "On production data " + input.metric() + " is within " + tolerancePercent
        + "% of the pilot (drop " + Math.max(rounded, 0) + "%).", reasons, facts);
  }
}
