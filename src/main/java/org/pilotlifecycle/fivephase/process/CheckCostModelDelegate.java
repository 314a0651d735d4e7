package org.pilotlifecycle.fivephase.process;

import org.pilotlifecycle.fivephase.FivePhaseProperties;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.CostModelCheck;
import org.springframework.stereotype.Component;

@Component
class CheckCostModelDelegate extends ReadinessCheckDelegate {
  private final CostModelCheck check;

  CheckCostModelDelegate(CheckRecorder recorder, FivePhaseProperties properties) {
    super(recorder, COST_MODEL_CHECK_PASSED, false);
    this.check = new CostModelCheck(properties.costMultiplier());
  }

  @Override
  protected CheckResult check(DelegateExecution execution) {
    return check.evaluate(new CostModelCheck.Input(decimal(execution, PILOT_COST),
        decimal(execution, PROJECTED_PRODUCTION_COST), text(execution, COST_JUSTIFICATION)));
  }
}
