package org.pilotlifecycle.fivephase.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.pilotlifecycle.framework.CheckResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The readiness checks as plain rules, one test per outcome. */
class ReadinessChecksTest {

  @Nested
  class SuccessMetric {
    SuccessMetricCheck check = new SuccessMetricCheck(List.of("accuracy", "f1", "auc", "precision", "recall"));

    SuccessMetricCheck.Input metric(String name, String unit, String baseline, String target) {
      return new SuccessMetricCheck.Input("COST", name, unit, baseline == null ? null : new BigDecimal(baseline),
          target == null ? null : new BigDecimal(target), "Weekly report from the claims system", new BigDecimal("3200000"));
    }

    @Test
    void aQuantifiedBusinessOutcomePasses() {
      CheckResult result = check.evaluate(metric("Claims processing time", "minutes per claim", "50", "30"));
      assertThat(result.passed()).isTrue();
      assertThat(result.summary()).contains("from 50 to 30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accuracy", "Model F1", "AUC of the classifier", "precision@10", "Recall"})
    void aModelMetricIsRefusedAsThePrimaryKpi(String name) {
      CheckResult result = check.evaluate(metric(name, "%", "80", "92"));
      assertThat(result.passed()).isFalse();
      assertThat(result.summary()).contains("model metric");
    }

    @Test
    void wordsThatOnlyContainAMetricNameAreNotRefused() {
      assertThat(check.evaluate(metric("Recallable invoices processed", "invoices", "100", "180")).passed()).isTrue();
    }

    @Test
    void aMissingBaselineOrTargetFails() {
      CheckResult result = check.evaluate(metric("Cost per case", "USD", null, null));
      assertThat(result.passed()).isFalse();
      assertThat(result.reasons()).anyMatch(r -> r.contains("baseline")).anyMatch(r -> r.contains("target"));
    }

    @Test
    void aTargetEqualToTheBaselineFails() {
      assertThat(check.evaluate(metric("Cost per case", "USD", "12", "12.0")).reasons())
          .anyMatch(r -> r.contains("equals the baseline"));
    }
  }

  @Nested
  class DataReadiness {
    DataReadinessCheck check = new DataReadinessCheck();

    Map<String, Integer> levels(int lowest) {
      Map<String, Integer> levels = new LinkedHashMap<>();
      for (String dimension : List.of("dataAvailabilityLevel", "dataLineageLevel", "dataIntegrationLevel",
          "dataAccuracyLevel", "dataLatencyLevel", "dataSecurityLevel", "dataGovernanceLevel")) {
        levels.put(dimension, 3);
      }
      levels.put("dataLatencyLevel", lowest);
      return levels;
    }

    @Test
    void everyDimensionAtTheMinimumPassesAndNamesTheWeakest() {
      CheckResult result = check.evaluate(new DataReadinessCheck.Input(levels(2), 2));
      assertThat(result.passed()).isTrue();
      assertThat(result.facts()).containsEntry("weakestDimension", "Latency").containsEntry("weakestLevel", 2);
    }

    @Test
    void aDimensionBelowTheMinimumFails() {
      CheckResult result = check.evaluate(new DataReadinessCheck.Input(levels(2), 3));
      assertThat(result.passed()).isFalse();
      assertThat(result.summary()).contains("Latency is at Level 2, below the required Level 3");
    }

    @Test
    void aMissingLevelFails() {
      Map<String, Integer> levels = levels(3);
      levels.put("dataSecurityLevel", null);
      assertThat(check.evaluate(new DataReadinessCheck.Input(levels, 2)).summary()).contains("Security has no level");
    }
  }

  @Nested
  class ProductionDataTolerance {
    ProductionDataToleranceCheck check = new ProductionDataToleranceCheck(10);

    @Test
    void aDropWithinToleranceOrAnImprovementPasses() {
      assertThat(check.evaluate(new ProductionDataToleranceCheck.Input("F1", 0.90, 0.85)).passed()).isTrue();
      assertThat(check.evaluate(new ProductionDataToleranceCheck.Input("F1", 0.90, 0.95)).passed()).isTrue();
    }

    @Test
    void aDropBeyondToleranceFails() {
      CheckResult result = check.evaluate(new ProductionDataToleranceCheck.Input("F1", 0.90, 0.72));
      assertThat(result.passed()).isFalse();
      assertThat(result.facts()).containsEntry("dropPercent", 20.0);
    }

    @Test
    void missingMeasurementsFail() {
      assertThat(check.evaluate(new ProductionDataToleranceCheck.Input("F1", 0.9, null)).passed()).isFalse();
      assertThat(check.evaluate(new ProductionDataToleranceCheck.Input("F1", 0.0, 0.5)).passed()).isFalse();
    }
  }

  @Nested
  class MlopsCapability {
    MlopsCapabilityCheck check = new MlopsCapabilityCheck();

    @Test
    void allThreeCapabilitiesWithoutAManualStepPass() {
      assertThat(check.evaluate(new MlopsCapabilityCheck.Input(true, true, true)).passed()).isTrue();
    }

    @Test
    void theMissingCapabilitiesAreListed() {
      CheckResult result = check.evaluate(new MlopsCapabilityCheck.Input(true, false, false));
      assertThat(result.passed()).isFalse();
      assertThat(result.summary()).contains("detecting data drift, triggering retraining");
      assertThat(result.facts().get("missing")).isEqualTo(List.of("detecting data drift", "triggering retraining"));
    }
  }

  @Nested
  class CostModel {
    CostModelCheck check = new CostModelCheck(3);

    @Test
    void aProjectionOfAtLeastThreeTimesThePilotPasses() {
      assertThat(check.evaluate(new CostModelCheck.Input(new BigDecimal("100000"), new BigDecimal("300000"), null))
          .passed()).isTrue();
    }

    @Test
    void aLowerProjectionWithoutJustificationFails() {
      CheckResult result = check.evaluate(new CostModelCheck.Input(new BigDecimal("100000"), new BigDecimal("150000"), " "));
      assertThat(result.passed()).isFalse();
      assertThat(result.summary()).contains("1.50x");
    }

    @Test
    void aLowerProjectionWithAWrittenJustificationPasses() {
      assertThat(check.evaluate(new CostModelCheck.Input(new BigDecimal("100000"), new BigDecimal("150000"),
          "Serving reuses the shared inference cluster already paid for.")).passed()).isTrue();
    }

    @Test
    void missingCostsFail() {
      assertThat(check.evaluate(new CostModelCheck.Input(null, new BigDecimal("1"), null)).passed()).isFalse();
    }
  }

  @Nested
  class Repeatability {
    RepeatabilityCheck check = new RepeatabilityCheck(20);

    @Test
    void theFirstPilotToReachProductionIsTheBaseline() {
      CheckResult result = check.evaluate(new RepeatabilityCheck.Input(Duration.ofDays(200), List.of()));
      assertThat(result.passed()).isTrue();
      assertThat(result.facts()).containsEntry("baseline", true);
      assertThat(result.summary()).contains("baseline");
    }

    @Test
    void materiallyFasterThanTheMedianOfEarlierPilotsPasses() {
      CheckResult result = check.evaluate(new RepeatabilityCheck.Input(Duration.ofDays(150),
          List.of(Duration.ofDays(200), Duration.ofDays(260), Duration.ofDays(190))));
      assertThat(result.passed()).isTrue();
      assertThat(result.facts()).containsEntry("medianEarlierDays", 200.0).containsEntry("allowedDays", 160.0);
    }

    @Test
    void notMateriallyFasterFails() {
      CheckResult result = check.evaluate(new RepeatabilityCheck.Input(Duration.ofDays(170),
          List.of(Duration.ofDays(200), Duration.ofDays(210))));
      assertThat(result.passed()).isFalse();
      assertThat(result.summary()).contains("median of 2 earlier pilot(s) is 205.0 days");
    }
  }
}
