package org.pilotlifecycle.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.production.ProductionOperationsProcess.*;
import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.fourstage.FourStageForms;
import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15's "Done when": a five-phase and a four-stage pilot, registered through the API, go from registration
 * through production, one value checkpoint, one re-certification and one signal review, to RETIRED. Every task is
 * found, its deployed Camunda Form opened and submitted over the engine REST API by the person it is for, as Tasklist
 * does; the monitoring signal comes from a monitoring tool's machine token (scope {@code signals.send}); the clock is
 * moved, never slept, and the job executor's part (timers, asynchronous checks) is played by the test.
 */
class ProductionTasklistTest extends IntegrationTestSupport {

  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  private Http http;
  private TasklistUser tasklist;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    http = http();
    tasklist = new TasklistUser(http, runtimeService, managementService);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFivePhasePilotIsRegisteredRunInProductionCheckedReCertifiedReviewedOnASignalAndRetired() {
    String key = register(Framework.FIVE_PHASE, "RETIRE5");
    tasklist.work("paul", key, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, "define-success-metric",
        FivePhaseForms.successMetric());
    tasklist.work("olivia", key, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC, "sign-off-success-metric",
        FivePhaseForms.approve());
    tasklist.work("tara", key, FivePhaseProcess.TASK_ASSESS_DATA_READINESS, "assess-data-readiness",
        FivePhaseForms.dataReadiness(3));
    tasklist.work("tara", key, FivePhaseProcess.TASK_MEASURE_PRODUCTION_PERFORMANCE, "measure-production-performance",
        FivePhaseForms.productionPerformance(0.91, 0.88));
    tasklist.work("theo", key, FivePhaseProcess.TASK_APPROVE_DATA_READINESS, "approve-data-readiness",
        FivePhaseForms.approve());
    tasklist.work("tara", key, FivePhaseProcess.TASK_PROVIDE_MLOPS_EVIDENCE, "provide-mlops-evidence",
        FivePhaseForms.mlopsEvidence(true));
    tasklist.work("paul", key, FivePhaseProcess.TASK_BUILD_COST_MODEL, "build-cost-model",
        FivePhaseForms.costModel(120000, 420000, ""));
    tasklist.work("theo", key, FivePhaseProcess.TASK_APPROVE_MLOPS_READINESS, "approve-mlops-readiness",
        FivePhaseForms.approve());
    tasklist.work("paul", key, FivePhaseProcess.TASK_REVIEW_RISK_INPUTS, "review-risk-inputs",
        FivePhaseForms.riskInputs(false, "HUMAN_APPROVED"));
    tasklist.work("paul", key, FivePhaseProcess.TASK_PROVIDE_GOVERNANCE_EVIDENCE, "provide-governance-evidence",
        FivePhaseForms.governanceEvidence());
    tasklist.work("rita", key, FivePhaseProcess.TASK_SIGN_OFF_GOVERNANCE, "sign-off-governance", FivePhaseForms.approve());
    tasklist.work("chris", key, FivePhaseProcess.TASK_PROVIDE_OPERATING_MODEL_EVIDENCE,
        "provide-operating-model-evidence", FivePhaseForms.operatingModelEvidence());
    tasklist.work("sam", key, FivePhaseProcess.TASK_APPROVE_PRODUCTION, "approve-production", FivePhaseForms.approve());

    // The success metric defined in phase 1 is the business KPI of the checkpoints.
    operateUntilRetired(key, Map.of(), "DATA_AND_INTEGRATION_DEBT", null);
  }

  @Test
  void aFourStagePilotIsRegisteredScaledRunInProductionCheckedReCertifiedReviewedOnASignalAndRetired() {
    String key = register(Framework.FOUR_STAGE, "RETIRE4");
    tasklist.work("paul", key, FourStageProcess.TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE,
        "provide-pilot-validation-evidence", FourStageForms.validationEvidence());
    tasklist.work("tara", key, FourStageProcess.TASK_ASSESS_READINESS_GAPS, "assess-readiness-gaps",
        FourStageForms.scores(4, FourStageProcess.Dimension.CHANGE_READINESS));
    tasklist.work("sam", key, FourStageProcess.TASK_SIGN_GO_NO_GO, "sign-go-no-go", FourStageForms.approve());
    tasklist.work("tara", key, FourStageProcess.TASK_BUILD_DATA_PIPELINES, "build-data-pipelines",
        FourStageForms.dataPipelines());
    tasklist.work("tara", key, FourStageProcess.TASK_BUILD_INTEGRATION_CONNECTORS, "build-integration-connectors",
        FourStageForms.integrationConnectors());
    tasklist.work("rita", key, FourStageProcess.TASK_DOCUMENT_GOVERNANCE, "document-governance",
        FourStageForms.governanceDocumentation());
    tasklist.work("tara", key, FourStageProcess.TASK_REMEDIATE_CARRIED_OVER_DIMENSION, "remediate-carried-over-dimension",
        FourStageForms.remediation());
    tasklist.work("tara", key, FourStageProcess.TASK_REASSESS_PRODUCTION_READINESS, "reassess-production-readiness",
        FourStageForms.reassessment(4));
    tasklist.work("chris", key, FourStageProcess.TASK_PREPARE_ORGANIZATIONAL_EMBEDDING, "prepare-organizational-embedding",
        FourStageForms.embeddingPlan());
    for (double rate : new double[] {35, 62, 68}) {
      moveClockBy(Duration.ofDays(7));
      tasklist.fireDueTimers(key, FourStageProcess.TIMER_ADOPTION_WEEK_OVER);
      tasklist.work("chris", key, FourStageProcess.TASK_RECORD_WEEKLY_ADOPTION, "record-weekly-adoption",
          FourStageForms.adoption(rate));
    }
    moveClockBy(Duration.ofDays(10));
    tasklist.fireDueTimers(key, FourStageProcess.TIMER_MONTH_PASSED);
    tasklist.work("olivia", key, FourStageProcess.TASK_REVIEW_PILOT_DASHBOARD, "review-pilot-dashboard",
        FourStageForms.dashboardReview());
    tasklist.work("chris", key, FourStageProcess.TASK_CONFIRM_ADOPTION_RESULTS, "confirm-adoption-results",
        FourStageForms.adoptionResults());
    tasklist.work("olivia", key, FourStageProcess.TASK_SIGN_OFF_ADOPTION, "sign-off-adoption", FourStageForms.approve());
    tasklist.work("paul", key, FourStageProcess.TASK_PLAN_EXPANSION, "plan-expansion", FourStageForms.expansionPlan());
    tasklist.work("tara", key, FourStageProcess.TASK_CODIFY_DEPLOYMENT_PLAYBOOK, "codify-deployment-playbook",
        FourStageForms.playbook());
    tasklist.work("rita", key, FourStageProcess.TASK_CERTIFY_FOR_PRODUCTION, "certify-for-production",
        FourStageForms.approve());

    // No success metric in this framework: the AI product owner names the business KPI at the checkpoint.
    operateUntilRetired(key, Map.of(BUSINESS_KPI_NAME, "Claims handled per agent and day", BUSINESS_KPI_BASELINE, 40,
        BUSINESS_KPI_TARGET, 55, BUSINESS_KPI_MEASURED, 58), "OTHER", "The insurer moved claims handling to its core platform's own model");
  }

  /** Registered through the API by the AI product owner, who confirms the registration in Tasklist. */
  private String register(Framework framework, String prefix) {
    String key = Registrations.newKey(prefix);
    Http.Response registered = http.postJson("/api/pilots", "paul",
        Http.toJson(Registrations.asJson(Registrations.lowRisk(key, framework))));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    tasklist.work("paul", key, "Task_ConfirmRegistration", "confirm-pilot-registration",
        Map.of("registrationConfirmed", true));
    return key;
  }

  /**
   * From production to RETIRED: the 30-day value checkpoint (paul records, olivia confirms), the re-certification
   * (tara's evidence, rita re-certifies), a drift signal from the monitoring tool and its review (tara assesses, olivia
   * retires naming the root cause), rita's decommissioning sign-off; then the pilot view and its history.
   */
  private void operateUntilRetired(String key, Map<String, Object> businessKpi, String rootCause, String rootCauseText) {
    JsonNode inProduction = pilot(key);
    assertThat(inProduction.path("status").asText()).isEqualTo("IN_PRODUCTION");
    Instant inProductionAt = Instant.parse(inProduction.path("inProductionAt").asText());

    // Value checkpoint: 30 days in production.
    ClockUtil.setCurrentTime(Date.from(inProductionAt.plus(Duration.ofDays(30)).plusSeconds(60)));
    tasklist.fireDueTimers(key, TIMER_VALUE_CHECKPOINT_DUE);
    Map<String, Object> measured = new HashMap<>(ProductionDriver.realisedValue(28));
    measured.putAll(businessKpi);
    tasklist.work("paul", key, TASK_RECORD_REALISED_VALUE, "record-realised-value", measured);
    tasklist.work("olivia", key, TASK_CONFIRM_REALISED_VALUE, "confirm-realised-value",
        Map.of(VALUE_CONFIRMATION, "CONFIRM"));

    // Re-certification: its window opens before the due date the risk tier gave.
    Instant due = Instant.parse(pilot(key).path("production").path("recertificationDueAt").asText());
    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(13))));
    tasklist.fireDueTimers(key, TIMER_RECERTIFICATION_OPENS);
    tasklist.work("tara", key, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, "provide-recertification-evidence",
        Map.of(RECERTIFICATION_EVIDENCE, "Accuracy 91% on last month's claims; drift 3%; no incidents",
            MONITORING_IN_PLACE, true, CONTROLS_EFFECTIVE, true));
    tasklist.work("rita", key, TASK_RECERTIFY, "recertify-pilot", Map.of(RECERTIFICATION_DECISION, "RECERTIFY"));
    JsonNode recertified = pilot(key).path("production");
    assertThat(recertified.path("lastRecertifiedAt").asText()).isNotBlank();
    assertThat(Instant.parse(recertified.path("recertificationDueAt").asText())).as("the next one").isAfter(due);

    // A monitoring tool reports drift with its machine token; the review retires the pilot.
    moveClockBy(Duration.ofDays(20));
    String token = signalsToken();
    Http.Response signal = http.send(http.request("/api/pilots/" + key + "/signals", null)
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Http.toJson(Map.of("type", "DRIFT", "severity", "HIGH",
            "source", "evidently drift monitor", "description", "Prediction drift 14% on the new claim types",
            "idempotencyKey", key + "-drift-1")))));
    assertThat(signal.status()).as(signal.body()).isEqualTo(201);
    tasklist.runChecks(key);
    tasklist.work("tara", key, TASK_ASSESS_MONITORING_SIGNALS, "assess-monitoring-signals",
        Map.of(SIGNAL_ASSESSMENT, "Drift keeps coming back; the platform's model does the job", SIGNAL_RECOMMENDATION,
            "RETIRE"));
    Map<String, Object> retire = new HashMap<>(Map.of(SIGNAL_REVIEW_OUTCOME, "RETIRE", SIGNAL_REVIEW_NOTES,
        "Not worth another retraining", RETIREMENT_ROOT_CAUSE, rootCause));
    if (rootCauseText != null) {
      retire.put(RETIREMENT_ROOT_CAUSE_TEXT, rootCauseText);
    }
    tasklist.work("olivia", key, TASK_DECIDE_ON_MONITORING_SIGNALS, "decide-on-monitoring-signals", retire);
    moveClockBy(Duration.ofDays(3));
    tasklist.work("rita", key, TASK_SIGN_OFF_DECOMMISSIONING, "sign-off-decommissioning", Map.of(ENDPOINT_SWITCHED_OFF,
        true, DATA_RETENTION_HANDLED, true, USERS_INFORMED, true, MODEL_ARCHIVED, true, DECOMMISSIONING_NOTES,
        "Model archived in the registry"));

    JsonNode retired = pilot(key);
    assertThat(retired.path("status").asText()).isEqualTo("RETIRED");
    assertThat(retired.path("statusReason").asText()).isEqualTo("Monitoring signals: Not worth another retraining");
    Instant retiredAt = Instant.parse(retired.path("production").path("retiredAt").asText());
    assertThat(retiredAt).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(retired.path("production").path("timeInProductionDays").asDouble())
        .isEqualTo(Duration.between(inProductionAt, retiredAt).toHours() / 24.0).isGreaterThan(30);
    assertThat(retired.path("retirementRootCause").path("rootCause").asText()).isEqualTo(rootCause);
    assertThat(retired.path("retirementRootCause").path("text").textValue()).isEqualTo(rootCauseText);
    assertThat(retired.path("retirementRootCause").path("retiredAt").asText()).isEqualTo(retiredAt.toString());
    assertThat(retired.path("stopRootCause").path("rootCause").textValue()).as("retired, not stopped").isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .as("nothing runs any more").isZero();

    List<String> history = new ArrayList<>();
    http.get("/api/pilots/" + key + "/history?size=500", "olivia").json().path("content").forEach(event ->
        history.add(event.path("type").asText() + ":" + event.path("outcome").asText() + ":"
            + event.path("actor").asText()));
    assertThat(history).contains("VALUE_CHECKPOINT:ON_TARGET:olivia", "RECERTIFICATION:RECERTIFIED:rita",
        "SIGNAL_RECEIVED:HIGH:monitoring", "SIGNAL_REVIEW:RETIRE:olivia", "DECOMMISSIONING:SIGNED_OFF:rita");
    assertThat(history).anyMatch(event -> event.startsWith("RETIRED:"));
  }

  private JsonNode pilot(String key) {
    Http.Response response = http.get("/api/pilots/" + key, "olivia");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** A token an administrator issues to the monitoring tool's service account, scope signals.send only. */
  private String signalsToken() {
    Http.Response issued = http.postJson("/api/machine-tokens", "admin",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"validForDays\":30}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().path("token").asText();
  }

  private static void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }
}
