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

/** "Pause pilot": PAUSED, with the reason of the decision that paused it. */
@Component
class PausePilotDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  PausePilotDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    registry.pause(variables.pilotKey(), variables.text(PAUSE_REASON), variables.actor());
  }
}
