package org.pilotlifecycle.fourstage.process;

import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.fourstage.FourStageProperties;
import org.pilotlifecycle.fourstage.GapScores;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.CURRENT_STEP;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.PILOT_KEY;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_REASON;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.lifecycle.CheckRecorder;
import org.pilotlifecycle.framework.CheckResult;
import org.pilotlifecycle.lifecycle.ReadinessCheckDelegate;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;

/** Stage 1's gap assessment and go/no-go, and stage 2's readiness re-check. */
final class GoNoGoDelegates {

  private GoNoGoDelegates() {
  }

  /** "Score readiness gaps": validates the five scores (400 on bad input) and gives the decision its inputs. */
  @Component("scoreReadinessGapsDelegate")
  static class ScoreReadinessGapsDelegate implements JavaDelegate {
    private final FourStageProperties properties;

    ScoreReadinessGapsDelegate(FourStageProperties properties) {
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      GapScores scores = GapScores.read(execution);
      for (Dimension dimension : Dimension.values()) {
        execution.setVariable(dimension.passedVariable(), scores.passes(dimension, properties.dimensionPassScore()));
      }
      execution.setVariable(PASSED_DIMENSIONS, scores.passing(properties.dimensionPassScore()));
    }
  }

  /** "Record go/no-go outcome": keeps the decision table's outcome on the pilot and in plain variables. */
  @Component("recordGoNoGoOutcomeDelegate")
  static class RecordGoNoGoOutcomeDelegate implements JavaDelegate {
    private final PilotAuditTrail auditTrail;
    private final FourStageProperties properties;

    RecordGoNoGoOutcomeDelegate(PilotAuditTrail auditTrail, FourStageProperties properties) {
      this.auditTrail = auditTrail;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object result = execution.getVariable(GO_NO_GO_RESULT);
      if (!(result instanceof Map<?, ?> decision) || decision.get(GO_NO_GO_OUTCOME) == null) {
        throw new IllegalStateException("The decision " + FourStageProcess.GO_NO_GO_DECISION_ID + " gave no outcome");
      }
      String outcome = decision.get(GO_NO_GO_OUTCOME).toString();
      Object carried = decision.get(CARRIED_OVER_DIMENSION);
      String carriedOver = carried == null || carried.toString().isBlank() ? null : carried.toString();
      execution.setVariable(GO_NO_GO_OUTCOME, outcome);
      if (carriedOver == null) {
        execution.removeVariable(CARRIED_OVER_DIMENSION);
      } else {
        execution.setVariable(CARRIED_OVER_DIMENSION, carriedOver);
      }
      execution.removeVariable(GO_NO_GO_RESULT);
      Map<String, Object> facts = GapScores.read(execution).asFacts(properties.dimensionPassScore());
      if (carriedOver != null) {
        facts.put("carriedOverDimension", carriedOver);
      }
      auditTrail.record((String) execution.getVariable(PILOT_KEY),
          AuditRecord.of(AuditEntryType.CHECK, (String) execution.getVariable(CURRENT_STEP))
              .name("GO_NO_GO").outcome(outcome)
              .reason(execution.getVariable(PASSED_DIMENSIONS) + " of 5 dimensions pass"
                  + (carriedOver == null ? "" : "; " + carriedOver + " becomes a stage 2 workstream"))
              .details(facts));
    }
  }

  /** "Record no-go decision": remediate and reassess, or stop; a reason is required. */
  @Component("recordNoGoDecisionDelegate")
  static class RecordNoGoDecisionDelegate implements JavaDelegate {
    private final PilotAuditTrail auditTrail;

    RecordNoGoDecisionDelegate(PilotAuditTrail auditTrail) {
      this.auditTrail = auditTrail;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String decision = String.valueOf(execution.getVariable(NO_GO_DECISION)).strip().toUpperCase();
      if (!"REMEDIATE".equals(decision) && !"STOP".equals(decision)) {
        throw new FormFieldValidationException(NO_GO_DECISION, NO_GO_DECISION + ": choose REMEDIATE or STOP");
      }
      String reason = Reasons.required(execution, NO_GO_REASON);
      execution.setVariable(NO_GO_DECISION, decision);
      if ("STOP".equals(decision)) {
        execution.setVariable(STOP_REASON, reason);
      }
      auditTrail.record((String) execution.getVariable(PILOT_KEY),
          AuditRecord.of(AuditEntryType.STEERING_DECISION, (String) execution.getVariable(CURRENT_STEP))
              .name("No-go").actor(CurrentUser.of(execution.getProcessEngineServices())).outcome(decision).reason(reason));
    }
  }

  /** "Check production readiness" (async): all five dimensions must pass the re-assessment. */
  @Component("checkProductionReadinessDelegate")
  static class CheckProductionReadinessDelegate extends ReadinessCheckDelegate {
    private final FourStageProperties properties;

    CheckProductionReadinessDelegate(CheckRecorder recorder, FourStageProperties properties) {
      super(recorder, PRODUCTION_READINESS_CHECK_PASSED, true);
      this.properties = properties;
    }

    @Override
    protected CheckResult check(DelegateExecution execution) {
      int passScore = properties.dimensionPassScore();
      GapScores scores;
      try {
        scores = GapScores.read(execution);
      } catch (FormFieldValidationException e) {
        return CheckResult.of("PRODUCTION_READINESS", "", java.util.List.of(e.getMessage()), Map.of());
      }
      java.util.List<String> reasons = new java.util.ArrayList<>();
      for (Dimension dimension : Dimension.values()) {
        if (!scores.passes(dimension, passScore)) {
          reasons.add(dimension.label() + " scores " + scores.scores().get(dimension) + ", below " + passScore + ".");
        }
      }
      return CheckResult.of("PRODUCTION_READINESS", "All five dimensions score " + passScore + " or more.", reasons,
          scores.asFacts(passScore));
    }
  }
}
