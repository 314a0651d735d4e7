package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * "Record value checkpoint", the checkpoint's gate: CONFIRM by someone other than who recorded the values stores
 * every KPI and writes VALUE_CHECKPOINT (ON_TARGET or BELOW_TARGET); REJECT (with a reason) returns the values.
 */
@Component
class RecordValueCheckpointDelegate implements JavaDelegate {

  private final org.pilotlifecycle.pilot.PilotRegistry registry;
  private final RealisedValue realisedValue;
  private final org.pilotlifecycle.audit.PilotAuditTrail auditTrail;
  private final ProductionProperties properties;

  RecordValueCheckpointDelegate(org.pilotlifecycle.pilot.PilotRegistry registry, RealisedValue realisedValue,
      org.pilotlifecycle.audit.PilotAuditTrail auditTrail, ProductionProperties properties) {
    this.registry = registry;
    this.realisedValue = realisedValue;
    this.auditTrail = auditTrail;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var decision = org.pilotlifecycle.framework.Decisions.parse(ProductionDecisions.ValueConfirmation.class,
        VALUE_CONFIRMATION, variables.raw(VALUE_CONFIRMATION));
    ProductionDecisions.fourEyes(VALUE_CONFIRMATION, variables.actor(), variables.raw(VALUE_RECORDED_BY),
        "recorded these values");
    String key = variables.pilotKey();
    String checkpoint = variables.text(VALUE_CHECKPOINT);
    var record = org.pilotlifecycle.audit.AuditRecord.of(org.pilotlifecycle.audit.AuditEntryType.VALUE_CHECKPOINT,
        org.pilotlifecycle.pilot.Pilot.IN_PRODUCTION).name(checkpoint).actor(variables.actor());
    if (decision == ProductionDecisions.ValueConfirmation.REJECT) {
      String reason = org.pilotlifecycle.framework.Reasons.required(VALUE_CONFIRMATION_REASON,
          variables.raw(VALUE_CONFIRMATION_REASON));
      auditTrail.record(key, record.outcome("REJECTED").reason(reason));
      execution.setVariable(VALUE_CONFIRMED, false);
      execution.setVariable(VALUE_FEEDBACK, "Returned by " + variables.actor() + ": " + reason);
      return;
    }
    var readings = realisedValue.read(variables, registry.get(key));
    String recordedBy = variables.text(VALUE_RECORDED_BY);
    realisedValue.store(key, checkpoint, readings, recordedBy, variables.actor());
    var below = readings.stream().filter(KpiReading::belowTarget).map(KpiReading::kpi).toList();
    var details = new java.util.LinkedHashMap<String, Object>();
    details.put("recordedBy", recordedBy);
    details.put("kpis", readings.stream().map(KpiReading::line).toList());
    details.put("belowTarget", below);
    auditTrail.record(key, record.outcome(below.isEmpty() ? "ON_TARGET" : "BELOW_TARGET")
        .reason(org.pilotlifecycle.framework.Reasons.optional(VALUE_NOTES, variables.raw(VALUE_NOTES))).details(details));
    int next = variables.whole(VALUE_CHECKPOINT_INDEX) + 1;
    execution.setVariable(VALUE_CONFIRMED, true);
    execution.setVariable(VALUE_CHECKPOINT_INDEX, next);
    execution.setVariable(MORE_VALUE_CHECKPOINTS, next < properties.valueCheckpoints().size());
  }
}
