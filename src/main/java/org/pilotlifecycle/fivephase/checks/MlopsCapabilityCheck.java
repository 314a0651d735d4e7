package org.pilotlifecycle.fivephase.checks;

import org.pilotlifecycle.framework.CheckResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 3 exit gate: the system deploys a new model version, detects drift and triggers retraining
 * without manual intervention; the missing capabilities are listed for the tech lead.
 */
public class MlopsCapabilityCheck {

  public static final String NAME = "MLOPS_CAPABILITY";

  public record Input(boolean deploysNewVersionAutomatically, boolean detectsDriftAutomatically,
      boolean triggersRetrainingAutomatically) {
  }

  public CheckResult evaluate(Input input) {
    List<String> missing = new ArrayList<>();
    if (!input.deploysNewVersionAutomatically()) {
      missing.add("deploying a new model version");
    }
    if (!input.detectsDriftAutomatically()) {
      missing.add("detecting data drift");
    }
    if (!input.triggersRetrainingAutomatically()) {
      missing.add("triggering retraining");
    }
    List<String> reasons = missing.isEmpty() ? List.of()
        : List.of("Still needs a manual step: " + String.join(", ", missing) + ".");
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("deploysNewVersionAutomatically", input.deploysNewVersionAutomatically());
    facts.put("detectsDriftAutomatically", input.detectsDriftAutomatically());
    facts.put("triggersRetrainingAutomatically", input.triggersRetrainingAutomatically());
    facts.put("missing", missing);
    return CheckResult.of(NAME, "New versions deploy, drift is detected and retraining is triggered without a manual step.",
        reasons, facts);
  }
}
