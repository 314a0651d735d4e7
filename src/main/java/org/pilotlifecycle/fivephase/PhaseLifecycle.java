package org.pilotlifecycle.fivephase;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.CURRENT_PHASE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.PHASE_DUE_DATE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.PHASE_FEEDBACK;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.PILOT_KEY;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pilotlifecycle.system.CurrentUser;
import org.pilotlifecycle.fivephase.FivePhaseProcess.Phase;
import org.pilotlifecycle.pilot.PilotAuditTrail;
import org.pilotlifecycle.pilot.PilotEventRecord;
import org.pilotlifecycle.pilot.PilotEventType;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * The phase bookkeeping the diagram calls through expressions: a phase starts (the pilot's current
 * step and due date), its overdue timer's cycle, a deliverable is submitted, a phase is overdue.
 */
@Component("phaseLifecycle")
public class PhaseLifecycle {

  /** How many times the steering committee is reminded of a phase that stays overdue. */
  static final int OVERDUE_REMINDERS = 52;
  static final String CURRENT_PHASE_LABEL = "currentPhaseLabel";
  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private final PhaseSchedule schedule;
  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;

  PhaseLifecycle(PhaseSchedule schedule, PilotRegistry registry, PilotAuditTrail auditTrail) {
    this.schedule = schedule;
    this.registry = registry;
    this.auditTrail = auditTrail;
  }

  public void started(DelegateExecution execution, String phaseName) {
    Phase phase = Phase.valueOf(phaseName);
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    Instant due = schedule.dueIfStartedNow(pilotKey, phase);
    execution.setVariable(CURRENT_PHASE, phase.name());
    execution.setVariable(CURRENT_PHASE_LABEL, "Phase " + phase.number() + ": " + phase.label());
    execution.setVariable(PHASE_DUE_DATE, Date.from(due));
    execution.removeVariable(PHASE_FEEDBACK);
    registry.enterStep(pilotKey, phase.name(), due);
    auditTrail.record(pilotKey, PilotEventRecord.of(PilotEventType.STEP_STARTED, phase.name())
        .details(Map.of("dueAt", due.toString())));
  }

  /**
   * The overdue timer: first when the phase falls due, then again every reminder period while it stays
   * overdue. Extending the deadline moves the pending occurrence (see {@link OverdueTimers}).
   */
  public String overdueCycle(DelegateExecution execution, String phaseName) {
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    Instant due = schedule.dueIfStartedNow(pilotKey, Phase.valueOf(phaseName));
    return "R" + OVERDUE_REMINDERS + "/" + ISO_SECONDS.format(due) + "/" + schedule.overdueReminder();
  }

  public void deliverableSubmitted(DelegateTask task) {
    String actor = CurrentUser.of(task.getProcessEngineServices());
    if (actor == null) {
      actor = task.getAssignee();
    }
    auditTrail.record((String) task.getVariable(PILOT_KEY),
        PilotEventRecord.of(PilotEventType.DELIVERABLE_SUBMITTED, (String) task.getVariable(CURRENT_PHASE))
            .name(task.getTaskDefinitionKey()).actor(actor).details(snapshot(task.getVariables())));
  }

  public void overdue(DelegateTask task) {
    auditTrail.record((String) task.getVariable(PILOT_KEY),
        PilotEventRecord.of(PilotEventType.STEP_OVERDUE, (String) task.getVariable(CURRENT_PHASE))
            .details(Map.of("dueAt", String.valueOf(task.getVariable(PHASE_DUE_DATE)))));
  }

  /** The evidence as submitted: every plain value of the process, in name order. */
  static Map<String, Object> snapshot(Map<String, Object> variables) {
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
