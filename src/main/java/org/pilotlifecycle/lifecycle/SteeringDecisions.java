package org.pilotlifecycle.lifecycle;

import java.time.Instant;
import java.util.Map;

import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the steering committee's decisions on an overdue step: the pilot's transition (which the
 * audit trail and the notifications follow) together with the step's overdue timer and its open tasks' due
 * dates, in one transaction.
 */
@Service
public class SteeringDecisions {

  private final PilotRegistry registry;
  private final OverdueTimers timers;
  private final PilotAuditTrail auditTrail;
  private final OpenTaskDueDates openTasks;

  SteeringDecisions(PilotRegistry registry, OverdueTimers timers, PilotAuditTrail auditTrail,
      OpenTaskDueDates openTasks) {
    this.openTasks = openTasks;
    this.registry = registry;
    this.timers = timers;
    this.auditTrail = auditTrail;
  }

  /**
   * A new due date: the step's pending overdue timer moves to it (later reminders keep their distance).
   *
   * @return false when the step has no pending timer any more (it ended meanwhile): the pilot is not
   *     changed, and the audit trail says the decision found nothing to extend
   */
  @Transactional
  public boolean extend(String processInstanceId, String pilotKey, Step step, Instant due, String actor, String reason) {
    boolean rearmed = timers.moveTo(processInstanceId, step, due);
    if (rearmed) {
      registry.extendDeadline(pilotKey, due, actor, reason);
      openTasks.moveTo(processInstanceId, due);
    } else {
      auditTrail.record(pilotKey, AuditRecord.of(AuditEntryType.DEADLINE_EXTENDED, step.name()).actor(actor)
          .reason(reason).details(Map.of("newDueAt", due.toString(), "timerRearmed", false)));
    }
    return rearmed;
  }

  /** On hold: the step's reminders are parked until the pilot is resumed. */
  @Transactional
  public void pause(String processInstanceId, String pilotKey, Step step, String actor, String reason) {
    registry.putOnHold(pilotKey, reason, actor);
    timers.park(processInstanceId, step);
  }

  /** Back to work, due at {@code due}; the parked timer moves there. */
  @Transactional
  public void resume(String processInstanceId, String pilotKey, Step step, Instant due, String actor, String note) {
    timers.moveTo(processInstanceId, step, due);
    registry.resume(pilotKey, due, actor, note);
    openTasks.moveTo(processInstanceId, due);
  }
}
