package org.pilotlifecycle.fourstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.fourstage.FourStageProcess.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A four-stage pilot registered through the API reaches enterprise scale with every task worked the way
 * Tasklist works it, the weekly adoption and monthly review timers driven by the clock.
 */
class FourStageTasklistTest extends IntegrationTestSupport {

  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFourStagePilotReachesEnterpriseScaleThroughTasklistForms() {
    ClockUtil.setCurrentTime(new Date());
    Http http = http();
    TasklistUser tasklist = new TasklistUser(http, runtimeService, managementService);
    String key = Registrations.newKey("SCALE");
    assertThat(http.postJson("/api/pilots", "paul",
        Http.toJson(Registrations.asJson(Registrations.lowRisk(key, Framework.FOUR_STAGE)))).status()).isEqualTo(201);

    tasklist.work("paul", key, "Task_ConfirmRegistration", "confirm-pilot-registration", Map.of("registrationConfirmed", true));
    tasklist.work("paul", key, TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE, "provide-pilot-validation-evidence",
        FourStageForms.validationEvidence());
    tasklist.work("tara", key, TASK_ASSESS_READINESS_GAPS, "assess-readiness-gaps",
        FourStageForms.scores(4, FourStageProcess.Dimension.CHANGE_READINESS));
    tasklist.work("sam", key, TASK_SIGN_GO_NO_GO, "sign-go-no-go", FourStageForms.approve());
    tasklist.work("tara", key, TASK_BUILD_DATA_PIPELINES, "build-data-pipelines", FourStageForms.dataPipelines());
    tasklist.work("tara", key, TASK_BUILD_INTEGRATION_CONNECTORS, "build-integration-connectors",
        FourStageForms.integrationConnectors());
    tasklist.work("rita", key, TASK_DOCUMENT_GOVERNANCE, "document-governance", FourStageForms.governanceDocumentation());
    tasklist.work("tara", key, TASK_REMEDIATE_CARRIED_OVER_DIMENSION, "remediate-carried-over-dimension",
        FourStageForms.remediation());
    tasklist.work("tara", key, TASK_REASSESS_PRODUCTION_READINESS, "reassess-production-readiness",
        FourStageForms.reassessment(4));
    tasklist.work("chris", key, TASK_PREPARE_ORGANIZATIONAL_EMBEDDING, "prepare-organizational-embedding",
        FourStageForms.embeddingPlan());
    for (double rate : new double[] {35, 62, 68}) {
      moveClockBy(Duration.ofDays(7));
      tasklist.fireDueTimers(key, TIMER_ADOPTION_WEEK_OVER);
      tasklist.work("chris", key, TASK_RECORD_WEEKLY_ADOPTION, "record-weekly-adoption", FourStageForms.adoption(rate));
    }
    moveClockBy(Duration.ofDays(10));
    tasklist.fireDueTimers(key, TIMER_MONTH_PASSED);
    tasklist.work("olivia", key, TASK_REVIEW_PILOT_DASHBOARD, "review-pilot-dashboard", FourStageForms.dashboardReview());
    tasklist.work("chris", key, TASK_CONFIRM_ADOPTION_RESULTS, "confirm-adoption-results", FourStageForms.adoptionResults());
    tasklist.work("olivia", key, TASK_SIGN_OFF_ADOPTION, "sign-off-adoption", FourStageForms.approve());
    tasklist.work("paul", key, TASK_PLAN_EXPANSION, "plan-expansion", FourStageForms.expansionPlan());
    tasklist.work("tara", key, TASK_CODIFY_DEPLOYMENT_PLAYBOOK, "codify-deployment-playbook", FourStageForms.playbook());
    tasklist.work("rita", key, TASK_CERTIFY_FOR_PRODUCTION, "certify-for-production", FourStageForms.approve());

    JsonNode pilot = http.get("/api/pilots/" + key, "olivia").json();
    assertThat(pilot.path("status").asText()).isEqualTo("IN_PRODUCTION");
    List<String> checks = new ArrayList<>();
    pilot.path("checks").forEach(check -> checks.add(check.path("check").asText() + "=" + check.path("passed").asBoolean()));
    assertThat(checks).contains("PRODUCTION_READINESS=true");
    JsonNode history = http.get("/api/pilots/" + key + "/history", "olivia").json();
    List<String> types = new ArrayList<>();
    history.path("content").forEach(event -> types.add(event.path("type").asText()));
    assertThat(types).contains("GATE_DECISION", "ADOPTION_MEASURED", "IN_PRODUCTION");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list())
        .as("the framework and the intake ended; the production operations run")
        .extracting(instance -> instance.getProcessDefinitionId().split(":")[0]).containsExactly("ProductionOperations");
  }

  private static void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }
}
