package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.Step;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The pending occurrence of a phase's or stage's overdue timer. Extending the deadline moves it (the timer
 * re-arms for the new date); pausing parks it out of reach, resuming moves it to the new date. The
 * step's own work is never touched.
 *
 * <p>Parking rather than suspending: activating a suspended job and moving it in one transaction
 * collide on the job's optimistic lock, and a resume must do both at once.
 */
@Component
public class OverdueTimers {

  /** The due date of a parked timer: 9999-12-31. */
  public static final Date PARKED_UNTIL = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

  private final ManagementService managementService;

  OverdueTimers(ManagementService managementService) {
    this.managementService = managementService;
  }

  /** @return false when the phase has no pending overdue timer (it has ended meanwhile) */
  boolean moveTo(String processInstanceId, Step step, Instant due) {
    Job job = pending(processInstanceId, step);
    if (job == null) {
      return false;
    }
    // Later reminders keep their distance from the new due date.
    managementService.setJobDuedate(job.getId(), Date.from(due), true);
    return true;
  }

  /** While the pilot is on hold no reminder falls due: the timer waits until the pilot is resumed. */
  boolean park(String processInstanceId, Step step) {
    Job job = pending(processInstanceId, step);
    if (job == null) {
      return false;
    }
    managementService.setJobDuedate(job.getId(), PARKED_UNTIL, false);
    return true;
  }

  public static boolean isParked(Job job) {
    return job.getDuedate() != null && !job.getDuedate().before(PARKED_UNTIL);
  }

  Job pending(String processInstanceId, Step step) {
    return managementService.createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(step.overdueTimerId())
        .timers()
        .singleResult();
  }
}
