package org.pilotlifecycle.fivephase;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.*;
import static org.pilotlifecycle.lifecycle.LifecycleVariables.*;

import java.util.HashMap;
import java.util.Map;

/** Valid submissions of each five-phase form, as Tasklist sends them; tests change one value to fail a check. */
public final class FivePhaseForms {

  private FivePhaseForms() {
  }

  public static Map<String, Object> successMetric() {
    Map<String, Object> form = new HashMap<>();
    form.put(KPI_CATEGORY, "PRODUCTIVITY");
    form.put(KPI_NAME, "Claims processing time");
    form.put(KPI_UNIT, "minutes per claim");
    form.put(KPI_BASELINE, 50);
    form.put(KPI_TARGET, 30);
    form.put(MEASUREMENT_METHOD, "Median handling time from the claims system, weekly");
    form.put(ANNUAL_VALUE, 3200000);
    form.put(LINE_MANAGER, "lena");
    return form;
  }

  public static Map<String, Object> dataReadiness(int levels) {
    Map<String, Object> form = new HashMap<>();
    DATA_DIMENSIONS.forEach(dimension -> form.put(dimension, levels));
    form.put("pipelinesValidated", true);
    form.put("pipelinesVersioned", true);
    form.put("featureStoreInPlace", true);
    form.put("dataAccessResolved", true);
    form.put("identityAndRefreshDefined", true);
    form.put("pipelineEvidence", "Airflow DAGs with Great Expectations validation, DVC versioning, Feast");
    form.put("permissionsEvidence", "Access granted by the data owner; nightly refresh");
    return form;
  }

  public static Map<String, Object> productionPerformance(double pilot, double production) {
    Map<String, Object> form = new HashMap<>();
    form.put(PERFORMANCE_METRIC, "F1 on production claims");
    form.put(PILOT_PERFORMANCE, pilot);
    form.put(PRODUCTION_PERFORMANCE, production);
    return form;
  }

  public static Map<String, Object> mlopsEvidence(boolean allAutomatic) {
    Map<String, Object> form = new HashMap<>();
    form.put("cicdEvidence", "GitLab CI with model tests; weekly retraining");
    form.put("monitoringEvidence", "Evidently dashboards for accuracy, drift, latency and the KPI");
    form.put("infrastructureEvidence", "Terraform, containers on Kubernetes with autoscaling");
    form.put("modelRegistryEvidence", "MLflow registry with versioning and rollback");
    form.put(DEPLOYS_NEW_VERSION_AUTOMATICALLY, true);
    form.put(DETECTS_DRIFT_AUTOMATICALLY, true);
    form.put(TRIGGERS_RETRAINING_AUTOMATICALLY, allAutomatic);
    return form;
  }

  public static Map<String, Object> costModel(int pilotCost, int projected, String justification) {
    Map<String, Object> form = new HashMap<>();
    form.put(PILOT_COST, pilotCost);
    form.put(PROJECTED_PRODUCTION_COST, projected);
    form.put(COST_JUSTIFICATION, justification);
    return form;
  }

  public static Map<String, Object> riskInputs(boolean affectsIndividuals, String autonomy) {
    Map<String, Object> form = new HashMap<>();
    form.put("affectsIndividuals", affectsIndividuals);
    form.put("regulatedDomain", false);
    form.put("processesPersonalData", true);
    form.put("autonomy", autonomy);
    return form;
  }

  public static Map<String, Object> humanInTheLoopDesign() {
    return Map.of("hitlReviewDesign", "A claims handler confirms every denial", "hitlReviewerRole", "Senior handler",
        "hitlEscalationPath", "Team lead within one working day");
  }

  public static Map<String, Object> governanceEvidence() {
    Map<String, Object> form = new HashMap<>();
    form.put("auditTrailEvidence", "Every prediction logged with inputs and model version");
    form.put("explainabilityEvidence", "SHAP explanations shown to handlers");
    form.put("policyEnforcementEvidence", "Policy checks in the serving gateway");
    form.put("accessControlEvidence", "Role-based access; endpoints behind mTLS");
    form.put("decisionLoggingEvidence", "Decisions reconstructable for seven years");
    form.put("incidentResponsePlan", "Runbook with rollback to the previous model in 15 minutes");
    return form;
  }

  public static Map<String, Object> operatingModelEvidence() {
    Map<String, Object> form = new HashMap<>();
    form.put("reusableComponentsEvidence", "Shared feature pipelines and serving templates");
    form.put("trainingAndTeamEvidence", "Claims handlers trained; hybrid squad with data scientists");
    form.put("playbookLocation", "https://wiki.example/ai-playbook");
    form.put("portfolioGovernanceEvidence", "Quarterly ROI review by the steering committee");
    return form;
  }

  public static Map<String, Object> approve() {
    Map<String, Object> form = new HashMap<>();
    form.put(GATE_DECISION, "APPROVE");
    return form;
  }

  public static Map<String, Object> reject(String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put(GATE_DECISION, "REJECT");
    form.put(GATE_REASON, reason);
    return form;
  }
}
