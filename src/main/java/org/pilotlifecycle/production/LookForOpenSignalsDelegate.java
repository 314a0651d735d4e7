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

/** "Look for open signals": how many open signals wait, and their list for the review forms. */
@Component
class LookForOpenSignalsDelegate implements JavaDelegate {

  private final MonitoringSignals signals;

  LookForOpenSignalsDelegate(MonitoringSignals signals) {
    this.signals = signals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(signals.listVariables(ProcessVariables.of(execution).pilotKey()));
  }
}
