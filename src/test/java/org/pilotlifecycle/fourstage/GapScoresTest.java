package org.pilotlifecycle.fourstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;

class GapScoresTest {

  private static VariableScope scope(Object data, Object integration, Object governance, Object change,
      Object monitoring) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dataScore", data);
    variables.put("integrationScore", integration);
    variables.put("governanceScore", governance);
    variables.put("changeReadinessScore", change);
    variables.put("monitoringScore", monitoring);
    VariableScope scope = mock(VariableScope.class);
    variables.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
    return scope;
  }

  @Test
  void scoresAreReadFromNumbersAndText() {
    GapScores scores = GapScores.read(scope(5, 4L, "3", " 2 ", 0.0));
    assertThat(scores.scores()).containsEntry(Dimension.DATA, 5).containsEntry(Dimension.INTEGRATION, 4)
        .containsEntry(Dimension.GOVERNANCE, 3).containsEntry(Dimension.CHANGE_READINESS, 2)
        .containsEntry(Dimension.MONITORING, 0);
  }

  @Test
  void aDimensionPassesAtThePassScoreOrMore() {
    GapScores scores = GapScores.read(scope(5, 4, 3, 2, 0));
    assertThat(scores.passes(Dimension.GOVERNANCE, 3)).isTrue();
    assertThat(scores.passes(Dimension.CHANGE_READINESS, 3)).isFalse();
    assertThat(scores.passing(3)).isEqualTo(3);
    assertThat(scores.passing(0)).isEqualTo(5);
    assertThat(scores.passing(6)).isZero();
  }

  @Test
  void theFactsListEveryScoreThePassScoreAndHowManyPass() {
    Map<String, Object> facts = GapScores.read(scope(5, 4, 3, 2, 0)).asFacts(3);
    assertThat(facts.keySet()).containsExactly("DATA", "INTEGRATION", "GOVERNANCE", "CHANGE_READINESS", "MONITORING",
        "passScore", "passing");
    assertThat(facts).containsEntry("DATA", 5).containsEntry("passScore", 3).containsEntry("passing", 3L);
  }

  @Test
  void everyBadScoreIsListed() {
    assertThatThrownBy(() -> GapScores.read(scope(null, 6, -1, "2.5", "many")))
        .isInstanceOfSatisfying(InvalidFieldsException.class, e -> {
          assertThat(e.getProblems()).extracting(FieldProblem::field).containsExactly("dataScore", "integrationScore",
              "governanceScore", "changeReadinessScore", "monitoringScore");
          assertThat(e.getProblems()).extracting(FieldProblem::message)
              .containsOnly("each dimension needs a score, a whole number from 0 to 5");
          assertThat(e.getMessage()).startsWith("dataScore, integrationScore, governanceScore, changeReadinessScore, "
              + "monitoringScore: ");
          assertThat(e.getField()).isEqualTo("dataScore");
        });
  }

  @Test
  void onlyTheBadScoresAreListed() {
    assertThatThrownBy(() -> GapScores.read(scope(3, 3, " ", 3, 3.5)))
        .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.getProblems())
            .extracting(FieldProblem::field).containsExactly("governanceScore", "monitoringScore"));
  }

  @Test
  void aWholeNumberWrittenWithDecimalsIsAWholeNumber() {
    assertThat(GapScores.read(scope("3.0", 3.0, 3, 3, 3)).passing(3)).isEqualTo(5);
  }

  @Test
  void aNumberOutOfRangeOrNotFiniteIsRefused() {
    assertThatThrownBy(() -> GapScores.read(scope(Double.NaN, Double.POSITIVE_INFINITY, "1e400", "-Infinity",
        4_294_967_299L)))
        .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.getProblems())
            .extracting(FieldProblem::field).containsExactly("dataScore", "integrationScore", "governanceScore",
                "changeReadinessScore", "monitoringScore"));
  }
}
