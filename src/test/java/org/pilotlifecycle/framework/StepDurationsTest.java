package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pilotlifecycle.web.FieldProblem;

class StepDurationsTest {

  @Test
  void daysAndWeeksAreReadAsWholeDays() {
    assertThat(StepDurations.days("P56D")).contains(56);
    assertThat(StepDurations.days("P8W")).contains(56);
    assertThat(StepDurations.days(" P1W3D ")).contains(10);
    assertThat(StepDurations.days("P1D")).contains(1);
    assertThat(StepDurations.days("P730D")).contains(730);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"P0D", "P731D", "P-5D", "P1M", "P1Y", "56", "P56", "PT56H", "garbage"})
  void anythingButOneTo730DaysIsRefused(String value) {
    assertThat(StepDurations.days(value)).isEmpty();
  }

  @Test
  void noDurationsHaveNoProblems() {
    assertThat(StepDurations.problemsOf(null)).isEmpty();
    assertThat(StepDurations.problemsOf(Map.of("DATA_READINESS", "P10W", "ENTERPRISE_SCALE", "P200D"))).isEmpty();
  }

  @Test
  void anUnknownStepAndABadPeriodAreBothNamed() {
    Map<String, String> durations = new LinkedHashMap<>();
    durations.put("DATA_READYNESS", "P10W");
    durations.put("OPERATING_MODEL", "P1M");
    assertThat(StepDurations.problemsOf(durations)).extracting(FieldProblem::field)
        .containsExactly("stepDurations.DATA_READYNESS", "stepDurations.OPERATING_MODEL");
    assertThat(StepDurations.problemsOf(durations).get(0).message()).startsWith("is not a phase or stage; known: ")
        .contains("DATA_READINESS");
    assertThat(StepDurations.problemsOf(durations).get(1).message()).contains("1 to 730 days");
  }

  @Test
  void theStepsAreTheNineOfTheCatalogue() {
    assertThat(StepDurations.STEPS).hasSize(9).contains("OUTCOME_DEFINITION", "ENTERPRISE_SCALE");
  }

  @Test
  void writtenDurationsAreReadBackInDays() {
    Map<String, String> durations = new LinkedHashMap<>();
    durations.put("DATA_READINESS", "P10W");
    durations.put("OPERATING_MODEL", "P30D");
    String json = StepDurations.write(durations);
    assertThat(json).isEqualTo("{\"DATA_READINESS\":70,\"OPERATING_MODEL\":30}");
    assertThat(StepDurations.read(json)).contains(Map.of("DATA_READINESS", 70, "OPERATING_MODEL", 30));
  }

  @Test
  void noDurationsAreWrittenAsNullAndReadAsNone() {
    assertThat(StepDurations.write(null)).isNull();
    assertThat(StepDurations.write(Map.of())).isNull();
    assertThat(StepDurations.read(null)).isEmpty();
    assertThat(StepDurations.read("  ")).isEmpty();
  }

  @Test
  void unreadableStoredDurationsFailLoudly() {
    assertThatThrownBy(() -> StepDurations.read("{not json")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("{not json");
  }
}
