package org.pilotlifecycle.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;

/**
 * The roles over HTTP, as Tasklist and the API's clients do it: POST /api/pilots as the AI product owner, then
 * the task query, the deployed form and submit-form of the engine REST API as each role's user.
 */
final class RestRoles implements LifecycleRun.Roles {

  private final AppUnderTest app;

  RestRoles(AppUnderTest app) {
    this.app = app;
  }

  @Override
  public void register(String pilotKey) {
    String body = AppUnderTest.toJson(Registrations.asJson(Registrations.lowRisk(pilotKey, Framework.FIVE_PHASE)));
    HttpResponse<String> response = app.post("/api/pilots", "paul", body);
    if (response.statusCode() != 201) {
      throw new IllegalStateException("register " + pilotKey + " -> " + response.statusCode() + ": " + response.body());
    }
  }

  @Override
  public String findTask(String user, String pilotKey, String taskDefinitionKey) {
    JsonNode tasks = AppUnderTest.json(AppUnderTest.ok(app.get("/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(pilotKey, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskDefinitionKey, user)).body());
    return tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
  }

  @Override
  public void openForm(String user, String taskId, String formId) {
    JsonNode form = AppUnderTest.json(AppUnderTest.ok(app.get("/engine-rest/task/" + taskId + "/deployed-form", user))
        .body());
    if (!formId.equals(form.path("id").asText())) {
      throw new IllegalStateException("task " + taskId + " has form " + form.path("id") + ", expected " + formId);
    }
  }

  @Override
  public void submit(String user, String taskId, Map<String, Object> values) {
    AppUnderTest.ok(app.post("/engine-rest/task/" + taskId + "/submit-form", user, TasklistUser.typed(values)));
  }
}
