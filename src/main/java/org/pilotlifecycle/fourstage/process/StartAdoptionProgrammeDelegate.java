package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProperties;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.springframework.stereotype.Component;

/** "Start adoption programme": week 0, the clock of the weekly cadence starts now. */
@Component
class StartAdoptionProgrammeDelegate implements JavaDelegate {
  private final FourStageProperties properties;
  private final PilotAuditTrail auditTrail;
  private final Clock clock;

  StartAdoptionProgrammeDelegate(FourStageProperties properties, PilotAuditTrail auditTrail, Clock clock) {
    this.properties = properties;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    execution.setVariable(ADOPTION_PROGRAMME_START, Date.from(now));
    execution.setVariable(ADOPTION_WEEK, 0);
    execution.setVariable(ADOPTION_WEEKS_AT_TARGET, 0);
    execution.setVariable(ADOPTION_PROGRAMME_WEEKS, properties.adoptionProgrammeWeeks());
    execution.setVariable(ADOPTION_TARGET_PERCENT, properties.adoptionTargetPercent());
    execution.setVariable(ADOPTION_TARGET_REACHED, false);
    execution.setVariable(ADOPTION_PROGRAMME_OVER, false);
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.STEP_STARTED, (String) execution.getVariable(CURRENT_STEP))
            .name("Adoption programme").details(Map.of("weeks", properties.adoptionProgrammeWeeks(),
                "targetPercent", properties.adoptionTargetPercent())));
  }
}
