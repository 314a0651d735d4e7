package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Decisions;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.stereotype.Component;

/**
 * "Schedule re-certification": due the interval of the decision table after the production date, or after the
 * re-certification just done ({@code recertifiedBy}); recorded on the pilot (the stuck list reads it there).
 */
@Component
class ScheduleRecertificationDelegate implements JavaDelegate {

  private static final java.time.format.DateTimeFormatter ISO_SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);
  /** How many times the steering committee is reminded of a re-certification that stays overdue. */
  static final int OVERDUE_REMINDERS = 52;

  private final PilotRegistry registry;
  private final ProductionProperties properties;
  private final java.time.Clock clock;

  ScheduleRecertificationDelegate(PilotRegistry registry, ProductionProperties properties, java.time.Clock clock) {
    this.registry = registry;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    Pilot pilot = registry.get(variables.pilotKey());
    java.time.Period interval = java.time.Period.parse(variables.text(RECERTIFICATION_INTERVAL));
    String recertifiedBy = variables.text(RECERTIFIED_BY);
    java.time.Instant now = clock.instant();
    java.time.Instant from = recertifiedBy != null ? now : pilot.getInProductionAt();
    java.time.Instant due = from.atZone(java.time.ZoneOffset.UTC).plus(interval).toInstant();
    java.time.Instant opens = due.minus(properties.recertificationWindow());
    registry.scheduleRecertification(pilot.getKey(), due, recertifiedBy, variables.actor());
    execution.setVariable(RECERTIFICATION_DUE_AT, java.util.Date.from(due));
    execution.setVariable(RECERTIFICATION_OPENS_AT, java.util.Date.from(opens.isBefore(now) ? now : opens));
    execution.setVariable(RECERTIFICATION_OVERDUE_CYCLE,
        "R" + OVERDUE_REMINDERS + "/" + ISO_SECONDS.format(due) + "/" + properties.overdueReminder());
    execution.removeVariable(RECERTIFIED_BY);
    execution.removeVariable(RECERTIFICATION_FEEDBACK);
  }
}
