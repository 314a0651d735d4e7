package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC;

import java.net.http.HttpRequest;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, findings 1 and 2, as kinds: a pilot advances only through the doors the forms use, and a task stays
 * with the people its definition entitles, whatever assignment path is tried, through the engine REST API
 * (the webapps' engine API is covered by {@code EngineApiEntrancesTest} and the shared guards).
 */
@Tag("reliability")
class GatesHoldOnEveryEntranceTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;

  /** Finding 1: start instructions (or a start without the form) cannot move a running pilot. */
  @Test
  void anotherDoorIntoTheIntakeIsClosed() {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    String key = Registrations.newKey("DOOR");
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE));
    driver.passPhase1(instance);
    String withdraw = "{\"businessKey\":\"" + key + "\",\"variables\":{\"pilotKey\":{\"value\":\"" + key
        + "\",\"type\":\"String\"},\"withdrawalReason\":{\"value\":\"gone\",\"type\":\"String\"}},"
        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_WithdrawPilot\"}]}";
    Http http = http();

    Http.Response asProductOwner = http.postJson("/engine-rest/process-definition/key/PilotIntake/start", "paul", withdraw);
    Http.Response asAdministrator = http.postJson("/engine-rest/process-definition/key/PilotIntake/start", "admin", withdraw);
    Http.Response withoutFields = http.postJson("/engine-rest/process-definition/key/PilotIntake/start", "admin", "{}");

    assertThat(asProductOwner.status()).as(asProductOwner.body()).isEqualTo(403);
    assertThat(asProductOwner.contentType()).startsWith("application/problem+json");
    assertThat(asAdministrator.status()).as("even an administrator cannot withdraw a pilot past its intake: "
        + asAdministrator.body()).isBetween(400, 499);
    assertThat(withoutFields.status()).as("a start without the registration fields: " + withoutFields.body())
        .isEqualTo(400);
    assertThat(withoutFields.contentType()).startsWith("application/problem+json");
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.ACTIVE);
    assertThat(registry.get(key).getCurrentStep()).isEqualTo("DATA_READINESS");
    Counts.report("start doors: start-instructions refused=%s administrator refused=%s missing fields=%d",
        asProductOwner.status() == 403, asAdministrator.status() < 500, withoutFields.status());
  }

  /** Finding 1: the registrant is the authenticated user, never a submitted value. */
  @Test
  void theRegistrantIsTheAuthenticatedUser() {
    String key = Registrations.newKey("WHO");
    Map<String, Object> form = new java.util.LinkedHashMap<>(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));
    form.put("pilotKey", form.remove("key"));
    form.values().removeIf(value -> value == null);

    Http.Response spoofed = http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
        TasklistUser.typed(withRegisteredBy(form, "olivia")));
    Http.Response started = http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
        TasklistUser.typed(form));

    assertThat(spoofed.status()).as("a variable the start form does not have: " + spoofed.body()).isEqualTo(400);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(registry.get(key).getRegisteredBy()).isEqualTo("paul");
  }

  private static Map<String, Object> withRegisteredBy(Map<String, Object> form, String user) {
    Map<String, Object> spoofed = new java.util.LinkedHashMap<>(form);
    spoofed.put("registeredBy", user);
    return spoofed;
  }

  /** Finding 2: assignment, delegation and identity links keep a gate within the people entitled to it. */
  @Test
  void aGateIsNeverHandedOutsideItsGroup() {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    String key = Registrations.newKey("HANDOFF");
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE));
    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    Task gate = driver.task(instance, TASK_SIGN_OFF_SUCCESS_METRIC);
    Http http = http();
    String approve = TasklistUser.typed(FivePhaseForms.approve());

    Http.Response handedToChangeManager = http.postJson("/engine-rest/task/" + gate.getId() + "/assignee", "olivia",
        "{\"userId\":\"chris\"}");
    Http.Response claimed = http.postJson("/engine-rest/task/" + gate.getId() + "/claim", "olivia", "{\"userId\":\"olivia\"}");
    Http.Response delegatedToChangeManager = http.postJson("/engine-rest/task/" + gate.getId() + "/delegate", "olivia",
        "{\"userId\":\"chris\"}");
    Http.Response adminHandsItOut = http.postJson("/engine-rest/task/" + gate.getId() + "/assignee", "admin",
        "{\"userId\":\"chris\"}");
    Http.Response linkByProductOwner = http.postJson("/engine-rest/task/" + gate.getId() + "/identity-links", "olivia",
        "{\"userId\":\"chris\",\"type\":\"candidate\"}");
    Http.Response linkByAdmin = http.postJson("/engine-rest/task/" + gate.getId() + "/identity-links", "admin",
        "{\"userId\":\"chris\",\"type\":\"candidate\"}");
    Http.Response unclaimed = http.postJson("/engine-rest/task/" + gate.getId() + "/unclaim", "olivia", "{}");
    Http.Response approvedByChangeManager = http.postJson("/engine-rest/task/" + gate.getId() + "/submit-form", "chris",
        approve);

    assertThat(handedToChangeManager.status()).as(handedToChangeManager.body()).isEqualTo(403);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    assertThat(delegatedToChangeManager.status()).as(delegatedToChangeManager.body()).isEqualTo(403);
    assertThat(adminHandsItOut.status()).as("the assignee must be entitled, whoever assigns: " + adminHandsItOut.body())
        .isEqualTo(403);
    assertThat(linkByProductOwner.status()).as(linkByProductOwner.body()).isEqualTo(403);
    assertThat(linkByAdmin.status()).as(linkByAdmin.body()).isEqualTo(204);
    assertThat(unclaimed.status()).as(unclaimed.body()).isEqualTo(204);
    assertThat(approvedByChangeManager.status()).as("a runtime candidate is not entitled by the diagram: "
        + approvedByChangeManager.body()).isEqualTo(403);
    assertThat(approvedByChangeManager.contentType()).startsWith("application/problem+json");
    assertThat(taskService.createTaskQuery().taskId(gate.getId()).singleResult()).as("the gate is still open")
        .isNotNull();

    Http.Response approvedByOwner = http.postJson("/engine-rest/task/" + gate.getId() + "/submit-form", "olivia", approve);
    assertThat(approvedByOwner.status()).as(approvedByOwner.body()).isEqualTo(204);
    Counts.report("entitlement: handed out=%d delegated out=%d admin handed out=%d foreign completion=%d",
        handedToChangeManager.status(), delegatedToChangeManager.status(), adminHandsItOut.status(),
        approvedByChangeManager.status());
  }

  /** Every mapper holds on both engine APIs: a completion arriving after the task is gone is a 409 problem. */
  @Test
  void aLateCompletionIsAConflictOnBothEngineApis() throws Exception {
    String key = Registrations.newKey("LATECOMP");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    Task confirmation = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
    new FivePhaseDriver(engine).complete("paul", confirmation,
        Map.of(org.pilotlifecycle.intake.PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, true));
    String confirm = TasklistUser.typed(Map.of(org.pilotlifecycle.intake.PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, true));

    Http.Response viaRest = http().postJson("/engine-rest/task/" + confirmation.getId() + "/submit-form", "paul", confirm);
    var viaTasklist = org.pilotlifecycle.support.WebappSession.login(port, "paul").send("POST",
        "/camunda/api/engine/engine/default/task/" + confirmation.getId() + "/submit-form", "application/json", confirm);

    assertThat(viaRest.status()).as(viaRest.body()).isEqualTo(409);
    assertThat(viaRest.contentType()).startsWith("application/problem+json");
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(409);
    assertThat(viaTasklist.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(viaTasklist.body()).contains("completed or changed by someone else");
  }
}
