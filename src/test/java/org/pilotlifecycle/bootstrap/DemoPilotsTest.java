package org.pilotlifecycle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo pilots of the default profile, seeded here on the test context (where start-up leaves them out): their
 * business units and named people, who has which task, and a second run that changes nothing.
 */
class DemoPilotsTest extends IntegrationTestSupport {

  static final List<String> KEYS = DemoPilots.ALL.stream().map(DemoPilots.DemoPilot::key).toList();

  @Autowired DemoPilots demoPilots;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @Test
  void theTestProfileStartsWithoutDemoPilotsAndTheDefaultProfileWithThem() {
    assertThat(new DemoPilotsProperties(null).seed(true, true)).as("default profile").isTrue();
    assertThat(new DemoPilotsProperties(false).seed(true, true)).as("switched off").isFalse();
    assertThat(new DemoPilotsProperties(null).seed(false, true)).as("another profile, test included").isFalse();
    assertThat(new DemoPilotsProperties(true).seed(true, false)).as("never without the demo users").isFalse();
  }

  @Test
  void demoPilotsOfDifferentBusinessUnitsWaitForTheirNamedPeopleAndASecondRunChangesNothing() {
    List<String> registered = demoPilots.seed();
    assertThat(registered).as("registered now (or by an earlier run in this JVM)").isSubsetOf(KEYS);

    assertThat(KEYS.stream().map(registry::get).toList())
        .extracting(Pilot::getKey, Pilot::getBusinessUnit, Pilot::getFramework, Pilot::getExecutiveOwner,
            Pilot::getAiProductOwner, Pilot::getTechLead, Pilot::getRiskComplianceOwner, Pilot::getChangeManager,
            Pilot::getLineManager)
        .containsExactly(
            tuple("CLAIMS-TRIAGE", "Claims operations", Framework.FIVE_PHASE, "olivia", "paul", "tara", "rita", "chris", "lena"),
            tuple("INVOICE-MATCHING", "Finance", Framework.FIVE_PHASE, "olivia", "priya", "theo", null, null, "lena"),
            tuple("CALL-SUMMARIES", "Customer service", Framework.FIVE_PHASE, "oscar", "paul", "theo", "raj", "carmen", "lena"),
            tuple("CREDIT-LIMITS", "Retail lending", Framework.FOUR_STAGE, "oscar", "priya", "theo", "raj", "carmen", null),
            tuple("CHURN-SIGNALS", "Marketing", Framework.FOUR_STAGE, "oscar", "paul", "tara", "rita", "chris", null));

    // Where each waits, and for whom.
    Map<String, String> open = openTasks();
    assertThat(open).containsExactlyInAnyOrderEntriesOf(Map.of(
        "CLAIMS-TRIAGE", FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC,
        "INVOICE-MATCHING", FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC,
        "CALL-SUMMARIES", FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC,
        "CREDIT-LIMITS", FourStageProcess.TASK_ASSESS_READINESS_GAPS,
        "CHURN-SIGNALS", PilotIntakeProcess.TASK_CONFIRM_REGISTRATION));
    assertThat(pilotsWithTasksOf("olivia")).as("Olivia's sign-offs, of her own pilots only")
        .containsExactly("CLAIMS-TRIAGE", "INVOICE-MATCHING");
    assertThat(pilotsWithTasksOf("oscar")).as("Oscar's, of his own pilots only").containsExactly("CALL-SUMMARIES");
    assertThat(pilotsWithTasksOf("theo")).containsExactly("CREDIT-LIMITS");
    assertThat(pilotsWithTasksOf("paul")).containsExactly("CHURN-SIGNALS");
    assertThat(pilotsWithTasksOf("tara")).isEmpty();
    assertThat(pilotsWithTasksOf("lena")).as("a line manager has no task of her own").isEmpty();

    long instances = runtimeService.createProcessInstanceQuery().count();
    long tasks = taskService.createTaskQuery().count();
    assertThat(demoPilots.seed()).as("a second run registers nothing").isEmpty();
    assertThat(openTasks()).isEqualTo(open);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
  }

  /** The demo pilots' open tasks: pilot key to task definition key. */
  private Map<String, String> openTasks() {
    Map<String, String> open = new TreeMap<>();
    for (String key : KEYS) {
      List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(key).list();
      assertThat(tasks).as("open tasks of " + key).hasSize(1);
      open.put(key, tasks.get(0).getTaskDefinitionKey());
    }
    return open;
  }

  /** The demo pilots in whose tasks the user is a candidate, as "My work" lists them (directly or by group). */
  private List<String> pilotsWithTasksOf(String user) {
    return KEYS.stream()
        .filter(key -> taskService.createTaskQuery().processInstanceBusinessKey(key).taskCandidateUser(user).count() > 0)
        .toList();
  }
}
