package org.pilotlifecycle.fivephase;

import java.util.List;

import org.pilotlifecycle.fivephase.FivePhaseProcess.Phase;
import org.pilotlifecycle.lifecycle.FrameworkSteps;
import org.pilotlifecycle.lifecycle.LifecycleStep;
import org.springframework.stereotype.Component;

@Component
class FivePhaseSteps implements FrameworkSteps {

  @Override
  public List<? extends LifecycleStep> steps() {
    return List.of(Phase.values());
  }
}
