package org.pilotlifecycle.fivephase.process;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.MlopsCapabilityCheck;
import org.springframework.stereotype.Component;

@Component
class CheckMlopsCapabilityDelegate extends ReadinessCheckDelegate {
  private final MlopsCapabilityCheck check = new MlopsCapabilityCheck();

  CheckMlopsCapabilityDelegate(CheckRecorder recorder) {
    super(recorder, MLOPS_CHECK_PASSED, true);
  }

  @Override
  protected CheckResult check(DelegateExecution execution) {
    return check.evaluate(new MlopsCapabilityCheck.Input(flag(execution, DEPLOYS_NEW_VERSION_AUTOMATICALLY),
        flag(execution, DETECTS_DRIFT_AUTOMATICALLY), flag(execution, TRIGGERS_RETRAINING_AUTOMATICALLY)));
  }
}
