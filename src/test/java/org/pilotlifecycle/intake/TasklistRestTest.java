package org.pilotlifecycle.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine REST calls Tasklist makes for the intake, as the demo users, with authorization on:
 * start form, start, task form, completion, and the server's refusals of bad submissions.
 */
@Tag("reliability")
class TasklistRestTest extends IntegrationTestSupport {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  /** The start form's submission as Tasklist sends it. */
  private static String startForm(String key, String framework) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("pilotKey", typed(key, "String"));
    variables.put("name", typed("Demand forecasting", "String"));
    variables.put("businessUnit", typed("Supply chain", "String"));
    variables.put("useCaseDescription", typed("Forecast weekly demand per store.", "String"));
    variables.put("framework", typed(framework, "String"));
    variables.put("executiveOwner", typed("olivia", "String"));
    variables.put("aiProductOwner", typed("paul", "String"));
    variables.put("techLead", typed("", "String"));
    variables.put("affectsIndividuals", typed(false, "Boolean"));
    variables.put("regulatedDomain", typed(false, "Boolean"));
    variables.put("processesPersonalData", typed(false, "Boolean"));
    variables.put("autonomy", typed("ADVISORY", "String"));
    variables.put("pilotCost", typed(25000, "Integer"));
    return Http.toJson(Map.of("variables", variables));
  }

  @Test
  void theProductOwnerOpensTheStartFormAndStartsTheIntake() {
    Http http = http();
    JsonNode form = http.get("/engine-rest/process-definition/key/PilotIntake/deployed-start-form", "paul").json();
    assertThat(form.path("id").asText()).isEqualTo("pilot-registration");

    String key = Registrations.newKey("TL");
    Http.Response started = http.postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
        startForm(key, "FIVE_PHASE"));

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().path("businessKey").asText()).isEqualTo(key);
    assertThat(registry.get(key).getRegisteredBy()).isEqualTo("paul");
    assertThat(registry.get(key).getTechLead()).isNull();
  }

  @Test
  void otherRolesCannotStartTheIntake() {
    Http.Response refused = http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "olivia",
        startForm(Registrations.newKey("TL"), "FIVE_PHASE"));
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void anInvalidStartFormIsRefusedWithTheReasonAndNothingIsRecorded() {
    String key = Registrations.newKey("TL");
    Http.Response refused = http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
        startForm(key, "WATERFALL"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("framework must be one of FIVE_PHASE, FOUR_STAGE");
    assertThat(refused.body()).doesNotContain("\tat ");
    assertThat(registry.exists(key)).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  void theProductOwnerOpensTheConfirmationFormAndAnEmptySubmissionIsRefused() {
    String key = Registrations.newKey("TL");
    assertThat(http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
        startForm(key, "FOUR_STAGE")).status()).isEqualTo(200);
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();

    JsonNode form = http().get("/engine-rest/task/" + taskId + "/deployed-form", "paul").json();
    assertThat(form.path("id").asText()).isEqualTo("confirm-pilot-registration");
    JsonNode variables = http().get("/engine-rest/task/" + taskId + "/form-variables", "paul").json();
    assertThat(variables.path("riskTier").path("value").asText()).isEqualTo("LOW");

    Http.Response empty = http().postJson("/engine-rest/task/" + taskId + "/submit-form", "paul", "{\"variables\":{}}");
    assertThat(empty.status()).as(empty.body()).isEqualTo(400);
    assertThat(empty.json().path("message").asText()).contains("reason is required");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

    Http.Response confirmed = http().postJson("/engine-rest/task/" + taskId + "/submit-form", "paul",
        Http.toJson(Map.of("variables", Map.of("registrationConfirmed", typed(true, "Boolean")))));
    assertThat(confirmed.status()).as(confirmed.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    assertThat(registry.get(key).getStatus()).isEqualTo(PilotStatus.ACTIVE);
    assertThat(registry.get(key).getFramework()).isEqualTo(Framework.FOUR_STAGE);
  }
}
