package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** CheckResult, CheckOutcome and GateDecision. */
class OutcomesTest {

  @Test
  void aCheckWithoutReasonsPassesWithItsPassedSummary() {
    CheckResult result = CheckResult.of("COST_MODEL", "The cost model holds.", List.of(), Map.of("multiple", 4.0));
    assertThat(result.check()).isEqualTo("COST_MODEL");
    assertThat(result.passed()).isTrue();
    assertThat(result.summary()).isEqualTo("The cost model holds.");
    assertThat(result.reasons()).isEmpty();
    assertThat(result.facts()).containsEntry("multiple", 4.0);
  }

  @Test
  void aCheckWithReasonsFailsAndItsSummaryJoinsThem() {
    CheckResult result = CheckResult.of("COST_MODEL", "The cost model holds.",
        List.of("The pilot cost is missing.", "The projection is missing."), Map.of());
    assertThat(result.passed()).isFalse();
    assertThat(result.summary()).isEqualTo("The pilot cost is missing. The projection is missing.");
  }

  @Test
  void aResultIsImmutableAndIndependentOfItsInputs() {
    List<String> reasons = new ArrayList<>(List.of("a"));
    Map<String, Object> facts = new HashMap<>(Map.of("k", 1));
    CheckResult result = new CheckResult("X", false, "a", reasons, facts);
    reasons.add("b");
    facts.put("k2", 2);
    assertThat(result.reasons()).containsExactly("a");
    assertThat(result.facts()).containsOnlyKeys("k");
    assertThatThrownBy(() -> result.reasons().add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.facts().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void factsKeepTheirOrderAndMayHoldMissingValues() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("z", 1);
    facts.put("a", null);
    facts.put("m", 3);
    CheckResult result = CheckResult.of("X", "ok", List.of(), facts);
    assertThat(result.facts().keySet()).containsExactly("z", "a", "m");
    assertThat(result.facts()).containsEntry("a", null);
  }

  @Test
  void theOutcomeOfACheckIsPassedOrFailed() {
    assertThat(CheckOutcome.of(true)).isEqualTo(CheckOutcome.PASSED);
    assertThat(CheckOutcome.of(false)).isEqualTo(CheckOutcome.FAILED);
  }

  @Test
  void aGateDecisionIsRecordedAsApprovedOrRejected() {
    assertThat(GateDecision.APPROVE.outcome()).isEqualTo("APPROVED");
    assertThat(GateDecision.REJECT.outcome()).isEqualTo("REJECTED");
    assertThat(GateDecision.values()).hasSize(2);
  }
}
