package org.pilotlifecycle.fourstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;

/** One test per rule of bpmn/GoNoGoDecision.dmn: 0 to 5 passing dimensions, and which one fails. */
class GoNoGoDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = GoNoGoDecisionTest.class.getResourceAsStream("/bpmn/GoNoGoDecision.dmn")) {
      decision = engine.parseDecision(FourStageProcess.GO_NO_GO_DECISION_ID, dmn);
    }
  }

  private static Map<String, Object> decide(boolean... passed) {
    VariableMap inputs = Variables.createVariables();
    Dimension[] dimensions = Dimension.values();
    for (int i = 0; i < dimensions.length; i++) {
      inputs.putValue(dimensions[i].passedVariable(), passed[i]);
    }
    var result = engine.evaluateDecisionTable(decision, inputs);
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntryMap();
  }

  @Test
  void allFiveDimensionsPassingIsGo() {
    Map<String, Object> outcome = decide(true, true, true, true, true);
    assertThat(outcome.get("goNoGoOutcome")).isEqualTo("GO");
    assertThat(outcome.get("carriedOverDimension")).isNull();
  }

  @ParameterizedTest(name = "only {0} failing is a conditional go carrying it into stage 2")
  @EnumSource(Dimension.class)
  void fourOfFiveIsAConditionalGoWithTheFailingDimensionCarriedOver(Dimension failing) {
    boolean[] passed = new boolean[5];
    for (Dimension dimension : Dimension.values()) {
      passed[dimension.ordinal()] = dimension != failing;
    }
    Map<String, Object> outcome = decide(passed);
    assertThat(outcome.get("goNoGoOutcome")).isEqualTo("CONDITIONAL_GO");
    assertThat(outcome.get("carriedOverDimension")).isEqualTo(failing.name());
  }

  @ParameterizedTest(name = "{0} of 5 passing is no-go")
  @CsvSource({"3, true, true, true, false, false", "2, false, true, false, true, false", "1, false, false, false, false, true",
      "0, false, false, false, false, false"})
  void threeOrFewerPassingIsNoGo(int passing, boolean data, boolean integration, boolean governance, boolean change,
      boolean monitoring) {
    assertThat(decide(data, integration, governance, change, monitoring).get("goNoGoOutcome")).isEqualTo("NO_GO");
  }
}
