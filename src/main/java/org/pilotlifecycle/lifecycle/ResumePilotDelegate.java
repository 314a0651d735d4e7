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
import org.pilotlifecycle.framework.Reasons;
import org.springframework.stereotype.Component;

/** "Resume pilot": back to ACTIVE with a new due date ahead (400 otherwise); the reminders resume from it. */
@Component
class ResumePilotDelegate implements JavaDelegate {

  /** The optional note of the resume form. */
  static final String RESUME_NOTE = "resumeNote";

  private final SteeringDecisions decisions;
  private final Clock clock;
  private final ZoneId zone;

  ResumePilotDelegate(SteeringDecisions decisions, Clock clock, OrganisationProperties organisation) {
    this.decisions = decisions;
    this.clock = clock;
    this.zone = organisation.timeZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    Instant due = DueDates.future(variables.raw(NEW_DUE_DATE), NEW_DUE_DATE, clock, zone);
    String note = Reasons.optional(RESUME_NOTE, variables.raw(RESUME_NOTE));
    decisions.resume(execution.getProcessInstanceId(), variables.pilotKey(), variables.step(), due, variables.actor(),
        note.isEmpty() ? null : note);
    execution.setVariable(STEP_DUE_DATE, Date.from(due));
    execution.removeVariable(NEW_DUE_DATE);
    execution.removeVariable(RESUME_NOTE);
  }
}
