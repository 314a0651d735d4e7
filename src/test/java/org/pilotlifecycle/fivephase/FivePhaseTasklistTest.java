package org.pilotlifecycle.fivephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pilot registered through the API reaches production with every task worked the way Tasklist works
 * it: the candidate group's user finds the task, opens its deployed form and submits it over the engine
 * REST API. The job executor's part (the readiness checks) is played by the test.
 */
class FivePhaseTasklistTest extends IntegrationTestSupport {

  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  private Http http;
  private TasklistUser tasklist;
  private String key;

  @Test
  void aFivePhasePilotReachesProductionThroughTasklistForms() {
    http = http();
    tasklist = new TasklistUser(http, runtimeService, managementService);
    key = Registrations.newKey("TASKLIST");
    Http.Response registered = http.postJson("/api/pilots", "paul",
        Http.toJson(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE))));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);

    work("paul", "Task_ConfirmRegistration", "confirm-pilot-registration", Map.of("registrationConfirmed", true));
    work("paul", TASK_DEFINE_SUCCESS_METRIC, "define-success-metric", FivePhaseForms.successMetric());
    work("olivia", TASK_SIGN_OFF_SUCCESS_METRIC, "sign-off-success-metric", FivePhaseForms.approve());
    work("tara", TASK_ASSESS_DATA_READINESS, "assess-data-readiness", FivePhaseForms.dataReadiness(3));
    work("tara", TASK_MEASURE_PRODUCTION_PERFORMANCE, "measure-production-performance",
        FivePhaseForms.productionPerformance(0.91, 0.88));
    work("theo", TASK_APPROVE_DATA_READINESS, "approve-data-readiness", FivePhaseForms.approve());
    work("tara", TASK_PROVIDE_MLOPS_EVIDENCE, "provide-mlops-evidence", FivePhaseForms.mlopsEvidence(true));
    work("paul", TASK_BUILD_COST_MODEL, "build-cost-model", FivePhaseForms.costModel(120000, 420000, ""));
    work("theo", TASK_APPROVE_MLOPS_READINESS, "approve-mlops-readiness", FivePhaseForms.approve());
    work("paul", TASK_REVIEW_RISK_INPUTS, "review-risk-inputs", FivePhaseForms.riskInputs(false, "HUMAN_APPROVED"));
    work("paul", TASK_PROVIDE_GOVERNANCE_EVIDENCE, "provide-governance-evidence", FivePhaseForms.governanceEvidence());
    work("rita", TASK_SIGN_OFF_GOVERNANCE, "sign-off-governance", FivePhaseForms.approve());
    work("chris", TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, "provide-operating-model-evidence",
        FivePhaseForms.operatingModelEvidence());
    work("sam", TASK_APPROVE_PRODUCTION, "approve-production", FivePhaseForms.approve());

    JsonNode pilot = http.get("/api/pilots/" + key, "olivia").json();
    assertThat(pilot.path("status").asText()).isEqualTo("IN_PRODUCTION");
    assertThat(pilot.path("inProductionAt").asText()).isNotBlank();
    assertThat(pilot.path("successMetric").path("name").asText()).isEqualTo("Claims processing time");
    List<String> checks = new ArrayList<>();
    pilot.path("checks").forEach(check -> {
      checks.add(check.path("check").asText());
      assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
    });
    assertThat(checks).containsExactlyInAnyOrder("SUCCESS_METRIC", "DATA_READINESS", "PRODUCTION_DATA_TOLERANCE",
        "MLOPS_CAPABILITY", "COST_MODEL", "REPEATABILITY");

    JsonNode history = http.get("/api/pilots/" + key + "/history", "olivia").json();
    List<String> gates = new ArrayList<>();
    history.path("content").forEach(event -> {
      if ("GATE_DECISION".equals(event.path("type").asText())) {
        gates.add(event.path("actor").asText() + ":" + event.path("outcome").asText());
        assertThat(event.path("details").isObject()).as("evidence snapshot").isTrue();
      }
    });
    assertThat(gates).containsExactly("olivia:APPROVED", "theo:APPROVED", "theo:APPROVED", "rita:APPROVED",
        "sam:APPROVED");
    assertThat(http.get("/api/pilots/" + key + "/history?size=0", "olivia").status()).isEqualTo(400);
    assertThat(http.get("/api/pilots/NO-SUCH/history", "olivia").status()).isEqualTo(404);
  }

  private void work(String user, String taskDefinitionKey, String formId, Map<String, Object> values) {
    tasklist.work(user, key, taskDefinitionKey, formId, values);
  }
}
