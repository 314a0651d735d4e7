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

/** "Gather production dashboard": the latest KPIs and the open signals, for the monthly review form. */
@Component
class GatherProductionDashboardDelegate implements JavaDelegate {

  private final RealisedValue realisedValue;
  private final MonitoringSignals signals;

  GatherProductionDashboardDelegate(RealisedValue realisedValue, MonitoringSignals signals) {
    this.realisedValue = realisedValue;
    this.signals = signals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = ProcessVariables.of(execution).pilotKey();
    execution.setVariable(LATEST_KPIS, realisedValue.latestSummary(key));
    execution.setVariables(signals.listVariables(key));
  }
}
