package org.pilotlifecycle.support.routing;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.ADOPTION_PROGRAMME_START;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.ADOPTION_WEEK;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for the bean {@code adoptionProgramme} of the four-stage diagram: week n of the adoption
 * programme ends n weeks after the programme started.
 */
public class FakeAdoptionProgramme {

  public Date nextWeekEnds(DelegateExecution execution) {
    Date start = (Date) execution.getVariable(ADOPTION_PROGRAMME_START);
    int week = ((Number) execution.getVariable(ADOPTION_WEEK)).intValue();
    return Date.from(start.toInstant().plus(Duration.ofDays(7L * (week + 1))));
  }
}
