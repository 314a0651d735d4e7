package org.pilotlifecycle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared filters Tasklist shows each role, and what each role finds in them. */
@Tag("reliability")
class TasklistFiltersTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
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
  void thePilotsNamedPersonFindsItsTaskInMyWorkAndOtherMembersOfTheRoleDoNot() {
    String key = Registrations.newKey("FLT");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String confirmation = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    Http http = http();

    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_WORK)).contains(confirmation);
    assertThat(taskIds(http, "priya", TasklistFilterBootstrap.MY_WORK)).as("another AI product owner")
        .doesNotContain(confirmation);
    assertThat(taskIds(http, "priya", TasklistFilterBootstrap.MY_GROUPS_TASKS)).doesNotContain(confirmation);
    assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.MY_WORK)).doesNotContain(confirmation);
    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_TASKS)).doesNotContain(confirmation);

    assertThat(http.postJson("/engine-rest/task/" + confirmation + "/claim", "paul", "{\"userId\":\"paul\"}").status())
        .isEqualTo(204);
    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_TASKS)).contains(confirmation);
  }

  @Test
  void gateSignOffsAndOverdueTasksAreListedForTheRolesTheyWaitFor() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date());
    try {
      String key = Registrations.newKey("GATES");
      ProcessDriver driver = new ProcessDriver(engine);
      var instance = driver.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE),
          org.pilotlifecycle.fivephase.FivePhaseProcess.PROCESS_ID);
      String define = driver.task(instance, org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId();
      Map<String, Object> metric = new java.util.HashMap<>(Map.of("kpiCategory", "COST", "kpiName", "Cost per claim",
          "kpiUnit", "USD", "kpiBaseline", 40, "kpiTarget", 25, "measurementMethod", "Finance report",
          "annualValue", 900000, "lineManager", "lena"));
      driver.work("paul", instance, org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, metric);
      String gate = driver.task(instance, org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).getId();
      Http http = http();

      assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.MY_SIGN_OFFS)).contains(gate).doesNotContain(define);
      assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_SIGN_OFFS)).doesNotContain(gate);
      assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.ALL_OPEN_GATES)).contains(gate);
      assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.OVERDUE)).doesNotContain(gate);

      driver.moveClockBy(java.time.Duration.ofDays(22));
      assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.OVERDUE)).contains(gate);
      assertThat(taskIds(http, "paul", TasklistFilterBootstrap.OVERDUE)).doesNotContain(gate);
      assertThat(taskService.createTaskQuery().taskId(gate).singleResult().getDueDate()).as("due date from the phase")
          .isNotNull();
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  /**
   * Issue 18: "My work" is one candidate-user query with assigned tasks included, so PostgreSQL starts from the
   * person's identity links; and the engine checks revoke authorizations on every query ({@code always}), which
   * checks each candidate task's authorization with an indexed sub-select. A claimed task stays in the list; a
   * task of the same role on another pilot does not appear in it.
   */
  @Test
  void myWorkIsOneCandidateQueryThatKeepsClaimedTasks() {
    var filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilterBootstrap.MY_WORK).singleResult();
    org.camunda.bpm.engine.impl.TaskQueryImpl query = filter.getQuery();
    assertThat(query.getQueries()).as("no or-query: it would scan every open task").hasSize(1);
    assertThat(query.getExpressions()).containsEntry("taskCandidateUser", "${currentUser()}");
    assertThat(query.isIncludeAssignedTasks()).isTrue();
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getAuthorizationCheckRevokes()).isEqualTo("always");

    // A new pilot's first task waits for its AI product owner, paul.
    String key = Registrations.newKey("CLAIM");
    ProcessDriver driver = new ProcessDriver(engine);
    var instance = driver.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE),
        org.pilotlifecycle.fivephase.FivePhaseProcess.PROCESS_ID);
    String define = driver.task(instance, org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId();
    Http http = http();
    assertThat(http.postJson("/engine-rest/task/" + define + "/claim", "paul", "{\"userId\":\"paul\"}").status())
        .isEqualTo(204);
    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_WORK)).as("claimed by me").contains(define);
    assertThat(taskIds(http, "priya", TasklistFilterBootstrap.MY_WORK)).as("not a holder").doesNotContain(define);

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

  /** Issue 14 (part): everyone's first filter is "My work", and every card names its pilot. */
  @Test
  void everyoneStartsWithMyWorkWhoseCardsNameThePilot() {
    Http http = http();
    JsonNode filters = http.get("/engine-rest/filter?resourceType=Task", "olivia").json();
    String first = null;
    int lowest = Integer.MAX_VALUE;
    for (JsonNode filter : filters) {
      int priority = filter.path("properties").path("priority").asInt();
      if (priority < lowest) {
        lowest = priority;
        first = filter.path("name").asText();
      }
      List<String> shown = new ArrayList<>();
      filter.path("properties").path("variables").forEach(variable -> shown.add(variable.path("name").asText()));
      assertThat(shown).as("the card variables of " + filter.path("name").asText())
          .containsExactly("pilotName", "pilotKey", "businessUnit", "currentStepLabel", "stepDueDate");
    }
    assertThat(first).as("the filter Tasklist opens first").isEqualTo(TasklistFilterBootstrap.MY_WORK);

    String key = Registrations.newKey("MYWORK");
    ProcessDriver driver = new ProcessDriver(engine);
    var instance = driver.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE),
        org.pilotlifecycle.fivephase.FivePhaseProcess.PROCESS_ID);
    String define = driver.task(instance, org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId();

    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_WORK)).contains(define);
    assertThat(taskIds(http, "olivia", TasklistFilterBootstrap.MY_WORK)).doesNotContain(define);
    assertThat(http.postJson("/engine-rest/task/" + define + "/claim", "paul", "{\"userId\":\"paul\"}").status())
        .isEqualTo(204);
    assertThat(taskIds(http, "paul", TasklistFilterBootstrap.MY_WORK)).as("assigned to me").contains(define);
    JsonNode variables = http.get("/engine-rest/task/" + define + "/variables", "paul").json();
    assertThat(variables.path("pilotName").path("value").asText()).isEqualTo(Registrations.lowRisk(key, Framework.FIVE_PHASE).name());
    assertThat(variables.path("pilotKey").path("value").asText()).isEqualTo(key);
    assertThat(variables.path("businessUnit").path("value").asText()).isNotBlank();
    assertThat(variables.path("currentStepLabel").path("value").asText()).isEqualTo("Phase 1: Outcome definition");
    assertThat(variables.path("stepDueDate").path("value").isNull()).isFalse();

    // Tasklist's search by pilot key: a process variable condition on the filter.
    JsonNode found = http.postJson("/engine-rest/filter/" + filterId(http, "paul", TasklistFilterBootstrap.MY_WORK)
        + "/list", "paul", "{\"processVariables\":[{\"name\":\"pilotKey\",\"operator\":\"eq\",\"value\":\"" + key
        + "\"}]}").json();
    assertThat(found).extracting(task -> task.path("id").asText()).containsExactly(define);
  }
}
