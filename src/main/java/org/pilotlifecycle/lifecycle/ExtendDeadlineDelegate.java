package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.engine.OrganisationProperties;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.framework.DueDates;
import org.springframework.stereotype.Component;

/** "Extend deadline": the step is due at the steering committee's new date. */
@Component
class ExtendDeadlineDelegate implements JavaDelegate {

  private final SteeringDecisions decisions;
  private final Clock clock;
  private final ZoneId zone;

  ExtendDeadlineDelegate(SteeringDecisions decisions, Clock clock, OrganisationProperties organisation) {
    this.decisions = decisions;
    this.clock = clock;
    this.zone = organisation.timeZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    Instant due = DueDates.future(variables.raw(NEW_DUE_DATE), NEW_DUE_DATE, clock, zone);
    boolean rearmed = decisions.extend(execution.getProcessInstanceId(), variables.pilotKey(), variables.step(), due,
        variables.actor(), variables.text(OVERDUE_REASON));
    if (rearmed) {
      execution.setVariable(STEP_DUE_DATE, Date.from(due));
    }
    execution.removeVariable(OVERDUE_DECISION);
    execution.removeVariable(NEW_DUE_DATE);
  }
}
