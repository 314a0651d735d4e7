package org.pilotlifecycle.fivephase.process;

import org.pilotlifecycle.fivephase.FivePhaseProperties;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.SuccessMetricCheck;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.SuccessMetric;
import org.springframework.stereotype.Component;

@Component
class CheckSuccessMetricDelegate extends ReadinessCheckDelegate {
  private final SuccessMetricCheck check;
  private final PilotRegistry registry;

  CheckSuccessMetricDelegate(CheckRecorder recorder, FivePhaseProperties properties, PilotRegistry registry) {
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
