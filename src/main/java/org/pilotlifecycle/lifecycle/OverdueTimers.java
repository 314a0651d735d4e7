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
 *
 * <p>Every move of the due date cascades, parking included. The engine computes a cycle timer's next
 * occurrence ({@code TimerEntity.calculateNewDueDate}, {@code DurationHelper.getDateAfterRepeat}) from the
 * cycle's start date and the job's {@code repeatOffset}, the sum of all cascaded moves: it takes the fire time
 * minus the offset, finds the next occurrence of the original cycle after it, and adds the offset back. A park
 * without cascade left the offset out of step with the due date; the resume's cascade then added
 * (new due - 9999-12-31), so the follow-up occurrence was sought near the year 9999, beyond the cycle's last
 * repetition: the first reminder after a resume was the last. Parked with cascade, park and resume add up to
 * (new due - old due) and the weekly cycle goes on from the new date.
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
    // Cascade, so that the resume's move brings the cycle back in step (see the class comment).
    managementService.setJobDuedate(job.getId(), PARKED_UNTIL, true);
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
