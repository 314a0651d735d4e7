package org.pilotlifecycle.lifecycle;

import org.pilotlifecycle.framework.Step;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP_LABEL;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_DUE_DATE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STEP_FEEDBACK;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.people.PilotPeople;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;
import org.pilotlifecycle.notification.Notifications;

/**
 * The bookkeeping both framework diagrams call through expressions: a phase or stage starts (the
 * pilot's current step and due date), its overdue timer's cycle, a deliverable is submitted, a step is
 * overdue.
 */
@Component
public class StepLifecycle {

  /** How many times the steering committee is reminded of a step that stays overdue. */
  static final int OVERDUE_REMINDERS = 52;
  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  private final StepSchedule schedule;
  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final Notifications notifications;
  private final PilotPeople people;

  StepLifecycle(StepSchedule schedule, PilotRegistry registry, PilotAuditTrail auditTrail,
      Notifications notifications, PilotPeople people) {
    this.people = people;
    this.schedule = schedule;
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.notifications = notifications;
  }

  public void started(DelegateExecution execution, String stepName) {
    Step step = Step.named(stepName);
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    Instant due = schedule.dueIfStartedNow(pilotKey, step);
    execution.setVariable(CURRENT_STEP, step.name());
    execution.setVariable(CURRENT_STEP_LABEL, step.title());
    execution.setVariable(STEP_DUE_DATE, Date.from(due));
    execution.removeVariable(STEP_FEEDBACK);
    registry.enterStep(pilotKey, step.name(), due);
  }

  /**
   * The overdue timer: first when the step falls due, then again every reminder period while it stays
   * overdue. Evaluated when the step's scope is entered, before {@link #started}: it must not rely on
   * what that sets. Extending the deadline moves the pending occurrence (see {@link OverdueTimers}).
   */
  public String overdueCycle(DelegateExecution execution, String stepName) {
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    Instant due = schedule.dueIfStartedNow(pilotKey, Step.named(stepName));
    return "R" + OVERDUE_REMINDERS + "/" + ISO_SECONDS.format(due) + "/" + schedule.overdueReminder();
  }

  public void deliverableSubmitted(DelegateTask task) {
    String actor = CurrentUser.of(task.getProcessEngineServices());
    if (actor == null) {
      actor = task.getAssignee();
    }
    VariableScope process = processOf(task);
    String pilotKey = (String) process.getVariable(PILOT_KEY);
    auditTrail.record(pilotKey,
        AuditRecord.of(AuditEntryType.DELIVERABLE_SUBMITTED, (String) process.getVariable(CURRENT_STEP))
            .name(task.getTaskDefinitionKey()).actor(actor)
            .details(GateDecisions.asDeputy(snapshot(task.getVariables()), people.actingFor(pilotKey, actor))));
  }

  public void overdue(DelegateTask task) {
    notifications.escalated(task);
    VariableScope process = processOf(task);
    auditTrail.record((String) process.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.STEP_OVERDUE, (String) process.getVariable(CURRENT_STEP))
            .details(Map.of("dueAt", String.valueOf(process.getVariable(STEP_DUE_DATE)))));
  }

  /**
   * Where a task's pilot and step are read: its execution, not the task, whose task-local copies of the card
   * variables (TaskCardVariables) would be found first.
   */
  static VariableScope processOf(DelegateTask task) {
    return task.getExecution() != null ? task.getExecution() : task;
  }

  /** The evidence as submitted: every plain value of the process, in name order. */
  public static Map<String, Object> snapshot(Map<String, Object> variables) {
    Map<String, Object> evidence = new TreeMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        evidence.put(name, value);
      } else if (value instanceof Date date) {
        evidence.put(name, date.toInstant().toString());
      }
    });
    return evidence;
  }
}
