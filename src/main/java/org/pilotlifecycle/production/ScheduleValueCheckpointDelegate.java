package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.springframework.stereotype.Component;

/** "Schedule value checkpoint": the next checkpoint, when it falls due, and the success metric for the form. */
@Component
class ScheduleValueCheckpointDelegate implements JavaDelegate {

  private final org.pilotlifecycle.pilot.PilotRegistry registry;
  private final ProductionProperties properties;

  ScheduleValueCheckpointDelegate(org.pilotlifecycle.pilot.PilotRegistry registry, ProductionProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var pilot = registry.get(variables.pilotKey());
    var checkpoints = new java.util.ArrayList<>(properties.valueCheckpoints().entrySet());
    var checkpoint = checkpoints.get(variables.whole(VALUE_CHECKPOINT_INDEX));
    execution.setVariable(VALUE_CHECKPOINT, checkpoint.getKey());
    execution.setVariable(VALUE_CHECKPOINT_LABEL, checkpoint.getValue().toDays() + " days in production");
    execution.setVariable(VALUE_CHECKPOINT_DUE_AT, java.util.Date.from(pilot.getInProductionAt().plus(checkpoint.getValue())));
    var metric = pilot.getSuccessMetric();
    boolean hasMetric = metric != null && metric.target() != null;
    execution.setVariable(HAS_SUCCESS_METRIC, hasMetric);
    execution.setVariable(KPI_NAME, hasMetric ? metric.name() : "");
    execution.setVariable(KPI_UNIT, hasMetric && metric.unit() != null ? metric.unit() : "");
    execution.setVariable(KPI_BASELINE, hasMetric && metric.baseline() != null ? metric.baseline().stripTrailingZeros().toPlainString() : "");
    execution.setVariable(KPI_TARGET, hasMetric ? metric.target().stripTrailingZeros().toPlainString() : "");
    // A new checkpoint starts from empty measurements (a returned one keeps what was recorded).
    for (String measurement : java.util.List.of(BUSINESS_KPI_MEASURED, MODEL_ACCURACY_PERCENT, MODEL_DRIFT_PERCENT,
        MODEL_LATENCY_MS, INCIDENT_COUNT, POLICY_VIOLATION_COUNT, AUDIT_FINDING_COUNT, VALUE_NOTES)) {
      execution.removeVariable(measurement);
    }
    execution.removeVariable(VALUE_FEEDBACK);
  }
}
