package org.pilotlifecycle.framework;

import org.pilotlifecycle.web.Json;

import org.pilotlifecycle.web.FieldProblem;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A pilot's own allowed durations of phases or stages, set at registration as ISO-8601 periods in days
 * or weeks ({@code {"DATA_READINESS": "P10W"}}), kept as whole days.
 */
public final class StepDurations {

  /** The phases of the five-phase and the stages of the four-stage framework, by name. */
  public static final Set<String> STEPS = java.util.Arrays.stream(Step.values()).map(Step::name)
      .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
  static final int MAX_DAYS = 730;


  private StepDurations() {
  }

  public static List<FieldProblem> problemsOf(Map<String, String> durations) {
    List<FieldProblem> problems = new ArrayList<>();
    if (durations == null) {
      return problems;
    }
    durations.forEach((step, value) -> {
      String field = "stepDurations." + step;
      if (!STEPS.contains(step)) {
        problems.add(new FieldProblem(field, "is not a phase or stage; known: " + String.join(", ", STEPS.stream().sorted().toList())));
      } else if (days(value).isEmpty()) {
        problems.add(new FieldProblem(field, "must be an ISO-8601 period of 1 to " + MAX_DAYS + " days, e.g. P56D or P8W"));
      }
    });
    return problems;
  }

  public static Optional<Integer> days(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      Period period = Period.parse(value.strip());
      if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1 || period.getDays() > MAX_DAYS) {
        return Optional.empty();
      }
      return Optional.of(period.getDays());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static String write(Map<String, String> durations) {
    if (durations == null || durations.isEmpty()) {
      return null;
    }
    Map<String, Integer> days = new LinkedHashMap<>();
    durations.forEach((step, value) -> days.put(step, days(value).orElseThrow()));
    try {
      return Json.mapper().writeValueAsString(days);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Optional<Map<String, Integer>> read(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(json, new TypeReference<Map<String, Integer>>() { }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable duration overrides: " + json, e);
    }
  }
}
