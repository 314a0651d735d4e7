package org.pilotlifecycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared filters Tasklist shows each role, and what each role finds in them. */
class TasklistFiltersTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;

  private String filterId(Http http, String user, String name) {
    JsonNode filters = http.get("/engine-rest/filter?resourceType=Task", user).json();
    for (JsonNode filter : filters) {
      if (filter.path("name").asText().equals(name)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError(user + " cannot see the filter '" + name + "': " + filters);
  }

  private List<String> taskIds(Http http, String user, String filterName) {
    String id = filterId(http, user, filterName);
    List<String> ids = new ArrayList<>();
    http.get("/engine-rest/filter/" + id + "/list?maxResults=1000", user).json()
        .forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  @Test
  void eachRoleFindsItsGroupsTasksAndNotOthersInTheSharedFilter() {
    String key = Registrations.newKey("FLT");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String confirmation = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    Http http = http();

    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_GROUPS_TASKS)).contains(confirmation);
    assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.MY_GROUPS_TASKS)).doesNotContain(confirmation);
    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_TASKS)).doesNotContain(confirmation);

    assertThat(http.postJson("/engine-rest/task/" + confirmation + "/claim", "paul", "{\"userId\":\"paul\"}").status())
        .isEqualTo(204);
    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_TASKS)).contains(confirmation);
  }

  @Test
  void rolesCannotCreateOrChangeFilters() {
    Http http = http();
    Http.Response created = http.postJson("/engine-rest/filter/create", "olivia",
        "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{}}");
    assertThat(created.status()).isEqualTo(403);
    String id = filterId(http, "olivia", TasklistFilterBootstrap.MY_TASKS);
    Http.Response changed = http.send(http.request("/engine-rest/filter/" + id, "olivia")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}")));
    assertThat(changed.status()).isEqualTo(403);
  }
}
