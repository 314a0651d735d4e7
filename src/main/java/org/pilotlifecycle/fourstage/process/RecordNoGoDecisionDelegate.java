package org.pilotlifecycle.fourstage.process;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_REASON;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE_TEXT;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.lifecycle.StopRootCauses;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;

/** "Record no-go decision": remediate and reassess, or stop (naming its root cause); a reason is required. */
@Component
class RecordNoGoDecisionDelegate implements JavaDelegate {
  private final PilotAuditTrail auditTrail;

  RecordNoGoDecisionDelegate(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = String.valueOf(execution.getVariable(NO_GO_DECISION)).strip().toUpperCase();
    if (!"REMEDIATE".equals(decision) && !"STOP".equals(decision)) {
      throw InvalidFieldsException.of(NO_GO_DECISION, "choose REMEDIATE or STOP");
    }
    String reason = Reasons.required(NO_GO_REASON, execution.getVariable(NO_GO_REASON));
    RootCause.Stated rootCause = "STOP".equals(decision) ? RootCause.required(STOP_ROOT_CAUSE,
        execution.getVariable(STOP_ROOT_CAUSE), STOP_ROOT_CAUSE_TEXT, execution.getVariable(STOP_ROOT_CAUSE_TEXT)) : null;
    execution.setVariable(NO_GO_DECISION, decision);
    StopRootCauses.set(execution, rootCause);
    if ("STOP".equals(decision)) {
      execution.setVariable(STOP_REASON, reason);
    }
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    StopRootCauses.put(details, rootCause);
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.STEERING_DECISION, (String) execution.getVariable(CURRENT_STEP))
            .name("No-go").actor(CurrentUser.of(execution.getProcessEngineServices())).outcome(decision).reason(reason)
            .details(details.isEmpty() ? null : details));
  }
}
