package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.Step;

import org.pilotlifecycle.framework.DueDates;
import org.pilotlifecycle.framework.Reasons;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.NEW_DUE_DATE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.OVERDUE_DECISION;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.OVERDUE_REASON;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_DUE_DATE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_REASON;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;
import org.pilotlifecycle.notification.Notifications;

/** What happens when a phase or stage runs over: the steering committee extends, pauses or stops. */
final class OverdueDelegates {

  static final Set<String> DECISIONS = Set.of("EXTEND", "PAUSE", "STOP");
  static final String RESUME_NOTE = "resumeNote";

  private OverdueDelegates() {
  }

  static String pilotKey(DelegateExecution execution) {
    return (String) execution.getVariable(PILOT_KEY);
  }

  static Step phase(DelegateExecution execution) {
    return Step.named((String) execution.getVariable(CURRENT_STEP));
  }

  static String actor(DelegateExecution execution) {
    return CurrentUser.of(execution.getProcessEngineServices());
  }

  /** Validates the steering committee's decision right after its task, so a bad one is refused (400). */
  @Component("recordOverdueDecisionDelegate")
  static class RecordOverdueDecisionDelegate implements JavaDelegate {
    private final PilotAuditTrail auditTrail;
    private final Clock clock;

    RecordOverdueDecisionDelegate(PilotAuditTrail auditTrail, Clock clock) {
      this.auditTrail = auditTrail;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String decision = String.valueOf(execution.getVariable(OVERDUE_DECISION)).strip().toUpperCase();
      if (!DECISIONS.contains(decision)) {
        throw new FormFieldValidationException(OVERDUE_DECISION, OVERDUE_DECISION + ": choose EXTEND, PAUSE or STOP");
      }
      String reason = Reasons.required(execution, OVERDUE_REASON);
      Instant newDue = "EXTEND".equals(decision) ? DueDates.future(execution.getVariable(NEW_DUE_DATE), NEW_DUE_DATE, clock) : null;
      execution.setVariable(OVERDUE_DECISION, decision);
      if ("STOP".equals(decision)) {
        execution.setVariable(STOP_REASON, reason);
      }
      auditTrail.record(pilotKey(execution), AuditRecord.of(AuditEntryType.OVERDUE_DECISION, phase(execution).name())
          .actor(actor(execution)).outcome(decision).reason(reason)
          .details(newDue == null ? null : Map.of("newDueAt", newDue.toString())));
    }
  }

  @Component("extendDeadlineDelegate")
  static class ExtendDeadlineDelegate implements JavaDelegate {
    private final PilotRegistry registry;
    private final PilotAuditTrail auditTrail;
    private final OverdueTimers timers;
    private final Clock clock;

    ExtendDeadlineDelegate(PilotRegistry registry, PilotAuditTrail auditTrail, OverdueTimers timers, Clock clock) {
      this.registry = registry;
      this.auditTrail = auditTrail;
      this.timers = timers;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Step phase = phase(execution);
      Instant due = DueDates.future(execution.getVariable(NEW_DUE_DATE), NEW_DUE_DATE, clock);
      boolean rearmed = timers.moveTo(execution, phase, due);
      if (rearmed) {
        registry.extendDeadline(pilotKey(execution), due);
        execution.setVariable(STEP_DUE_DATE, Date.from(due));
      }
      auditTrail.record(pilotKey(execution), AuditRecord.of(AuditEntryType.DEADLINE_EXTENDED, phase.name())
          .actor(actor(execution)).reason((String) execution.getVariable(OVERDUE_REASON))
          .details(Map.of("newDueAt", due.toString(), "timerRearmed", rearmed)));
      clearDecision(execution);
    }
  }

  @Component("putPilotOnHoldDelegate")
  static class PutPilotOnHoldDelegate implements JavaDelegate {
    private final Notifications notifications;
    private final PilotRegistry registry;
    private final PilotAuditTrail auditTrail;
    private final OverdueTimers timers;

    PutPilotOnHoldDelegate(Notifications notifications, PilotRegistry registry, PilotAuditTrail auditTrail, OverdueTimers timers) {
      this.notifications = notifications;
      this.registry = registry;
      this.auditTrail = auditTrail;
      this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String reason = (String) execution.getVariable(OVERDUE_REASON);
      registry.putOnHold(pilotKey(execution), reason);
      notifications.statusChanged(pilotKey(execution), "is on hold", reason);
      // No reminders while on hold; the phase's work stays as it is.
      timers.park(execution, phase(execution));
      auditTrail.record(pilotKey(execution), AuditRecord.of(AuditEntryType.PUT_ON_HOLD, phase(execution).name())
          .actor(actor(execution)).reason(reason));
      clearDecision(execution);
    }
  }

  @Component("resumePilotDelegate")
  static class ResumePilotDelegate implements JavaDelegate {
    private final PilotRegistry registry;
    private final PilotAuditTrail auditTrail;
    private final OverdueTimers timers;
    private final Clock clock;

    ResumePilotDelegate(PilotRegistry registry, PilotAuditTrail auditTrail, OverdueTimers timers, Clock clock) {
      this.registry = registry;
      this.auditTrail = auditTrail;
      this.timers = timers;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Instant due = DueDates.future(execution.getVariable(NEW_DUE_DATE), NEW_DUE_DATE, clock);
      Step phase = phase(execution);
      timers.moveTo(execution, phase, due);
      registry.resume(pilotKey(execution), due);
      execution.setVariable(STEP_DUE_DATE, Date.from(due));
      Object note = execution.getVariable(RESUME_NOTE);
      auditTrail.record(pilotKey(execution), AuditRecord.of(AuditEntryType.RESUMED, phase.name())
          .actor(actor(execution)).reason(note == null ? null : note.toString())
          .details(Map.of("newDueAt", due.toString())));
      execution.removeVariable(NEW_DUE_DATE);
      execution.removeVariable(RESUME_NOTE);
    }
  }

  @Component("stopPilotDelegate")
  static class StopPilotDelegate implements JavaDelegate {
    private final Notifications notifications;
    private final PilotRegistry registry;
    private final PilotAuditTrail auditTrail;

    StopPilotDelegate(Notifications notifications, PilotRegistry registry, PilotAuditTrail auditTrail) {
      this.notifications = notifications;
      this.registry = registry;
      this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String reason = (String) execution.getVariable(STOP_REASON);
      registry.stop(pilotKey(execution), reason);
      notifications.statusChanged(pilotKey(execution), "is stopped", reason);
      auditTrail.record(pilotKey(execution), AuditRecord.of(AuditEntryType.STOPPED, phase(execution).name())
          .actor(actor(execution)).reason(reason));
    }
  }

  @Component("markPilotInProductionDelegate")
  static class MarkPilotInProductionDelegate implements JavaDelegate {
    private final Notifications notifications;
    private final PilotRegistry registry;
    private final PilotAuditTrail auditTrail;

    MarkPilotInProductionDelegate(Notifications notifications, PilotRegistry registry, PilotAuditTrail auditTrail) {
      this.notifications = notifications;
      this.registry = registry;
      this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Pilot pilot = registry.markInProduction(pilotKey(execution));
      notifications.statusChanged(pilot.getKey(), "is in production", null);
      auditTrail.record(pilot.getKey(), AuditRecord.of(AuditEntryType.IN_PRODUCTION, "IN_PRODUCTION")
          .details(Map.of("inProductionAt", pilot.getInProductionAt().toString(),
              "timeToProductionDays", pilot.timeToProduction().toHours() / 24.0)));
    }
  }

  static void clearDecision(DelegateExecution execution) {
    execution.removeVariable(OVERDUE_DECISION);
    execution.removeVariable(NEW_DUE_DATE);
  }
}
