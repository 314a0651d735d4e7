package org.pilotlifecycle.fivephase.checks;

import org.pilotlifecycle.framework.CheckResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 5 exit gate: a use case moves from pilot to production with the framework in materially less
 * time than before. Passes when this pilot's time so far is at least the required improvement below
 * the median time to production of the organisation's earlier pilots; the first pilot sets the baseline.
 */
public class RepeatabilityCheck {

  public static final String NAME = "REPEATABILITY";

  private final double improvementPercent;

  public RepeatabilityCheck(double improvementPercent) {
    this.improvementPercent = improvementPercent;
  }

  public record Input(Duration timeSoFar, List<Duration> earlierTimesToProduction) {
  }

  public CheckResult evaluate(Input input) {
    Map<String, Object> facts = new LinkedHashMap<>();
    double days = days(input.timeSoFar());
    facts.put("timeToProductionDays", days);
    facts.put("earlierPilots", input.earlierTimesToProduction().size());
    if (input.earlierTimesToProduction().isEmpty()) {
      facts.put("baseline", true);
      return CheckResult.of(NAME, "First pilot to reach production with the framework: its " + days
          + " days become the baseline for the next ones.", List.of(), facts);
    }
    double median = median(input.earlierTimesToProduction());
    double allowed = Math.round(median * (1 - improvementPercent / 100) * 10) / 10.0;
    facts.put("baseline", false);
    facts.put("medianEarlierDays", median);
    facts.put("allowedDays", allowed);
    List<String> reasons = new ArrayList<>();
    if (days > allowed) {
      reasons.add("This pilot has taken " + days + " days; the median of " + input.earlierTimesToProduction().size()
          + " earlier pilot(s) is " + median + " days, so the framework has not yet made it at least "
          + improvementPercent + "% faster (at most " + allowed + " days).");
    }
    return CheckResult.of(NAME, days + " days against a median of " + median + " days for "
        + input.earlierTimesToProduction().size() + " earlier pilot(s): at least " + improvementPercent
        + "% faster.", reasons, facts);
  }

  static double median(List<Duration> durations) {
    List<Double> days = durations.stream().map(RepeatabilityCheck::days).sorted().toList();
    int middle = days.size() / 2;
    double median = days.size() % 2 == 1 ? days.get(middle) : (days.get(middle - 1) + days.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  static double days(Duration duration) {
    return Math.round(duration.toMinutes() / 144.0) / 10.0;
  }
}
