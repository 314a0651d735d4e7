package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProperties;
import org.pilotlifecycle.fourstage.GapScores;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.springframework.stereotype.Component;

/** "Check production readiness" (async): all five dimensions must pass the re-assessment. */
@Component
class CheckProductionReadinessDelegate extends ReadinessCheckDelegate {
  private final FourStageProperties properties;

  CheckProductionReadinessDelegate(CheckRecorder recorder, FourStageProperties properties) {
    super(recorder, PRODUCTION_READINESS_CHECK_PASSED, true);
    this.properties = properties;
  }

  @Override
  protected CheckResult check(DelegateExecution execution) {
    int passScore = properties.dimensionPassScore();
    GapScores scores;
    try {
      scores = GapScores.read(execution);
    } catch (InvalidFieldsException e) {
      return CheckResult.of("PRODUCTION_READINESS", "", java.util.List.of(e.getMessage()), Map.of());
    }
    java.util.List<String> reasons = new java.util.ArrayList<>();
    for (Dimension dimension : Dimension.values()) {
      if (!scores.passes(dimension, passScore)) {
        reasons.add(dimension.label() + " scores " + scores.scores().get(dimension) + ", below " + passScore + ".");
      }
    }
    return CheckResult.of("PRODUCTION_READINESS", "All five dimensions score " + passScore + " or more.", reasons,
        scores.asFacts(passScore));
  }
}
