package org.pilotlifecycle.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule of bpmn/RecertificationInterval.dmn. */
class RecertificationIntervalTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = RecertificationIntervalTest.class.getResourceAsStream("/bpmn/RecertificationInterval.dmn")) {
      decision = engine.parseDecision(ProductionOperationsProcess.RECERTIFICATION_DECISION_ID, dmn);
    }
  }

  private String intervalFor(String riskTier) {
    var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("riskTier", riskTier));
    assertThat(result).as("one rule matches " + riskTier).hasSize(1);
    return (String) result.getSingleEntry();
  }

  @Test
  void aHighImpactPilotIsReCertifiedEveryThreeMonths() {
    assertThat(intervalFor("HIGH")).isEqualTo("P3M");
  }

  @Test
  void aMediumRiskPilotIsReCertifiedEverySixMonths() {
    assertThat(intervalFor("MEDIUM")).isEqualTo("P6M");
  }

  @Test
  void aLowRiskPilotIsReCertifiedOnceAYear() {
    assertThat(intervalFor("LOW")).isEqualTo("P12M");
  }

  @Test
  void everyIntervalIsAnIsoPeriod() {
    for (String tier : new String[] {"HIGH", "MEDIUM", "LOW"}) {
      assertThat(java.time.Period.parse(intervalFor(tier)).toTotalMonths()).isPositive();
    }
  }
}
