package org.pilotlifecycle.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a readiness check.
 *
 * @param check the check's name, e.g. SUCCESS_METRIC
 * @param reasons why it failed (empty when it passed)
 * @param summary one sentence for people: what was found
 * @param facts the measured values behind it
 */
public record CheckResult(String check, boolean passed, String summary, List<String> reasons, Map<String, Object> facts) {

  public CheckResult {
    reasons = List.copyOf(reasons);
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  public static CheckResult of(String check, String passedSummary, List<String> reasons, Map<String, Object> facts) {
    boolean passed = reasons.isEmpty();
    return new CheckResult(check, passed, passed ? passedSummary : String.join(" ", reasons), reasons, facts);
  }
}
