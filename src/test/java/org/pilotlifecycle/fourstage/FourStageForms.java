package org.pilotlifecycle.fourstage;

import static org.pilotlifecycle.fourstage.FourStageProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;

/** Valid submissions of each four-stage form, as Tasklist sends them. */
public final class FourStageForms {

  private FourStageForms() {
  }

  public static Map<String, Object> validationEvidence() {
    Map<String, Object> form = new HashMap<>();
    form.put("realDataEvidence", "Ran four weeks on the live claims feed");
    form.put("realUsersEvidence", "Twelve handlers used it in their daily work");
    form.put("realIntegrationEvidence", "Reads from and writes back to the claims system");
    form.put("pilotUsers", 12);
    return form;
  }

  /** Scores of the five dimensions: every one at {@code score}, but the ones named in {@code low} at 1. */
  public static Map<String, Object> scores(int score, Dimension... low) {
    Map<String, Object> form = new HashMap<>();
    for (Dimension dimension : Dimension.values()) {
      form.put(dimension.scoreVariable(), List.of(low).contains(dimension) ? 1 : score);
      form.put(dimension.scoreVariable().replace("Score", "Notes"), "Assessed with the team");
    }
    return form;
  }

  /** The reassessment in stage 2: the five scores (the ones in {@code low} at 1) and one note for all. */
  public static Map<String, Object> reassessment(int score, Dimension... low) {
    Map<String, Object> form = new HashMap<>();
    for (Dimension dimension : Dimension.values()) {
      form.put(dimension.scoreVariable(), List.of(low).contains(dimension) ? 1 : score);
    }
    form.put("reassessmentNotes", "Reassessed with the team");
    return form;
  }

  public static Map<String, Object> noGo(String decision, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put(NO_GO_DECISION, decision);
    form.put(NO_GO_REASON, reason);
    return form;
  }

  /** A stop after the no-go, naming its root cause (the text for OTHER). */
  public static Map<String, Object> noGo(String decision, String reason, String rootCause, String rootCauseText) {
    return withRootCause(noGo(decision, reason), rootCause, rootCauseText);
  }

  static Map<String, Object> withRootCause(Map<String, Object> form, String rootCause, String rootCauseText) {
    if (rootCause != null) {
      form.put("stopRootCause", rootCause);
    }
    if (rootCauseText != null) {
      form.put("stopRootCauseText", rootCauseText);
    }
    return form;
  }

  public static Map<String, Object> dataPipelines() {
    return Map.of("pipelineAutomationEvidence", "Nightly Airflow pipelines", "dataQualityChecks", "Great Expectations suite",
        "pipelinesInProduction", true);
  }

  public static Map<String, Object> integrationConnectors() {
    return Map.of("coreSystems", List.of("ERP", "CRM"), "connectorTestEvidence", "Contract tests against ERP and CRM");
  }

  public static Map<String, Object> governanceDocumentation() {
    return Map.of("monitoringFramework", "Dashboards and alerts", "escalationProtocol", "On-call then product owner",
        "exceptionHandling", "Manual queue for low-confidence cases");
  }

  public static Map<String, Object> remediation() {
    return Map.of("remediationEvidence", "Monitoring now covers drift and latency");
  }

  public static Map<String, Object> embeddingPlan() {
    return Map.of("workflowRedesign", "Triage step moved before intake", "trainingPlan", "Two sessions per team",
        "reportingStructures", "Weekly adoption report to the executive owner", "rolloutUserGroup", "Claims team North");
  }

  public static Map<String, Object> adoption(double rate) {
    Map<String, Object> form = new HashMap<>();
    form.put(ADOPTION_RATE, rate);
    form.put(ACTIVE_USERS, 20);
    form.put(ADOPTION_ISSUES, "");
    return form;
  }

  /** A stop after the shortfall, naming its root cause (the text for OTHER). */
  public static Map<String, Object> shortfall(String decision, String reason, String rootCause, String rootCauseText) {
    return withRootCause(shortfall(decision, null, reason), rootCause, rootCauseText);
  }

  public static Map<String, Object> shortfall(String decision, Integer weeks, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put(SHORTFALL_DECISION, decision);
    if (weeks != null) {
      form.put(EXTENSION_WEEKS, weeks);
    }
    form.put(SHORTFALL_REASON, reason);
    return form;
  }

  public static Map<String, Object> adoptionResults() {
    return Map.of("adoptionSummary", "Adoption above target for two weeks; issues resolved");
  }

  public static Map<String, Object> expansionPlan() {
    return Map.of("expansionBusinessUnits", "Claims South, Underwriting", "expansionGeographies", "DACH, Nordics",
        "furtherUseCases", "Fraud triage");
  }

  public static Map<String, Object> playbook() {
    return Map.of("playbookLocation", "https://wiki.example/scale-playbook", "handoffDocumentation", "Runbooks and owners");
  }

  public static Map<String, Object> dashboardReview() {
    return Map.of("dashboardNotes", "On track", "dashboardAction", "CONTINUE");
  }

  public static Map<String, Object> approve() {
    return new HashMap<>(Map.of(GATE_DECISION, "APPROVE"));
  }

  public static Map<String, Object> reject(String reason) {
    return new HashMap<>(Map.of(GATE_DECISION, "REJECT", GATE_REASON, reason));
  }
}
