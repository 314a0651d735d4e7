package org.pilotlifecycle.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Every step of every framework, by name. */
@Component
public class LifecycleSteps {

  private final Map<String, LifecycleStep> byName = new LinkedHashMap<>();

  LifecycleSteps(List<FrameworkSteps> frameworks) {
    frameworks.forEach(framework -> framework.steps().forEach(step -> {
      if (byName.put(step.name(), step) != null) {
        throw new IllegalStateException("Two frameworks name a step " + step.name());
      }
    }));
  }

  /** Every step, five-phase first, in order. */
  public java.util.Collection<LifecycleStep> all() {
    return java.util.Collections.unmodifiableCollection(byName.values());
  }

  public LifecycleStep get(String name) {
    LifecycleStep step = byName.get(name);
    if (step == null) {
      throw new IllegalArgumentException("Unknown phase or stage " + name);
    }
    return step;
  }
}
