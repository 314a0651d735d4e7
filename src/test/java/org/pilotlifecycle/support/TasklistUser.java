package org.pilotlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Works tasks over HTTP the way Tasklist does: the candidate group's user finds the pilot's task, opens
 * its deployed form and submits it with typed variables. The job executor's part (asynchronous checks)
 * is played through the engine's API, since tests run without a job executor.
 */
public final class TasklistUser {

  private final Http http;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public TasklistUser(Http http, RuntimeService runtimeService, ManagementService managementService) {
    this.http = http;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  public void work(String user, String pilotKey, String taskDefinitionKey, String formId, Map<String, Object> values) {
    JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + pilotKey + "&taskDefinitionKey="
        + URLEncoder.encode(taskDefinitionKey, StandardCharsets.UTF_8), user).json();
    assertThat(tasks).as(user + " sees " + taskDefinitionKey).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    JsonNode form = http.get("/engine-rest/task/" + taskId + "/deployed-form", user).json();
    assertThat(form.path("id").asText()).isEqualTo(formId);

    Http.Response submitted = http.postJson("/engine-rest/task/" + taskId + "/submit-form", user, typed(values));

    assertThat(submitted.status()).as(user + " submits " + taskDefinitionKey + ": " + submitted.body()).isIn(200, 204);
    runChecks(pilotKey);
  }

  public void runChecks(String pilotKey) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pilotKey).list().stream()
          .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages()
              .executable().list().stream())
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Fires the pilot's due timers of one activity, as the job executor would. */
  public void fireDueTimers(String pilotKey, String activityId) {
    List<Job> due = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pilotKey).list().stream()
        .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).timers().executable().active().list().stream())
        .toList();
    assertThat(due).as("due timers at " + activityId).isNotEmpty();
    due.forEach(job -> managementService.executeJob(job.getId()));
  }

  /** Variables as Tasklist submits them: each value with the type form-js gives it; lists as JSON. */
  public static String typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      if (value instanceof List<?> list) {
        variable.put("value", Http.toJson(list));
        variable.put("type", "Json");
      } else {
        variable.put("value", value);
        variable.put("type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
            : value instanceof Number ? "Double" : "String");
      }
      variables.put(name, variable);
    });
    return Http.toJson(Map.of("variables", variables));
  }
}
