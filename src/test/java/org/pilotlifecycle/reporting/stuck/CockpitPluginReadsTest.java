package org.pilotlifecycle.reporting.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.web.Json;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Cockpit plugins (the stuck overlay, the Pilot tab) read with a Cockpit login: an administrator reads
 * everything; a process analyst, the other Cockpit user, holds no grant on process instances, so the tab's first read
 * finds no instance (404, the engine filters what a login may not read) and the tab says why that may be.
 */
class CockpitPluginReadsTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static HttpResponse<String> get(org.pilotlifecycle.support.WebappSession session, String path)
      throws Exception {
    return session.send("GET", path, "application/json", "");
  }

  @Test
  void anAdministratorReadsTheInstanceThePilotItsAuditTrailAndTheDiagramsStuckPilots() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.now()));
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance instance = driver.start(intake,
        Registrations.lowRisk(Registrations.newKey("PLUGIN"), Framework.FIVE_PHASE), FivePhaseProcess.PROCESS_ID);
    driver.moveClockBy(Duration.ofDays(30));
    var admin = org.pilotlifecycle.support.WebappSession.login(port, "admin", "cockpit");

    HttpResponse<String> read = get(admin, "/camunda/api/engine/engine/default/process-instance/" + instance.getId());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(read.body()).path("businessKey").asText()).isEqualTo(instance.getBusinessKey());
    HttpResponse<String> pilot = get(admin, "/api/pilots/" + instance.getBusinessKey());
    assertThat(pilot.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(pilot.body()).path("people").path("aiProductOwner").asText()).isEqualTo("paul");
    HttpResponse<String> history = get(admin, "/api/pilots/" + instance.getBusinessKey() + "/history?size=500");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(history.body()).path("content")).isNotEmpty();
    HttpResponse<String> diagram = get(admin, "/api/pilots/stuck/activities?listed=20&processDefinitionId="
        + instance.getProcessDefinitionId());
    assertThat(diagram.statusCode()).isEqualTo(200);
    JsonNode activities = Json.mapper().readTree(diagram.body()).path("activities");
    long started = System.nanoTime();
    String intakeDefinition = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).processDefinitionKey("PilotIntake").singleResult()
        .getProcessDefinitionId();
    for (int i = 0; i < 10; i++) {
      assertThat(get(admin, "/api/pilots/stuck/activities?processDefinitionId=" + intakeDefinition).statusCode())
          .isEqualTo(200);
    }
    System.out.printf("stuck on the intake's diagram: %d ms a request, %d stuck pilots in all%n",
        (System.nanoTime() - started) / 10_000_000,
        Json.mapper().readTree(get(admin, "/api/pilots/stuck?size=1").body()).path("totalElements").asLong());
    assertThat(activities.findValuesAsText("activityId")).contains(FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC);
  }

  @Test
  void aProcessAnalystIsRefusedTheInstanceAndReadsTheStuckPilots() throws Exception {
    ProcessDriver driver = new ProcessDriver(engine);
    ProcessInstance instance = driver.start(intake,
        Registrations.lowRisk(Registrations.newKey("ANALYST"), Framework.FIVE_PHASE), FivePhaseProcess.PROCESS_ID);
    var analyst = org.pilotlifecycle.support.WebappSession.login(port, "ana", "cockpit");

    HttpResponse<String> read = get(analyst, "/camunda/api/engine/engine/default/process-instance/" + instance.getId());
    // The engine filters what a login may not read: the instance is "not found" for the analyst.
    assertThat(read.statusCode()).as(read.body()).isEqualTo(404);
    assertThat(get(analyst, "/api/pilots/stuck/activities?processDefinitionId=" + instance.getProcessDefinitionId())
        .statusCode()).isEqualTo(200);
  }
}
