package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import org.pilotlifecycle.fourstage.FourStageDriver;
import org.pilotlifecycle.fourstage.FourStageForms;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.pilotlifecycle.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stop names its root cause on every entrance: a STOP without one, with an unknown one, or OTHER without a text is
 * a 400 problem naming the field through {@code /engine-rest} ({@code complete} and {@code submit-form}) and through
 * the webapps' engine API that Tasklist uses; the task stays open and the pilot active. A valid stop then stops
 * the pilot with its root cause.
 */
@Tag("reliability")
class StopRootCauseEntrancesTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOverdueStopWithoutARootCauseIsRefusedOnEveryEntrance() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    String key = Registrations.newKey("RCE");
    new org.pilotlifecycle.fivephase.FivePhaseDriver(engine).start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(22))));
    new TasklistUser(http(), engine.getRuntimeService(), engine.getManagementService())
        .fireDueTimers(key, "Timer_Phase1Overdue");
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_DecideOnOverduePhase").singleResult().getId();

    List<String> findings = refusedEverywhere(task, "overdueDecision", "overdueReason", key);

    assertThat(findings).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the decision is still open").isOne();
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.ACTIVE);

    WebappSession tasklist = WebappSession.login(port, "sam");
    HttpResponse<String> stopped = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "application/json", TasklistUser.typed(Map.of("overdueDecision", "STOP", "overdueReason", "Nobody uses it",
            "stopRootCause", "CHANGE_MANAGEMENT_DEFICIT")));
    assertThat(stopped.statusCode()).as(stopped.body()).isIn(200, 204);
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(registry.get(key).getStopRootCause()).isEqualTo(RootCause.CHANGE_MANAGEMENT_DEFICIT);
  }

  @Test
  void aStopAfterANoGoWithoutARootCauseIsRefusedOnEveryEntrance() throws Exception {
    FourStageDriver driver = new FourStageDriver(engine);
    String key = Registrations.newKey("RCN");
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(key, Framework.FOUR_STAGE));
    driver.validate(instance, 2);
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_DecideAfterNoGo").singleResult().getId();

    assertThat(refusedEverywhere(task, "noGoDecision", "noGoReason", key)).isEmpty();
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.ACTIVE);

    Http.Response stopped = http().postJson("/engine-rest/task/" + task + "/complete", "sam", TasklistUser.typed(
        FourStageForms.noGo("STOP", "Years away", "OTHER", "The regulator banned the use case")));
    assertThat(stopped.status()).as(stopped.body()).isIn(200, 204);
    assertThat(registry.get(key).getStopRootCause()).isEqualTo(RootCause.OTHER);
    assertThat(registry.get(key).getStopRootCauseText()).isEqualTo("The regulator banned the use case");
  }

  /** Each bad stop through each entrance: a 400 problem naming the root-cause field. */
  private List<String> refusedEverywhere(String task, String decisionField, String reasonField, String key)
      throws Exception {
    Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
    bad.put("stopRootCause", Map.of(decisionField, "STOP", reasonField, "No future"));
    bad.put("stopRootCause ", Map.of(decisionField, "STOP", reasonField, "No future", "stopRootCause", "BAD_LUCK"));
    bad.put("stopRootCauseText", Map.of(decisionField, "STOP", reasonField, "No future", "stopRootCause", "OTHER"));
    bad.put("stopRootCauseText ", Map.of(decisionField, "STOP", reasonField, "No future", "stopRootCause", "OTHER",
        "stopRootCauseText", "   "));
    WebappSession tasklist = WebappSession.login(port, "sam");
    List<String> findings = new ArrayList<>();
    int requests = 0;
    for (var entry : bad.entrySet()) {
      String field = entry.getKey().strip();
      String body = TasklistUser.typed(entry.getValue());
      for (String path : List.of("/task/" + task + "/complete", "/task/" + task + "/submit-form")) {
        Http.Response viaRest = http().postJson("/engine-rest" + path, "sam", body);
        HttpResponse<String> viaWebapp = tasklist.send("POST", "/camunda/api/engine/engine/default" + path,
            "application/json", body);
        requests += 2;
        if (viaRest.status() != 400 || !viaRest.contentType().startsWith("application/problem+json")
            || !viaRest.body().contains(field)) {
          findings.add("/engine-rest " + path + " " + entry.getValue() + " -> " + viaRest.status() + " " + viaRest.body());
        }
        if (viaWebapp.statusCode() != 400 || !viaWebapp.body().contains(field)) {
          findings.add("webapps " + path + " " + entry.getValue() + " -> " + viaWebapp.statusCode() + " " + viaWebapp.body());
        }
      }
    }
    assertThat(registry.get(key).getStopRootCause()).isNull();
    Counts.report("stop root cause: entrances requests=%d refused=%d", requests, requests - findings.size());
    return findings;
  }
}
