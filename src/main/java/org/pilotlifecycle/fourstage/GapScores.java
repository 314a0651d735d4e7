package org.pilotlifecycle.fourstage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;

/** The five dimension scores of a gap assessment, read and checked on the server (whole numbers 0-5). */
public record GapScores(Map<Dimension, Integer> scores) {

  public static GapScores read(VariableScope scope) {
    Map<Dimension, Integer> scores = new EnumMap<>(Dimension.class);
    List<String> bad = new ArrayList<>();
    for (Dimension dimension : Dimension.values()) {
      Integer score = wholeNumber(scope.getVariable(dimension.scoreVariable()));
      if (score == null || score < 0 || score > 5) {
        bad.add(dimension.scoreVariable());
      } else {
        scores.put(dimension, score);
      }
    }
    if (!bad.isEmpty()) {
      String message = "each dimension needs a score, a whole number from 0 to 5";
      throw new InvalidFieldsException("Invalid input", String.join(", ", bad) + ": " + message,
          bad.stream().map(field -> new FieldProblem(field, message)).toList());
    }
    return new GapScores(scores);
  }

  public boolean passes(Dimension dimension, int passScore) {
    return scores.get(dimension) >= passScore;
  }

  public long passing(int passScore) {
    return scores.values().stream().filter(score -> score >= passScore).count();
  }

  public Map<String, Object> asFacts(int passScore) {
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    scores.forEach((dimension, score) -> facts.put(dimension.name(), score));
    facts.put("passScore", passScore);
    facts.put("passing", passing(passScore));
    return facts;
  }

  private static Integer wholeNumber(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
