package org.pilotlifecycle.support.routing;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.CARRIED_OVER_DIMENSION;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.GO_NO_GO_OUTCOME;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for the bean {@code fourStageLifecycle} of the four-stage diagram: the start of scaling and the
 * dimensions carried from a conditional go into stage 2 (one remediation workstream each).
 */
public class FakeFourStageLifecycle {

  public int starts;

  public void started(DelegateExecution execution) {
    starts++;
  }

  public List<String> carriedOver(DelegateExecution execution) {
    Object dimension = execution.getVariable(CARRIED_OVER_DIMENSION);
    if (!"CONDITIONAL_GO".equals(execution.getVariable(GO_NO_GO_OUTCOME)) || dimension == null) {
      return List.of();
    }
    return List.of(dimension.toString());
  }
}
