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
}
