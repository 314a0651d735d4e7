package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.production.ProductionOperationsProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.bootstrap.TasklistFilterBootstrap;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task of every process, opened for a pilot of its own, against every demo user (two or more per
 * role): the pilot's named person for the task's role (or, for the steering committee's tasks, the committee's
 * members) sees it through {@code /engine-rest} and in Tasklist's "My work"; everyone else, including the other
 * members of the same role's group, sees nothing, and reading, claiming, completing or submitting it is refused
 * (403 or 404) with the task unchanged.
 */
@Tag("reliability")
class TaskAuthorizationMatrixTest extends IntegrationTestSupport {

  /** The demo users, one or two per role. */
  static final Map<String, String> ROLE_OF = new java.util.TreeMap<>(Map.ofEntries(
      Map.entry("olivia", Roles.BUSINESS_OWNER), Map.entry("oscar", Roles.BUSINESS_OWNER),
      Map.entry("paul", Roles.AI_PRODUCT_OWNER), Map.entry("priya", Roles.AI_PRODUCT_OWNER),
      Map.entry("tara", Roles.TECH_LEAD), Map.entry("theo", Roles.TECH_LEAD),
      Map.entry("rita", Roles.RISK_COMPLIANCE), Map.entry("raj", Roles.RISK_COMPLIANCE),
      Map.entry("chris", Roles.CHANGE_MANAGER), Map.entry("carmen", Roles.CHANGE_MANAGER),
      Map.entry("sam", Roles.STEERING_COMMITTEE), Map.entry("sofia", Roles.STEERING_COMMITTEE),
      Map.entry("ana", Roles.PROCESS_ANALYST)));

  /** The pilot's people (Registrations.lowRisk) by role. */
  static final Map<org.pilotlifecycle.framework.PilotRole, String> NAMED = Map.of(
      org.pilotlifecycle.framework.PilotRole.EXECUTIVE_OWNER, "olivia",
      org.pilotlifecycle.framework.PilotRole.AI_PRODUCT_OWNER, "paul",
      org.pilotlifecycle.framework.PilotRole.TECH_LEAD, "tara",
      org.pilotlifecycle.framework.PilotRole.RISK_COMPLIANCE_OWNER, "rita",
      org.pilotlifecycle.framework.PilotRole.CHANGE_MANAGER, "chris");

  private static int requests;
  private static int refused;
  private static int serverErrors;
  private static int taskTypes;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;
  @Autowired PilotIntakeService intake;

  static Stream<Arguments> userTasks() {
    return Stream.of(PilotIntakeProcess.PROCESS_ID, FivePhaseProcess.PROCESS_ID, FourStageProcess.PROCESS_ID,
            ProductionOperationsProcess.PROCESS_ID)
        .flatMap(process -> userTaskIds(process).stream().map(task -> Arguments.of(process, task)));
  }

  /** The user tasks as the BPMN file declares them (read without an engine: the parameters come first). */
  static List<String> userTaskIds(String process) {
    var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(new java.io.File("bpmn/" + process + ".bpmn"));
    return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).sorted().toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("userTasks")
  void onlyTheTasksHoldersSeeClaimOrCompleteIt(String process, String taskDefinitionKey) {
    Task task = openTask(process, taskDefinitionKey);
    Set<String> holders = holders(process, taskDefinitionKey);
    assertThat(holders).as("every user task has holders").isNotEmpty();
    Map<String, Object> variablesBefore = taskService.getVariables(task.getId());
    String groupsFilter = filterService.createFilterQuery().filterName(TasklistFilterBootstrap.MY_WORK)
        .singleResult().getId();
    Http http = http();
    taskTypes++;

    for (Map.Entry<String, String> user : ROLE_OF.entrySet()) {
      JsonNode visible = http.get("/engine-rest/task?taskId=" + task.getId(), user.getKey()).json();
      JsonNode inTasklist = http.postJson("/engine-rest/filter/" + groupsFilter + "/list", user.getKey(),
          "{\"taskId\":\"" + task.getId() + "\"}").json();
      if (holders.contains(user.getKey())) {
        assertThat(visible).as(user.getKey() + " sees " + taskDefinitionKey).hasSize(1);
        assertThat(inTasklist).as(user.getKey() + " finds " + taskDefinitionKey + " in Tasklist").hasSize(1);
        continue;
      }
      assertThat(visible).as(user.getKey() + " must not see " + taskDefinitionKey + " of " + holders).isEmpty();
      assertThat(inTasklist).as(user.getKey() + " must not find " + taskDefinitionKey + " in Tasklist").isEmpty();
      for (Http.Response response : List.of(
          http.get("/engine-rest/task/" + task.getId(), user.getKey()),
          http.get("/engine-rest/task/" + task.getId() + "/form-variables", user.getKey()),
          http.postJson("/engine-rest/task/" + task.getId() + "/claim", user.getKey(), "{\"userId\":\"" + user.getKey() + "\"}"),
          http.postJson("/engine-rest/task/" + task.getId() + "/complete", user.getKey(), "{}"),
          http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", user.getKey(), "{\"variables\":{}}"),
          http.postJson("/engine-rest/task/" + task.getId() + "/assignee", user.getKey(), "{\"userId\":\"" + user.getKey() + "\"}"))) {
        requests++;
        if (response.status() >= 500) {
          serverErrors++;
        }
        if (response.status() == 403 || response.status() == 404) {
          refused++;
        }
        assertThat(response.status()).as(user.getKey() + " on " + taskDefinitionKey + ": " + response.body()).isIn(403, 404);
      }
    }

    Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).as("the task is still open").isNotNull();
    assertThat(after.getAssignee()).isNull();
    assertThat(taskService.getVariables(task.getId())).isEqualTo(variablesBefore);
  }

  @AfterAll
  static void report() {
    Counts.report("authorization: %d task types x %d roles, %d foreign requests, %d refused, %d 5xx", taskTypes,
        ROLE_OF.size(), requests, refused, serverErrors);
    assertThat(refused).isEqualTo(requests);
    assertThat(serverErrors).isZero();
  }

  /** A pilot of its own, with the task opened directly (process instance modification). */
  private Task openTask(String process, String taskDefinitionKey) {
    String key = Registrations.newKey("AUTHZ");
    Framework framework = FourStageProcess.PROCESS_ID.equals(process) ? Framework.FOUR_STAGE : Framework.FIVE_PHASE;
    String registered = intake.register(Registrations.lowRisk(key, framework)).getProcessInstanceId();
    if (PilotIntakeProcess.PROCESS_ID.equals(process)) {
      Task confirmation = taskService.createTaskQuery().processInstanceId(registered).singleResult();
      if (confirmation.getTaskDefinitionKey().equals(taskDefinitionKey)) {
        return confirmation;
      }
    }
    walkTo(key, process, taskDefinitionKey);
    Map<String, Object> variables = new java.util.HashMap<>(runtimeService.getVariables(registered));
    if (ProductionOperationsProcess.PROCESS_ID.equals(process)) {
      // What "Plan production operations" and the schedules set before any of its tasks opens.
      variables.put(ProductionOperationsProcess.Variables.EXECUTIVE_REVIEW_CYCLE, "R/P30D");
      variables.put(ProductionOperationsProcess.Variables.RECERTIFICATION_DUE_AT,
          java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(30))));
      variables.put(ProductionOperationsProcess.Variables.RECERTIFICATION_OVERDUE_CYCLE, "R1/2099-01-01T00:00:00Z/P7D");
    }
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(process).businessKey(key)
        .setVariables(variables)
        .startBeforeActivity(taskDefinitionKey)
        .execute();
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(tasks).as(taskDefinitionKey).hasSize(1);
    return tasks.get(0);
  }

  /**
   * Brings the pilot, in the registry, to the step whose sub-process holds the task, through the earlier steps
   * and their gates: the pilot enters a step only in the frameworks' order (Pilot.enterStep), also when a test
   * starts the process right before the task.
   */
  private void walkTo(String key, String process, String taskDefinitionKey) {
    var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(new java.io.File("bpmn/" + process + ".bpmn"));
    org.pilotlifecycle.framework.Step target = null;
    for (var parent = model.getModelElementById(taskDefinitionKey).getParentElement(); parent != null && target == null;
        parent = parent.getParentElement()) {
      if (parent instanceof org.camunda.bpm.model.bpmn.instance.SubProcess subProcess) {
        for (org.pilotlifecycle.framework.Step step : org.pilotlifecycle.framework.Step.values()) {
          if (step.subProcessId().equals(subProcess.getId())) {
            target = step;
          }
        }
      }
    }
    if (target == null) {
      return;
    }
    java.time.Instant due = java.time.Instant.now().plus(java.time.Duration.ofDays(30));
    for (org.pilotlifecycle.framework.Step step : org.pilotlifecycle.framework.Step.of(target.framework())) {
      if (step == target) {
        return;
      }
      registry.enterStep(key, step.name(), due);
      registry.passGate(key, step.name());
    }
  }

  /**
   * Who holds the task by its definition: the role its candidate expression names, mapped to the pilot's named
   * person; the members of the steering committee for its tasks.
   */
  private Set<String> holders(String process, String taskDefinitionKey) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(process)
        .latestVersion().singleResult();
    UserTask userTask = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementById(taskDefinitionKey);
    String users = userTask.getCamundaCandidateUsers();
    if (users == null) {
      Collection<String> groups = userTask.getCamundaCandidateGroupsList();
      return ROLE_OF.entrySet().stream().filter(user -> groups.contains(user.getValue())).map(Map.Entry::getKey)
          .collect(java.util.stream.Collectors.toSet());
    }
    var role = java.util.regex.Pattern.compile("'([A-Z_]+)'").matcher(users);
    assertThat(role.find()).as(taskDefinitionKey + " names a role: " + users).isTrue();
    return Set.of(NAMED.get(org.pilotlifecycle.framework.PilotRole.named(role.group(1))));
  }
}
