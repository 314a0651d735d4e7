package org.pilotlifecycle.fivephase.checks;

import org.pilotlifecycle.framework.CheckResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 2: every data dimension at or above the minimum level the pilot's risk tier demands
 * (decision DataReadinessMinimumLevel); records the weakest dimension.
 */
public class DataReadinessCheck {

  public static final String NAME = "DATA_READINESS";

  /** @param levels maturity level 0-4 by dimension, in the form's order */
  public record Input(Map<String, Integer> levels, int minimumLevel) {
  }

  public CheckResult evaluate(Input input) {
    List<String> reasons = new ArrayList<>();
    String weakest = null;
    int weakestLevel = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> dimension : input.levels().entrySet()) {
      Integer level = dimension.getValue();
      if (level == null || level < 0 || level > 4) {
        reasons.add(label(dimension.getKey()) + " has no level from 0 to 4.");
        continue;
      }
      if (level < weakestLevel) {
        weakestLevel = level;
        weakest = dimension.getKey();
      }
      if (level < input.minimumLevel()) {
        reasons.add(label(dimension.getKey()) + " is at Level " + level + ", below the required Level "
            + input.minimumLevel() + ".");
      }
    }
    Map<String, Object> facts = new LinkedHashMap<>(input.levels());
    facts.put("minimumLevel", input.minimumLevel());
    facts.put("weakestDimension", weakest == null ? null : label(weakest));
    facts.put("weakestLevel", weakest == null ? null : weakestLevel);
    return CheckResult.of(NAME, "Every dimension is at Level " + input.minimumLevel() + " or above; the weakest is "
        + (weakest == null ? "-" : label(weakest) + " at Level " + weakestLevel) + ".", reasons, facts);
  }

  /** dataLatencyLevel -> Latency */
  static String label(String variable) {
    String core = variable.replaceFirst("^data", "").replaceFirst("Level$", "");
    return core.isEmpty() ? variable : core;
  }
}
