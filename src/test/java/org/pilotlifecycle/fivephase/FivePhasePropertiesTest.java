package org.pilotlifecycle.fivephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FivePhasePropertiesTest {

  @Test
  void withoutConfiguredTermsTheDefaultModelMetricTermsApply() {
    assertThat(new FivePhaseProperties(10, 3, 20, null).modelMetricTerms())
        .isEqualTo(FivePhaseProperties.DEFAULT_MODEL_METRIC_TERMS).contains("accuracy", "f1", "auc", "rmse");
    assertThat(new FivePhaseProperties(10, 3, 20, List.of()).modelMetricTerms())
        .isEqualTo(FivePhaseProperties.DEFAULT_MODEL_METRIC_TERMS);
  }

  @Test
  void configuredTermsReplaceTheDefaultsAndAreCopied() {
    List<String> terms = new ArrayList<>(List.of("accuracy"));
    FivePhaseProperties properties = new FivePhaseProperties(10, 3, 20, terms);
    terms.add("bleu");
    assertThat(properties.modelMetricTerms()).containsExactly("accuracy");
    assertThatThrownBy(() -> properties.modelMetricTerms().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theNumbersAreKeptAsConfigured() {
    FivePhaseProperties properties = new FivePhaseProperties(12.5, 2.5, 25, null);
    assertThat(properties.productionDataTolerancePercent()).isEqualTo(12.5);
    assertThat(properties.costMultiplier()).isEqualTo(2.5);
    assertThat(properties.repeatabilityImprovementPercent()).isEqualTo(25);
  }
}
