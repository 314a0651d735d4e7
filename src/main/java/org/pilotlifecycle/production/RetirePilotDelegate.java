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
 * "Retire pilot", the gate of the retirement: every item of the decommissioning checklist ticked (400 naming the
 * others, the task stays open); DECOMMISSIONING in the audit trail; the pilot RETIRED with the date and the root cause
 * the retirement decision named ({@link RetirementRootCauses#carried}: 400 naming {@code retirementRootCause} when a
 * retirement was started without one, e.g. by moving the token in Cockpit).
 */
@Component
class RetirePilotDelegate implements JavaDelegate {

  static final java.util.List<String> CHECKLIST = java.util.List.of(ENDPOINT_SWITCHED_OFF, DATA_RETENTION_HANDLED,
      USERS_INFORMED, MODEL_ARCHIVED);

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;

  RetirePilotDelegate(PilotRegistry registry, PilotAuditTrail auditTrail) {
    this.registry = registry;
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariables variables = ProcessVariables.of(execution);
    var missing = CHECKLIST.stream().filter(item -> !variables.flag(item))
        .map(item -> new org.pilotlifecycle.web.FieldProblem(item, "must be done before the pilot is retired")).toList();
    if (!missing.isEmpty()) {
      throw new org.pilotlifecycle.web.InvalidFieldsException("Decommissioning incomplete", "The decommissioning "
          + "checklist is incomplete: " + String.join(", ", missing.stream().map(p -> p.field()).toList()), missing);
    }
    String notes = Reasons.optional(DECOMMISSIONING_NOTES, variables.raw(DECOMMISSIONING_NOTES));
    String key = variables.pilotKey();
    var rootCause = RetirementRootCauses.carried(variables);
    auditTrail.record(key, AuditRecord.of(AuditEntryType.DECOMMISSIONING, Pilot.IN_PRODUCTION).name("Decommissioning")
        .actor(variables.actor()).outcome("SIGNED_OFF").reason(notes)
        .details(java.util.Map.of("checklist", CHECKLIST)));
    registry.retire(key, variables.text(RETIREMENT_REASON), rootCause, variables.actor());
  }
}
