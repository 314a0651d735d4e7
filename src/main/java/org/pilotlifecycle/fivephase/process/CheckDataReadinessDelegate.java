package org.pilotlifecycle.fivephase.process;

import org.pilotlifecycle.fivephase.FivePhaseProcess;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.DataReadinessCheck;
import org.springframework.stereotype.Component;

@Component
class CheckDataReadinessDelegate extends ReadinessCheckDelegate {
  private final DataReadinessCheck check = new DataReadinessCheck();

  CheckDataReadinessDelegate(CheckRecorder recorder) {
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
