package org.pilotlifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Step;

class LifecyclePropertiesTest {

  @Test
  void everyStepDefaultsToItsCatalogueDuration() {
    LifecycleProperties properties = LifecycleProperties.defaultsOnly();
    for (Step step : Step.values()) {
      assertThat(properties.allowed(step)).isEqualTo(step.defaultDuration());
    }
    assertThat(properties.overdueReminder()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void oneOverriddenStepLeavesTheOthersAtTheirDefaults() {
    LifecycleProperties properties = new LifecycleProperties(Map.of(Step.DATA_READINESS, Duration.ofDays(70)),
        Duration.ofDays(3));
    assertThat(properties.allowed(Step.DATA_READINESS)).isEqualTo(Duration.ofDays(70));
    assertThat(properties.allowed(Step.OPERATING_MODEL)).isEqualTo(Step.OPERATING_MODEL.defaultDuration());
    assertThat(properties.durations()).hasSize(9);
    assertThat(properties.overdueReminder()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void aZeroOrNegativeDurationIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new LifecycleProperties(Map.of(Step.DATA_READINESS, Duration.ZERO), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pilot.lifecycle.durations.DATA_READINESS must be positive");
    assertThatThrownBy(() -> new LifecycleProperties(Map.of(Step.ENTERPRISE_SCALE, Duration.ofDays(-1)), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ENTERPRISE_SCALE");
  }

  @Test
  void aMissingDurationIsRefused() {
    Map<Step, Duration> durations = new HashMap<>();
    durations.put(Step.DATA_READINESS, null);
    assertThatThrownBy(() -> new LifecycleProperties(durations, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNonPositiveReminderIntervalIsRefused() {
    assertThatThrownBy(() -> new LifecycleProperties(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pilot.lifecycle.overdue-reminder must be positive");
    assertThatThrownBy(() -> new LifecycleProperties(null, Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDurationsCannotBeChangedAfterwards() {
    assertThatThrownBy(() -> LifecycleProperties.defaultsOnly().durations().put(Step.DATA_READINESS, Duration.ofDays(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
