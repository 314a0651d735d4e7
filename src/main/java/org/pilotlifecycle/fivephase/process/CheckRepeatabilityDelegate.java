package org.pilotlifecycle.fivephase.process;

import org.pilotlifecycle.fivephase.FivePhaseProperties;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.fivephase.checks.RepeatabilityCheck;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

@Component
class CheckRepeatabilityDelegate extends ReadinessCheckDelegate {
  static final String SUMMARY_VARIABLE = "repeatabilitySummary";
  private final RepeatabilityCheck check;
  private final PilotRegistry registry;
  private final Clock clock;

  CheckRepeatabilityDelegate(CheckRecorder recorder, FivePhaseProperties properties, PilotRegistry registry, Clock clock) {
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
