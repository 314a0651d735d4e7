package org.pilotlifecycle.fourstage.process;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.ADOPTION_PROGRAMME_START;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.ADOPTION_WEEK;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The adoption programme's weekly cadence, as the diagram's timer asks for it: week n ends n weeks
 * after the programme started, however late the previous week's record was.
 */
@Component
public class AdoptionProgramme {

  public Date nextWeekEnds(DelegateExecution execution) {
    Date start = (Date) execution.getVariable(ADOPTION_PROGRAMME_START);
    int week = ((Number) execution.getVariable(ADOPTION_WEEK)).intValue();
    return Date.from(start.toInstant().plus(Duration.ofDays(7L * (week + 1))));
  }
}
