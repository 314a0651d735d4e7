package org.pilotlifecycle.fivephase.process;

import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.fivephase.FivePhaseProperties;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.CostModelCheck;
import org.pilotlifecycle.fivephase.checks.DataReadinessCheck;
import org.pilotlifecycle.fivephase.checks.MlopsCapabilityCheck;
import org.pilotlifecycle.fivephase.checks.ProductionDataToleranceCheck;
import org.pilotlifecycle.fivephase.checks.RepeatabilityCheck;
import org.pilotlifecycle.fivephase.checks.SuccessMetricCheck;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.SuccessMetric;
import org.springframework.stereotype.Component;

/** The delegates of the six readiness checks, one small bean each (referenced by name in the diagram). */
final class ReadinessCheckDelegates {

  private ReadinessCheckDelegates() {
  }

  @Component("checkSuccessMetricDelegate")
  static class SuccessMetricDelegate extends ReadinessCheckDelegate {
    private final SuccessMetricCheck check;
    private final PilotRegistry registry;

    SuccessMetricDelegate(CheckRecorder recorder, FivePhaseProperties properties, PilotRegistry registry) {
      super(recorder, SUCCESS_METRIC_CHECK_PASSED, true);
      this.check = new SuccessMetricCheck(properties.modelMetricTerms());
      this.registry = registry;
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      SuccessMetricCheck.Input input = new SuccessMetricCheck.Input(text(execution, KPI_CATEGORY),
          text(execution, KPI_NAME), text(execution, KPI_UNIT), decimal(execution, KPI_BASELINE),
          decimal(execution, KPI_TARGET), text(execution, MEASUREMENT_METHOD), decimal(execution, ANNUAL_VALUE));
      CheckResult result = check.evaluate(input);
      if (result.passed()) {
        registry.defineSuccessMetric(text(execution, PILOT_KEY), new SuccessMetric(input.category(), input.name().strip(),
            input.unit(), input.baseline(), input.target(), input.measurementMethod(), input.annualValue(),
            text(execution, LINE_MANAGER)));
      }
      return result;
    }
  }

  @Component("checkDataReadinessDelegate")
  static class DataReadinessDelegate extends ReadinessCheckDelegate {
    private final DataReadinessCheck check = new DataReadinessCheck();

    DataReadinessDelegate(CheckRecorder recorder) {
      super(recorder, DATA_READINESS_CHECK_PASSED, true);
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      Map<String, Integer> levels = new LinkedHashMap<>();
      DATA_DIMENSIONS.forEach(dimension -> levels.put(dimension, whole(execution, dimension)));
      Integer minimum = whole(execution, MINIMUM_DATA_READINESS_LEVEL);
      if (minimum == null) {
        throw new IllegalStateException("The decision " + FivePhaseProcess.DATA_READINESS_DECISION_ID
            + " gave no minimum level for risk tier " + execution.getVariable(RISK_TIER));
      }
      return check.evaluate(new DataReadinessCheck.Input(levels, minimum));
    }
  }

  @Component("checkProductionDataToleranceDelegate")
  static class ProductionDataToleranceDelegate extends ReadinessCheckDelegate {
    private final ProductionDataToleranceCheck check;

    ProductionDataToleranceDelegate(CheckRecorder recorder, FivePhaseProperties properties) {
      super(recorder, PRODUCTION_DATA_CHECK_PASSED, false);
      this.check = new ProductionDataToleranceCheck(properties.productionDataTolerancePercent());
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      return check.evaluate(new ProductionDataToleranceCheck.Input(text(execution, PERFORMANCE_METRIC),
          number(execution, PILOT_PERFORMANCE), number(execution, PRODUCTION_PERFORMANCE)));
    }
  }

  @Component("checkMlopsCapabilityDelegate")
  static class MlopsCapabilityDelegate extends ReadinessCheckDelegate {
    private final MlopsCapabilityCheck check = new MlopsCapabilityCheck();

    MlopsCapabilityDelegate(CheckRecorder recorder) {
      super(recorder, MLOPS_CHECK_PASSED, true);
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      return check.evaluate(new MlopsCapabilityCheck.Input(flag(execution, DEPLOYS_NEW_VERSION_AUTOMATICALLY),
          flag(execution, DETECTS_DRIFT_AUTOMATICALLY), flag(execution, TRIGGERS_RETRAINING_AUTOMATICALLY)));
    }
  }

  @Component("checkCostModelDelegate")
  static class CostModelDelegate extends ReadinessCheckDelegate {
    private final CostModelCheck check;

    CostModelDelegate(CheckRecorder recorder, FivePhaseProperties properties) {
      super(recorder, COST_MODEL_CHECK_PASSED, false);
      this.check = new CostModelCheck(properties.costMultiplier());
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      return check.evaluate(new CostModelCheck.Input(decimal(execution, PILOT_COST),
          decimal(execution, PROJECTED_PRODUCTION_COST), text(execution, COST_JUSTIFICATION)));
    }
  }

  @Component("checkRepeatabilityDelegate")
  static class RepeatabilityDelegate extends ReadinessCheckDelegate {
    static final String SUMMARY_VARIABLE = "repeatabilitySummary";
    private final RepeatabilityCheck check;
    private final PilotRegistry registry;
    private final Clock clock;

    RepeatabilityDelegate(CheckRecorder recorder, FivePhaseProperties properties, PilotRegistry registry, Clock clock) {
      super(recorder, REPEATABILITY_CHECK_PASSED, true);
      this.check = new RepeatabilityCheck(properties.repeatabilityImprovementPercent());
      this.registry = registry;
      this.clock = clock;
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      String key = text(execution, PILOT_KEY);
      Pilot pilot = registry.get(key);
      CheckResult result = check.evaluate(new RepeatabilityCheck.Input(
          Duration.between(pilot.getRegisteredAt(), clock.instant()), registry.earlierTimesToProduction(key)));
      execution.setVariable(SUMMARY_VARIABLE, result.summary());
      return result;
    }
  }
}
