package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProperties;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the four-stage diagram asks of the application through expressions. */
@Component
public class FourStageLifecycle {

  private final FourStageProperties properties;

  FourStageLifecycle(FourStageProperties properties) {
    this.properties = properties;
  }

  /** When scaling starts: the settings the forms show (pass score, adoption target, programme length). */
  public void started(DelegateExecution execution) {
    execution.setVariable(DIMENSION_PASS_SCORE, properties.dimensionPassScore());
    execution.setVariable(ADOPTION_TARGET_PERCENT, properties.adoptionTargetPercent());
    execution.setVariable(ADOPTION_PROGRAMME_WEEKS, properties.adoptionProgrammeWeeks());
  }

  /** The dimensions carried from a conditional go into stage 2 as remediation workstreams. */
  public List<String> carriedOver(DelegateExecution execution) {
    Object outcome = execution.getVariable(GO_NO_GO_OUTCOME);
    Object dimension = execution.getVariable(CARRIED_OVER_DIMENSION);
    if (!"CONDITIONAL_GO".equals(outcome) || dimension == null || dimension.toString().isBlank()) {
      return List.of();
    }
    return List.of(dimension.toString());
  }
}
