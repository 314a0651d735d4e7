package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProperties;
import org.pilotlifecycle.fourstage.GapScores;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.springframework.stereotype.Component;

/** "Score readiness gaps": validates the five scores (400 on bad input) and gives the decision its inputs. */
@Component
class ScoreReadinessGapsDelegate implements JavaDelegate {
  private final FourStageProperties properties;

  ScoreReadinessGapsDelegate(FourStageProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GapScores scores = GapScores.read(execution);
    for (Dimension dimension : Dimension.values()) {
      execution.setVariable(dimension.passedVariable(), scores.passes(dimension, properties.dimensionPassScore()));
    }
    execution.setVariable(PASSED_DIMENSIONS, scores.passing(properties.dimensionPassScore()));
  }
}
