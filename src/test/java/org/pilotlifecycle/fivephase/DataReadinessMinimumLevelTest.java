package org.pilotlifecycle.fivephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per rule of bpmn/DataReadinessMinimumLevel.dmn. */
class DataReadinessMinimumLevelTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = DataReadinessMinimumLevelTest.class.getResourceAsStream("/bpmn/DataReadinessMinimumLevel.dmn")) {
      decision = engine.parseDecision(FivePhaseProcess.DATA_READINESS_DECISION_ID, dmn);
    }
  }

  @ParameterizedTest(name = "risk tier {0} needs Level {1}")
  @CsvSource({"HIGH, 3", "MEDIUM, 2", "LOW, 2"})
  void theMinimumLevelFollowsTheRiskTier(String riskTier, int minimumLevel) {
    var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("riskTier", riskTier));
    assertThat(result).hasSize(1);
    assertThat(((Number) result.getSingleEntry()).intValue()).isEqualTo(minimumLevel);
  }
}
