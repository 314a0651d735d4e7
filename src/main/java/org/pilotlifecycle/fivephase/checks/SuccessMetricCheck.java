package org.pilotlifecycle.fivephase.checks;

import org.pilotlifecycle.framework.CheckResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Phase 1: the success metric must be a quantified business outcome, not a model metric, with a
 * numeric baseline and target that differ.
 */
public class SuccessMetricCheck {

  public static final String NAME = "SUCCESS_METRIC";

  private final List<Pattern> modelMetricTerms;

  public SuccessMetricCheck(List<String> modelMetricTerms) {
    this.modelMetricTerms = modelMetricTerms.stream()
        .map(term -> Pattern.compile("(^|[^a-z0-9])" + Pattern.quote(term.toLowerCase(Locale.ROOT)) + "($|[^a-z0-9])"))
        .toList();
  }

  public record Input(String category, String name, String unit, BigDecimal baseline, BigDecimal target,
      String measurementMethod, BigDecimal annualValue) {
  }

  public CheckResult evaluate(Input input) {
    List<String> reasons = new ArrayList<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty()) {
      reasons.add("The KPI has no name.");
    } else if (isModelMetric(name) || isModelMetric(input.unit())) {
      reasons.add("'" + name + "' is a model metric; the primary KPI must be a business outcome "
          + "(e.g. claims processing time, cost per case), not accuracy, F1, AUC, precision or recall.");
    }
    if (input.category() == null || input.category().isBlank()) {
      reasons.add("The KPI has no category (Revenue, Cost, Productivity, Risk or Adoption).");
    }
    if (input.baseline() == null) {
      reasons.add("The baseline is not a number: measure the current process first.");
    }
    if (input.target() == null) {
      reasons.add("The target is not a number.");
    }
    if (input.baseline() != null && input.target() != null && input.baseline().compareTo(input.target()) == 0) {
      reasons.add("The target equals the baseline: the pilot would change nothing.");
    }
    if (input.measurementMethod() == null || input.measurementMethod().isBlank()) {
      reasons.add("The measurement method is missing.");
    }
    if (input.annualValue() == null || input.annualValue().signum() <= 0) {
      reasons.add("The annual value must be a positive amount.");
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("kpiName", name);
    facts.put("baseline", input.baseline());
    facts.put("target", input.target());
    facts.put("annualValue", input.annualValue());
    return CheckResult.of(NAME, "'" + name + "' is a quantified business outcome: from " + input.baseline()
        + " to " + input.target() + " " + (input.unit() == null ? "" : input.unit()).strip() + ".", reasons, facts);
  }

  private boolean isModelMetric(String text) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return modelMetricTerms.stream().anyMatch(term -> term.matcher(lower).find());
  }
}
