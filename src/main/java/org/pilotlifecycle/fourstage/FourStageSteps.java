package org.pilotlifecycle.fourstage;

import java.util.List;

import org.pilotlifecycle.fourstage.FourStageProcess.Stage;
import org.pilotlifecycle.lifecycle.FrameworkSteps;
import org.pilotlifecycle.lifecycle.LifecycleStep;
import org.springframework.stereotype.Component;

@Component
class FourStageSteps implements FrameworkSteps {

  @Override
  public List<? extends LifecycleStep> steps() {
    return List.of(Stage.values());
  }
}
