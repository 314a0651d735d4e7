package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.production.ProductionDriver;
import org.pilotlifecycle.production.ProductionOperationsProcess;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.TasklistUser;
import org.pilotlifecycle.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A retirement names its root cause on every entrance, as a stop does ({@link StopRootCauseEntrancesTest}): a
 * RETIRE without one, with an unknown one, or OTHER without a text is a 400 problem naming the field through
 * {@code /engine-rest} ({@code complete} and {@code submit-form}) and through the webapps' engine API that Tasklist
 * uses; the task stays open and the pilot in production. A valid retirement then retires the pilot with its root
 * cause once the decommissioning is signed off.
 */
@Tag("reliability")
class RetirementRootCauseEntrancesTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMonthlyReviewThatRetiresWithoutARootCauseIsRefusedOnEveryEntrance() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    ProductionDriver driver = new ProductionDriver(engine);
    ProcessInstance operations = driver.inProduction(intake, "RRE");
    String key = operations.getBusinessKey();
    driver.moveClockBy(Duration.ofDays(31));
    driver.fireDueTimers(operations, ProductionOperationsProcess.START_MONTH_PASSED);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(ProductionOperationsProcess.TASK_REVIEW_PRODUCTION_DASHBOARD).singleResult().getId();

    List<String> findings = refusedEverywhere(task, EXECUTIVE_REVIEW_ACTION, EXECUTIVE_REVIEW_NOTES, key);

    assertThat(findings).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the review is still open").isOne();
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);

    WebappSession tasklist = WebappSession.login(port, "olivia");
    HttpResponse<String> retired = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", "application/json", TasklistUser.typed(Map.of(EXECUTIVE_REVIEW_ACTION, "RETIRE",
            EXECUTIVE_REVIEW_NOTES, "The claims platform does it now", RETIREMENT_ROOT_CAUSE, "OTHER",
            RETIREMENT_ROOT_CAUSE_TEXT, "Replaced by the platform's own triage")));
    assertThat(retired.statusCode()).as(retired.body()).isIn(200, 204);
    new TasklistUser(http(), engine.getRuntimeService(), engine.getManagementService()).work("rita", key,
        ProductionOperationsProcess.TASK_SIGN_OFF_DECOMMISSIONING, "sign-off-decommissioning", Map.of(
            ENDPOINT_SWITCHED_OFF, true, DATA_RETENTION_HANDLED, true, USERS_INFORMED, true, MODEL_ARCHIVED, true));
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.RETIRED);
    assertThat(registry.get(key).getRetirementRootCause()).isEqualTo(RootCause.OTHER);
    assertThat(registry.get(key).getRetirementRootCauseText()).isEqualTo("Replaced by the platform's own triage");
  }

  /** Each bad retirement through each entrance: a 400 problem naming the root-cause field. */
  private List<String> refusedEverywhere(String task, String decisionField, String notesField, String key)
      throws Exception {
    Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
    bad.put(RETIREMENT_ROOT_CAUSE, Map.of(decisionField, "RETIRE", notesField, "No value"));
    bad.put(RETIREMENT_ROOT_CAUSE + " ", Map.of(decisionField, "RETIRE", notesField, "No value",
        RETIREMENT_ROOT_CAUSE, "BAD_LUCK"));
    bad.put(RETIREMENT_ROOT_CAUSE_TEXT, Map.of(decisionField, "RETIRE", notesField, "No value",
        RETIREMENT_ROOT_CAUSE, "OTHER"));
    bad.put(RETIREMENT_ROOT_CAUSE_TEXT + " ", Map.of(decisionField, "RETIRE", notesField, "No value",
        RETIREMENT_ROOT_CAUSE, "OTHER", RETIREMENT_ROOT_CAUSE_TEXT, "   "));
    WebappSession tasklist = WebappSession.login(port, "olivia");
    List<String> findings = new ArrayList<>();
    int requests = 0;
    for (var entry : bad.entrySet()) {
      String field = entry.getKey().strip();
      String body = TasklistUser.typed(entry.getValue());
      for (String path : List.of("/task/" + task + "/complete", "/task/" + task + "/submit-form")) {
        Http.Response viaRest = http().postJson("/engine-rest" + path, "olivia", body);
        HttpResponse<String> viaWebapp = tasklist.send("POST", "/camunda/api/engine/engine/default" + path,
            "application/json", body);
        requests += 2;
        if (viaRest.status() != 400 || !viaRest.contentType().startsWith("application/problem+json")
            || !names(viaRest.body(), field)) {
          findings.add("/engine-rest " + path + " " + entry.getValue() + " -> " + viaRest.status() + " " + viaRest.body());
        }
        if (viaWebapp.statusCode() != 400 || !names(viaWebapp.body(), field)) {
          findings.add("webapps " + path + " " + entry.getValue() + " -> " + viaWebapp.statusCode() + " " + viaWebapp.body());
        }
      }
    }
    assertThat(registry.get(key).getRetirementRootCause()).isNull();
    Counts.report("retirement root cause: entrances requests=%d refused=%d", requests, requests - findings.size());
    return findings;
  }

  /**
   * The problem names the field, not the other one with the longer name: in its errors list (the form's guard) or as
   * the subject of the rule's message ({@code "retirementRootCause: name the root cause …"}).
   */
  private static boolean names(String body, String field) {
    return body.contains("\"field\":\"" + field + "\"") || body.contains(field + ":") || body.contains(field + " ");
  }
}
