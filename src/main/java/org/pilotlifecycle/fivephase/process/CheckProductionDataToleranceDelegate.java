package org.pilotlifecycle.fivephase.process;

import org.pilotlifecycle.fivephase.FivePhaseProperties;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.ProductionDataToleranceCheck;
import org.springframework.stereotype.Component;

@Component
class CheckProductionDataToleranceDelegate extends ReadinessCheckDelegate {
  private final ProductionDataToleranceCheck check;

  CheckProductionDataToleranceDelegate(CheckRecorder recorder, FivePhaseProperties properties) {
    super(recorder, PRODUCTION_DATA_CHECK_PASSED, false);
    this.check = new ProductionDataToleranceCheck(properties.productionDataTolerancePercent());
  }

  @Override
  protected CheckResult check(DelegateExecution execution) {
    return check.evaluate(new ProductionDataToleranceCheck.Input(text(execution, PERFORMANCE_METRIC),
        number(execution, PILOT_PERFORMANCE), number(execution, PRODUCTION_PERFORMANCE)));
  }
}
