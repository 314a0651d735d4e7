package org.pilotlifecycle.fourstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FourStagePropertiesTest {

  @Test
  void defaultsAreScore3_60Percent_2WeeksAtTarget_13WeekProgramme() {
    FourStageProperties properties = new FourStageProperties(null, null, null, null);
    assertThat(properties.dimensionPassScore()).isEqualTo(3);
    assertThat(properties.adoptionTargetPercent()).isEqualTo(60.0);
    assertThat(properties.adoptionWeeksAtTarget()).isEqualTo(2);
    assertThat(properties.adoptionProgrammeWeeks()).isEqualTo(13);
  }

  @Test
  void configuredValuesAreKept() {
    FourStageProperties properties = new FourStageProperties(4, 75.0, 3, 10);
    assertThat(properties).isEqualTo(new FourStageProperties(4, 75.0, 3, 10));
    assertThat(properties.dimensionPassScore()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5})
  void aPassScoreFrom0To5IsAccepted(int score) {
    assertThat(new FourStageProperties(score, null, null, null).dimensionPassScore()).isEqualTo(score);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 6})
  void aPassScoreOutside0To5IsRefused(int score) {
    assertThatThrownBy(() -> new FourStageProperties(score, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension-pass-score");
  }
}
