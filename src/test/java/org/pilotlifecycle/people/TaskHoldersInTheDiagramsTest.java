package org.pilotlifecycle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.framework.Step;

/**
 * Every user task of every diagram says who holds it in a way an analyst can read and the element templates
 * offer: a role's task names the role in its candidate users and, the same role, in the group that stands in
 * when the pilot names nobody; a gate uses the approver expressions with the role the step catalogue gives its
 * gate; the steering committee's tasks name its group. No engine: reads bpmn/ and the templates.
 */
class TaskHoldersInTheDiagramsTest {

  private static final Pattern ROLE_EXPRESSION =
      Pattern.compile("\\$\\{pilotPeople\\.(users|approvers|groupIfNobodyNamed|approverGroupIfNobodyNamed)\\(execution, '([A-Z_]+)'\\)}");

  record Holder(String diagram, String task, String users, String groups) {
  }

  static List<Holder> userTasks() {
    List<Holder> tasks = new ArrayList<>();
    for (String diagram : List.of("PilotIntake", "FivePhaseOperationalization", "FourStageScaling")) {
      var model = Bpmn.readModelFromFile(new File("bpmn/" + diagram + ".bpmn"));
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        tasks.add(new Holder(diagram, task.getId(), task.getCamundaCandidateUsers(), task.getCamundaCandidateGroups()));
      }
    }
    return tasks;
  }

  @Test
  void eachTaskNamesOneRoleForItsPersonAndItsStandInGroupOrIsTheSteeringCommittees() {
    Set<String> gates = new HashSet<>(Step.gateTaskIds());
    for (Holder task : userTasks()) {
      String where = task.diagram() + "/" + task.task();
      if (task.users() == null) {
        assertThat(task.groups()).as(where + ": a task without a named person is the steering committee's")
            .isEqualTo(Roles.STEERING_COMMITTEE);
        continue;
      }
      Matcher users = ROLE_EXPRESSION.matcher(task.users());
      Matcher groups = ROLE_EXPRESSION.matcher(task.groups() == null ? "" : task.groups());
      assertThat(users.matches()).as(where + " candidateUsers " + task.users()).isTrue();
      assertThat(groups.matches()).as(where + " candidateGroups " + task.groups()).isTrue();
      assertThat(groups.group(2)).as(where + ": the same role for the person and the group").isEqualTo(users.group(2));
      PilotRole role = PilotRole.named(users.group(2));
      assertThat(role.groupId()).as(where + ": a role with a group").isPresent();
      boolean gate = gates.contains(task.task());
      assertThat(users.group(1)).as(where).isEqualTo(gate ? "approvers" : "users");
      assertThat(groups.group(1)).as(where).isEqualTo(gate ? "approverGroupIfNobodyNamed" : "groupIfNobodyNamed");
    }
  }

  @Test
  void eachGateGoesToTheRoleTheStepCatalogueNamesForIt() {
    for (Step step : Step.values()) {
      Optional<String> gate = step.gateTaskId();
      if (gate.isEmpty()) {
        assertThat(step.gateApprover()).as(step + " has no gate task, so no approver").isEmpty();
        continue;
      }
      Holder task = userTasks().stream().filter(holder -> holder.task().equals(gate.get())).findFirst().orElseThrow();
      if (step.gateApprover().isEmpty()) {
        assertThat(task.groups()).as(step + ": the steering committee decides").isEqualTo(Roles.STEERING_COMMITTEE);
      } else {
        assertThat(task.users()).as(step + "'s gate").isEqualTo(
            "${pilotPeople.approvers(execution, '" + step.gateApprover().get().name() + "')}");
      }
    }
    assertThat(Step.OUTCOME_DEFINITION.gateApprover()).as("the executive owner signs off the success metric")
        .contains(PilotRole.EXECUTIVE_OWNER);
    assertThat(Step.GOVERNANCE_AND_RISK_CONTROLS.gateApprover()).as("the risk & compliance owner signs off governance")
        .contains(PilotRole.RISK_COMPLIANCE_OWNER);
  }

  @Test
  void theElementTemplatesOfferExactlyTheExpressionsTheDiagramsUse() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> gateChoices = choices(json.readTree(new File("bpmn/.camunda/element-templates/gates.json")),
        "org.pilotlifecycle.gate.signOff");
    Set<String> deliverableChoices = choices(json.readTree(
        new File("bpmn/.camunda/element-templates/deliverable-task.json")), "org.pilotlifecycle.deliverable");
    Set<String> gates = new HashSet<>(Step.gateTaskIds());
    for (Holder task : userTasks()) {
      Set<String> offered = gates.contains(task.task()) ? gateChoices : deliverableChoices;
      if (task.users() != null) {
        assertThat(offered).as(task.task() + "'s person").contains(task.users());
      }
      assertThat(offered).as(task.task() + "'s group").contains(task.groups());
    }
    for (PilotRole role : PilotRole.values()) {
      if (role.groupId().isPresent()) {
        assertThat(deliverableChoices).contains("${pilotPeople.users(execution, '" + role.name() + "')}",
            "${pilotPeople.groupIfNobodyNamed(execution, '" + role.name() + "')}");
        assertThat(gateChoices).contains("${pilotPeople.approvers(execution, '" + role.name() + "')}",
            "${pilotPeople.approverGroupIfNobodyNamed(execution, '" + role.name() + "')}");
      }
    }
  }

  private static Set<String> choices(JsonNode templates, String id) {
    Set<String> values = new HashSet<>();
    for (JsonNode template : templates) {
      if (id.equals(template.path("id").asText())) {
        for (JsonNode property : template.path("properties")) {
          String binding = property.path("binding").path("name").asText();
          if (binding.equals("camunda:candidateUsers") || binding.equals("camunda:candidateGroups")) {
            property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
          }
        }
      }
    }
    assertThat(values).as("choices of " + id).isNotEmpty();
    return values;
  }
}
