package org.pilotlifecycle.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form contract at the engine's edges, through the engine REST API and through the webapps' engine API
 * that Tasklist uses: what a form only shows is never taken from a submission, a single-line field has no line
 * breaks, and a number is finite and in range. Each refusal is a 400 naming the field; the task stays open and
 * nothing is stored.
 */
class FormContractEdgeTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  private static Map<String, Object> registration(String key) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("pilotKey", typed(key, "String"));
    variables.put("name", typed("Demand forecasting", "String"));
    variables.put("businessUnit", typed("Supply chain", "String"));
    variables.put("useCaseDescription", typed("Forecast weekly demand per store.\nSecond line is fine here.", "String"));
    variables.put("framework", typed("FIVE_PHASE", "String"));
    variables.put("executiveOwner", typed("olivia", "String"));
    variables.put("aiProductOwner", typed("paul", "String"));
    variables.put("affectsIndividuals", typed(false, "Boolean"));
    variables.put("regulatedDomain", typed(false, "Boolean"));
    variables.put("processesPersonalData", typed(false, "Boolean"));
    variables.put("autonomy", typed("ADVISORY", "String"));
    return variables;
  }

  private Http.Response start(Map<String, Object> variables) {
    return http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
        Http.toJson(Map.of("variables", variables)));
  }

  @Test
  void aDisplayOnlyFieldIsNeverTakenFromASubmission() throws Exception {
    String key = Registrations.newKey("SHOWN");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    String original = registry.get(key).getUseCaseDescription();
    String rewrite = Http.toJson(Map.of("variables", Map.of("registrationConfirmed", typed(true, "Boolean"),
        "useCaseDescription", typed("Decide credit lines on its own.", "String"))));

    Http.Response viaRest = http().postJson("/engine-rest/task/" + task + "/submit-form", "paul", rewrite);
    HttpResponse<String> viaTasklist = asTasklist("paul", "/task/" + task + "/submit-form", rewrite);

    for (int status : List.of(viaRest.status(), viaTasklist.statusCode())) {
      assertThat(status).isEqualTo(400);
    }
    assertThat(viaRest.json().path("message").asText())
        .contains("useCaseDescription is shown for information only and cannot be submitted");
    assertThat(viaRest.json().path("errors").get(0).path("field").asText()).isEqualTo("useCaseDescription");
    assertThat(viaTasklist.body()).contains("useCaseDescription");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
    assertThat(taskService.getVariable(task, "useCaseDescription")).isEqualTo(original);

    // What Tasklist sends: the form's data without its disabled fields.
    Http.Response confirmed = http().postJson("/engine-rest/task/" + task + "/submit-form", "paul",
        Http.toJson(Map.of("variables", Map.of("registrationConfirmed", typed(true, "Boolean")))));
    assertThat(confirmed.status()).as(confirmed.body()).isIn(200, 204);
    assertThat(registry.get(key).getUseCaseDescription()).isEqualTo(original);
  }

  @Test
  void aSingleLineFieldRefusesLineBreaks() {
    for (String lineBreak : List.of("\n", "\r\n", "\r", "\u2028")) {
      String key = Registrations.newKey("LINES");
      Map<String, Object> variables = registration(key);
      variables.put("name", typed("Demand forecasting" + lineBreak + "<img src=x>", "String"));

      Http.Response refused = start(variables);

      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("name must be a single line (no line breaks)");
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }
    Http.Response started = start(registration(Registrations.newKey("LINES")));
    assertThat(started.status()).as("a textarea may have line breaks: " + started.body()).isEqualTo(200);
  }

  @Test
  void aNumberOutOfRangeOrNotFiniteIsRefused() {
    String key = Registrations.newKey("NUMBERS");
    String body = Http.toJson(Map.of("variables", registration(key)));
    List<String> costs = List.of("{\"value\":1e400,\"type\":\"Double\"}", "{\"value\":-1e400}",
        "{\"value\":\"NaN\",\"type\":\"Double\"}", "{\"value\":\"Infinity\",\"type\":\"Double\"}",
        "{\"value\":\"1e400\",\"type\":\"Double\"}", "{\"value\":3000000000,\"type\":\"Integer\"}",
        "{\"value\":12345678901234.5,\"type\":\"Double\"}", "{\"value\":0.001,\"type\":\"Double\"}");
    for (String cost : costs) {
      String withCost = body.substring(0, body.lastIndexOf('}') - 1) + ",\"pilotCost\":" + cost + "}}";

      Http.Response refused = http().postJson("/engine-rest/process-definition/key/PilotIntake/submit-form", "paul",
          withCost);

      assertThat(refused.status()).as(cost + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).as(cost).contains("pilotCost");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  /** A request through the webapps' engine API as Tasklist makes it: logged in, with the session's CSRF token. */
  private HttpResponse<String> asTasklist(String user, String path, String json) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count")).build(),
        HttpResponse.BodyHandlers.ofString());
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }
}
