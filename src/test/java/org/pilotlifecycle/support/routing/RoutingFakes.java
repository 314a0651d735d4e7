package org.pilotlifecycle.support.routing;

import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_APPROVED;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.GATE_DECISION;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.HUMAN_IN_THE_LOOP_REQUIRED;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.RISK_CLASSIFICATION;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.RISK_TIER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Hand-written stand-ins for the delegates the diagrams share. */
public final class RoutingFakes {

  private RoutingFakes() {
  }

  /** "Record gate decision": the gate's decision (APPROVE or REJECT) becomes the flag gateApproved. */
  public static JavaDelegate recordGateDecision() {
    return execution -> {
      execution.setVariable(GATE_APPROVED, "APPROVE".equals(execution.getVariable(GATE_DECISION)));
      execution.removeVariable(GATE_DECISION);
    };
  }

  /** "Record risk tier": the risk decision's single result (riskClassification) becomes the two flags. */
  public static JavaDelegate recordRiskTier() {
    return execution -> {
      Map<?, ?> classification = (Map<?, ?>) execution.getVariable(RISK_CLASSIFICATION);
      execution.setVariable(RISK_TIER, classification.get(RISK_TIER));
      execution.setVariable(HUMAN_IN_THE_LOOP_REQUIRED, classification.get(HUMAN_IN_THE_LOOP_REQUIRED));
      execution.removeVariable(RISK_CLASSIFICATION);
    };
  }

  /** A delegate that only remembers the activities it ran in. */
  public static final class Recording implements JavaDelegate {
    public final List<String> activities = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      activities.add(execution.getCurrentActivityId());
    }
  }

  /** Stands in for the lifecycle's {@code decisionForms} bean: the diagram calls it when a decision task opens. */
  public static class DecisionFormsFake {
    public final java.util.List<String> opened = new java.util.ArrayList<>();

    public void openEmpty(org.camunda.bpm.engine.delegate.DelegateTask task) {
      opened.add(task.getTaskDefinitionKey());
    }
  }

  /**
   * Stands in for the {@code pilotPeople} bean the diagrams' candidate expressions call: a pilot that names
   * nobody, so each task goes to its role's group (the steering committee's tasks name their group directly).
   */
  public static class PilotPeopleFake {

    public java.util.List<String> users(org.camunda.bpm.engine.delegate.VariableScope execution, String role) {
      return java.util.List.of();
    }

    public java.util.List<String> groupIfNobodyNamed(org.camunda.bpm.engine.delegate.VariableScope execution,
        String role) {
      return org.pilotlifecycle.framework.PilotRole.named(role).groupId().map(java.util.List::of)
          .orElse(java.util.List.of());
    }

    public java.util.List<String> approvers(org.camunda.bpm.engine.delegate.VariableScope execution, String role) {
      return users(execution, role);
    }

    public java.util.List<String> approverGroupIfNobodyNamed(org.camunda.bpm.engine.delegate.VariableScope execution,
        String role) {
      return groupIfNobodyNamed(execution, role);
    }
  }
}
