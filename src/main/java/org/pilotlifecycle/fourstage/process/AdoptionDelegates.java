package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProperties;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_REASON;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Stage 3's adoption programme: adoption is recorded weekly over the programme (90 days by default); the
 * stage may pass once adoption meets the target two weeks in a row; a programme that ends below target
 * goes to the steering committee (extend or stop).
 */
final class AdoptionDelegates {

  private AdoptionDelegates() {
  }

  /** "Start adoption programme": week 0, the clock of the weekly cadence starts now. */
  @Component("startAdoptionProgrammeDelegate")
  static class StartAdoptionProgrammeDelegate implements JavaDelegate {
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

  /** "Evaluate adoption": validates the week's figures (400 on bad input), counts the weeks at target. */
  @Component("evaluateAdoptionDelegate")
  static class EvaluateAdoptionDelegate implements JavaDelegate {
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
        throw new FormFieldValidationException(ADOPTION_RATE, ADOPTION_RATE + ": a percentage from 0 to 100");
      }
      BigDecimal users = number(execution.getVariable(ACTIVE_USERS));
      if (users == null || users.signum() < 0 || users.stripTrailingZeros().scale() > 0) {
        throw new FormFieldValidationException(ACTIVE_USERS, ACTIVE_USERS + ": a whole number, zero or more");
      }
      String issues = Reasons.optional(execution, ADOPTION_ISSUES);
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
      if (value == null || value.toString().isBlank()) {
        return null;
      }
      try {
        return new BigDecimal(value.toString().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** "Record shortfall decision": extend the programme by some weeks, or stop; a reason is required. */
  @Component("recordShortfallDecisionDelegate")
  static class RecordShortfallDecisionDelegate implements JavaDelegate {
    static final int MAX_EXTENSION_WEEKS = 26;
    private final PilotAuditTrail auditTrail;

    RecordShortfallDecisionDelegate(PilotAuditTrail auditTrail) {
      this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String decision = String.valueOf(execution.getVariable(SHORTFALL_DECISION)).strip().toUpperCase();
      if (!"EXTEND".equals(decision) && !"STOP".equals(decision)) {
        throw new FormFieldValidationException(SHORTFALL_DECISION, SHORTFALL_DECISION + ": choose EXTEND or STOP");
      }
      String reason = Reasons.required(execution, SHORTFALL_REASON);
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
          throw new FormFieldValidationException(EXTENSION_WEEKS,
              EXTENSION_WEEKS + ": a whole number of weeks from 1 to " + MAX_EXTENSION_WEEKS);
        }
        int programmeWeeks = ((Number) execution.getVariable(ADOPTION_PROGRAMME_WEEKS)).intValue() + weeks;
        execution.setVariable(ADOPTION_PROGRAMME_WEEKS, programmeWeeks);
        execution.setVariable(ADOPTION_PROGRAMME_OVER, false);
        details.put("extensionWeeks", weeks);
        details.put("programmeWeeks", programmeWeeks);
      } else {
        execution.setVariable(STOP_REASON, reason);
      }
      execution.setVariable(SHORTFALL_DECISION, decision);
      auditTrail.record((String) execution.getVariable(PILOT_KEY),
          AuditRecord.of(AuditEntryType.STEERING_DECISION, (String) execution.getVariable(CURRENT_STEP))
              .name("Adoption shortfall").actor(CurrentUser.of(execution.getProcessEngineServices()))
              .outcome(decision).reason(reason).details(details));
    }
  }
}
