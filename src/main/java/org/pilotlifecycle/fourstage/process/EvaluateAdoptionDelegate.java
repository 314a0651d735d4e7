package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProperties;
import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;

/** "Evaluate adoption": validates the week's figures (400 on bad input), counts the weeks at target. */
@Component
class EvaluateAdoptionDelegate implements JavaDelegate {
  private final FourStageProperties properties;
  private final PilotAuditTrail auditTrail;

  EvaluateAdoptionDelegate(FourStageProperties properties, PilotAuditTrail auditTrail) {
    this.properties = properties;
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal rate = number(execution.getVariable(ADOPTION_RATE));
    if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw InvalidFieldsException.of(ADOPTION_RATE, "a percentage from 0 to 100");
    }
    BigDecimal users = number(execution.getVariable(ACTIVE_USERS));
    if (users == null || users.signum() < 0 || users.stripTrailingZeros().scale() > 0
        || users.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw InvalidFieldsException.of(ACTIVE_USERS, "a whole number, zero or more");
    }
    String issues = Reasons.optional(ADOPTION_ISSUES, execution.getVariable(ADOPTION_ISSUES));
    int week = ((Number) execution.getVariable(ADOPTION_WEEK)).intValue() + 1;
    int programmeWeeks = ((Number) execution.getVariable(ADOPTION_PROGRAMME_WEEKS)).intValue();
    boolean atTarget = rate.doubleValue() >= properties.adoptionTargetPercent();
    int streak = atTarget ? ((Number) execution.getVariable(ADOPTION_WEEKS_AT_TARGET)).intValue() + 1 : 0;
    boolean reached = streak >= properties.adoptionWeeksAtTarget();
    execution.setVariable(ADOPTION_WEEK, week);
    execution.setVariable(ADOPTION_WEEKS_AT_TARGET, streak);
    execution.setVariable(ADOPTION_TARGET_REACHED, reached);
    execution.setVariable(ADOPTION_PROGRAMME_OVER, !reached && week >= programmeWeeks);
    execution.setVariable(LAST_ADOPTION_RATE, rate.doubleValue());
    // Tasklist fills a form from variables of the same name: next week's record starts empty.
    execution.removeVariable(ADOPTION_RATE);
    execution.removeVariable(ACTIVE_USERS);
    execution.removeVariable(ADOPTION_ISSUES);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("week", week);
    facts.put("adoptionRate", rate);
    facts.put("activeUsers", users.intValue());
    facts.put("weeksAtTarget", streak);
    facts.put("targetPercent", properties.adoptionTargetPercent());
    auditTrail.record((String) execution.getVariable(PILOT_KEY),
        AuditRecord.of(AuditEntryType.ADOPTION_MEASURED, (String) execution.getVariable(CURRENT_STEP))
            .name("Week " + week).actor(CurrentUser.of(execution.getProcessEngineServices()))
            .outcome(atTarget ? "AT_TARGET" : "BELOW_TARGET").reason(issues.isEmpty() ? null : issues)
            .details(facts));
  }

  private static BigDecimal number(Object value) {
    return ProcessVariables.decimal(value);
  }
}
