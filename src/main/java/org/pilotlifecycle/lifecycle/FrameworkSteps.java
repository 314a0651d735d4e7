package org.pilotlifecycle.lifecycle;

import java.util.List;

/** Each framework contributes its steps as a bean of this type. */
public interface FrameworkSteps {

  List<? extends LifecycleStep> steps();
}
