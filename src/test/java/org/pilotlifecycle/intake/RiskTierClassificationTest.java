package org.pilotlifecycle.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule of bpmn/RiskTierClassification.dmn, the table analysts own. */
class RiskTierClassificationTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = RiskTierClassificationTest.class.getResourceAsStream("/bpmn/RiskTierClassification.dmn")) {
      decision = engine.parseDecision(PilotIntakeProcess.RISK_DECISION_ID, dmn);
    }
  }

  private static Map<String, Object> classify(boolean affectsIndividuals, String autonomy, boolean regulatedDomain,
      boolean processesPersonalData) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("affectsIndividuals", affectsIndividuals)
        .putValue("autonomy", autonomy)
        .putValue("regulatedDomain", regulatedDomain)
        .putValue("processesPersonalData", processesPersonalData));
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntryMap();
  }

  @Test
  void autonomousDecisionsAboutPeopleAreHighImpactWithHumanInTheLoop() {
    assertThat(classify(true, "AUTONOMOUS", false, false))
        .containsEntry("riskTier", "HIGH").containsEntry("humanInTheLoopRequired", true);
  }

  @Test
  void decisionsAboutPeopleInARegulatedDomainAreHighImpact() {
    assertThat(classify(true, "HUMAN_APPROVED", true, false))
        .containsEntry("riskTier", "HIGH").containsEntry("humanInTheLoopRequired", true);
  }

  @Test
  void decisionsAboutPeopleWithAHumanDecidingAreMediumImpact() {
    assertThat(classify(true, "ADVISORY", false, true))
        .containsEntry("riskTier", "MEDIUM").containsEntry("humanInTheLoopRequired", false);
  }

  @Test
  void autonomousSystemsNotDecidingAboutPeopleAreMediumImpact() {
    assertThat(classify(false, "AUTONOMOUS", false, false))
        .containsEntry("riskTier", "MEDIUM").containsEntry("humanInTheLoopRequired", false);
  }

  @Test
  void regulatedDomainAloneIsMediumImpact() {
    assertThat(classify(false, "ADVISORY", true, false))
        .containsEntry("riskTier", "MEDIUM").containsEntry("humanInTheLoopRequired", false);
  }

  @Test
  void personalDataAloneIsMediumImpact() {
    assertThat(classify(false, "HUMAN_APPROVED", false, true))
        .containsEntry("riskTier", "MEDIUM").containsEntry("humanInTheLoopRequired", false);
  }

  @Test
  void everythingElseIsLowImpact() {
    assertThat(classify(false, "ADVISORY", false, false))
        .containsEntry("riskTier", "LOW").containsEntry("humanInTheLoopRequired", false);
  }
}
