package org.pilotlifecycle.fivephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;

/**
 * Works a pilot through the five phases as the roles do in Tasklist: each task completed by a member of
 * its candidate group through its form, each readiness check run as the job executor would.
 */
final class FivePhaseDriver {

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;

  FivePhaseDriver(ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  /** Registers the pilot, confirms it, and returns its five-phase process instance. */
  ProcessInstance start(PilotIntakeService intake, PilotRegistration registration) {
    intake.register(registration);
    Task confirmation = tasks.createTaskQuery().processInstanceBusinessKey(registration.key())
        .taskDefinitionKey(PilotIntakeProcess.TASK_CONFIRM_REGISTRATION).singleResult();
    complete("paul", confirmation, Map.of(PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, true));
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(registration.key()).singleResult();
    assertThat(instance).as("five-phase instance of " + registration.key()).isNotNull();
    return instance;
  }

  Task task(ProcessInstance instance, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
    return task;
  }

  /** Completes the open task as the user, through its form, then runs the checks that follow. */
  void work(String user, ProcessInstance instance, String taskDefinitionKey, Map<String, Object> form) {
    complete(user, task(instance, taskDefinitionKey), form);
    runChecks(instance);
  }

  void complete(String user, Task task, Map<String, Object> form) {
    as(user, () -> forms.submitTaskForm(task.getId(), form));
  }

  void as(String user, Runnable action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the due asynchronous steps (the readiness checks), not the timers. */
  void runChecks(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Asynchronous steps keep coming");
  }

  void passPhase1(ProcessInstance instance) {
    work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, FivePhaseForms.approve());
  }

  void submitPhase2(ProcessInstance instance) {
    work("tara", instance, TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(3));
    work("tara", instance, TASK_MEASURE_PRODUCTION_PERFORMANCE, FivePhaseForms.productionPerformance(0.90, 0.86));
  }

  void passPhase2(ProcessInstance instance) {
    submitPhase2(instance);
    work("theo", instance, TASK_APPROVE_DATA_READINESS, FivePhaseForms.approve());
  }

  void submitPhase3(ProcessInstance instance) {
    work("tara", instance, TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(true));
    work("paul", instance, TASK_BUILD_COST_MODEL, FivePhaseForms.costModel(120000, 480000, null));
  }

  void passPhase3(ProcessInstance instance) {
    submitPhase3(instance);
    work("theo", instance, TASK_APPROVE_MLOPS_READINESS, FivePhaseForms.approve());
  }

  void submitPhase4(ProcessInstance instance) {
    work("paul", instance, TASK_REVIEW_RISK_INPUTS, FivePhaseForms.riskInputs(false, "ADVISORY"));
    work("paul", instance, TASK_PROVIDE_GOVERNANCE_EVIDENCE, FivePhaseForms.governanceEvidence());
  }

  void passPhase4(ProcessInstance instance) {
    submitPhase4(instance);
    work("rita", instance, TASK_SIGN_OFF_GOVERNANCE, FivePhaseForms.approve());
  }

  void passPhase5(ProcessInstance instance) {
    work("chris", instance, TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, FivePhaseForms.operatingModelEvidence());
    work("sam", instance, TASK_APPROVE_PRODUCTION, FivePhaseForms.approve());
  }

  void passAll(ProcessInstance instance) {
    passPhase1(instance);
    passPhase2(instance);
    passPhase3(instance);
    passPhase4(instance);
    passPhase5(instance);
  }
}
