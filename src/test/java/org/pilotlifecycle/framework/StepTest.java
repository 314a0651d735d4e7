package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StepTest {

  @Test
  void theCatalogueHasFivePhasesAndFourStagesInOrder() {
    assertThat(Step.values()).hasSize(9);
    assertThat(Step.phases()).containsExactly(Step.OUTCOME_DEFINITION, Step.DATA_READINESS, Step.MLOPS_INFRASTRUCTURE,
        Step.GOVERNANCE_AND_RISK_CONTROLS, Step.OPERATING_MODEL);
    assertThat(Step.stages()).containsExactly(Step.PILOT_VALIDATION, Step.PRODUCTION_ARCHITECTURE,
        Step.ORGANIZATIONAL_EMBEDDING, Step.ENTERPRISE_SCALE);
    assertThat(Step.of(Framework.FIVE_PHASE)).isEqualTo(Step.phases());
  }

  @Test
  void stepsAreNumberedWithinTheirOwnFramework() {
    assertThat(Step.OUTCOME_DEFINITION.number()).isEqualTo(1);
    assertThat(Step.OPERATING_MODEL.number()).isEqualTo(5);
    assertThat(Step.PILOT_VALIDATION.number()).isEqualTo(1);
    assertThat(Step.ENTERPRISE_SCALE.number()).isEqualTo(4);
  }

  @Test
  void phasesAreOfKindPhaseAndStagesOfKindStage() {
    assertThat(Step.phases()).allSatisfy(step -> assertThat(step.kind()).isEqualTo("Phase"));
    assertThat(Step.stages()).allSatisfy(step -> assertThat(step.kind()).isEqualTo("Stage"));
  }

  @Test
  void theTitleNamesKindNumberAndLabel() {
    assertThat(Step.DATA_READINESS.title()).isEqualTo("Phase 2: Data readiness");
    assertThat(Step.ORGANIZATIONAL_EMBEDDING.title()).isEqualTo("Stage 3: Organizational embedding");
  }

  @Test
  void everyStepButProductionArchitectureHasAGateTask() {
    assertThat(Step.gateTaskIds()).containsExactly("Task_SignOffSuccessMetric", "Task_ApproveDataReadiness",
        "Task_ApproveMlopsReadiness", "Task_SignOffGovernance", "Task_ApproveProduction", "Task_SignGoNoGo",
        "Task_SignOffAdoption", "Task_CertifyForProduction");
    assertThat(Step.PRODUCTION_ARCHITECTURE.gateTaskId()).isEmpty();
    assertThat(Step.DATA_READINESS.gateTaskId()).contains("Task_ApproveDataReadiness");
  }

  @Test
  void namedFindsAStepByItsName() {
    assertThat(Step.named("MLOPS_INFRASTRUCTURE")).isEqualTo(Step.MLOPS_INFRASTRUCTURE);
  }

  @Test
  void anUnknownNameIsRefusedNamingTheKnownSteps() {
    assertThatThrownBy(() -> Step.named("DATA_READYNESS")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATA_READYNESS").hasMessageContaining("DATA_READINESS");
    assertThatThrownBy(() -> Step.named(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Step.named("data_readiness")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFivePhasesTakeAbout7MonthsByDefault() {
    Duration total = Step.phases().stream().map(Step::defaultDuration).reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isEqualTo(Duration.ofDays(217));
  }

  @Test
  void theFourStagesFollowWeeks1To8_9To16_months4To6_andMonth7Onward() {
    assertThat(Step.stages()).extracting(Step::defaultDuration).containsExactly(Duration.ofDays(56),
        Duration.ofDays(56), Duration.ofDays(91), Duration.ofDays(182));
  }

  @Test
  void everyStepHasItsSubProcessAndOverdueTimer() {
    assertThat(Step.values()).allSatisfy(step -> {
      assertThat(step.subProcessId()).startsWith("SubProcess_");
      assertThat(step.overdueTimerId()).startsWith("Timer_").endsWith("Overdue");
    });
    assertThat(Step.values()).extracting(Step::subProcessId).doesNotHaveDuplicates();
  }
}
