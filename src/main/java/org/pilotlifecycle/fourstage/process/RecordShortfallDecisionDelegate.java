package org.pilotlifecycle.fourstage.process;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_REASON;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE_TEXT;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** "Record shortfall decision": extend the programme by some weeks, or stop (naming its root cause); a reason is required. */
@Component
class RecordShortfallDecisionDelegate implements JavaDelegate {
  static final int MAX_EXTENSION_WEEKS = 26;
  private final PilotAuditTrail auditTrail;

  RecordShortfallDecisionDelegate(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = String.valueOf(execution.getVariable(SHORTFALL_DECISION)).strip().toUpperCase();
    if (!"EXTEND".equals(decision) && !"STOP".equals(decision)) {
      throw InvalidFieldsException.of(SHORTFALL_DECISION, "choose EXTEND or STOP");
    }
    String reason = Reasons.required(SHORTFALL_REASON, execution.getVariable(SHORTFALL_REASON));
    RootCause.Stated rootCause = "STOP".equals(decision) ? RootCause.required(STOP_ROOT_CAUSE,
        execution.getVariable(STOP_ROOT_CAUSE), STOP_ROOT_CAUSE_TEXT, execution.getVariable(STOP_ROOT_CAUSE_TEXT)) : null;
    Map<String, Object> details = new LinkedHashMap<>();
    if ("EXTEND".equals(decision)) {
      Object value = execution.getVariable(EXTENSION_WEEKS);
      int weeks;
      try {
        weeks = value == null ? 0 : new BigDecimal(value.toString().strip()).intValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        weeks = 0;
      }
      if (weeks < 1 || weeks > MAX_EXTENSION_WEEKS) {
        throw InvalidFieldsException.of(EXTENSION_WEEKS, "a whole number of weeks from 1 to " + MAX_EXTENSION_WEEKS);
      }
      int programmeWeeks = ((Number) execution.getVariable(ADOPTION_PROGRAMME_WEEKS)).intValue() + weeks;
      execution.setVariable(ADOPTION_PROGRAMME_WEEKS, programmeWeeks);
      execution.setVariable(ADOPTION_PROGRAMME_OVER, false);
      details.put("extensionWeeks", weeks);
      details.put("programmeWeeks", programmeWeeks);
    } else {
      execution.setVariable(STOP_REASON, reason);
      StopRootCauses.put(details, rootCause);
    }
    StopRootCauses.set(execution, rootCause);
    execution.setVariable(SHORTFALL_DECISION, decision);
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.STEERING_DECISION, (String) execution.getVariable(CURRENT_STEP))
            .name("Adoption shortfall").actor(CurrentUser.of(execution.getProcessEngineServices()))
            .outcome(decision).reason(reason).details(details));
  }
}
