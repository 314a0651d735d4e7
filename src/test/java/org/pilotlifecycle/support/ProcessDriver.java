package org.pilotlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;

/**
 * Works a pilot through a framework process as the roles do in Tasklist: each task completed by a
 * member of its candidate group through its form, each asynchronous check run as the job executor
 * would, timers fired only once the moved clock makes them due.
 */
public class ProcessDriver {

  protected final ProcessEngine engine;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;

  public ProcessDriver(ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  /** Registers the pilot, confirms it, and returns the framework's process instance. */
  public ProcessInstance start(PilotIntakeService intake, PilotRegistration registration, String processKey) {
    intake.register(registration);
    Task confirmation = tasks.createTaskQuery().processInstanceBusinessKey(registration.key())
        .taskDefinitionKey(PilotIntakeProcess.TASK_CONFIRM_REGISTRATION).singleResult();
    complete("paul", confirmation, Map.of(PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, true));
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(processKey).processInstanceBusinessKey(registration.key()).singleResult();
    assertThat(instance).as(processKey + " instance of " + registration.key()).isNotNull();
    return instance;
  }

  public Task task(ProcessInstance instance, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
    return task;
  }

  /** Completes the open task as the user, through its form, then runs the checks that follow. */
  public void work(String user, ProcessInstance instance, String taskDefinitionKey, Map<String, Object> form) {
    complete(user, task(instance, taskDefinitionKey), form);
    runChecks(instance);
  }

  public void complete(String user, Task task, Map<String, Object> form) {
    as(user, () -> forms.submitTaskForm(task.getId(), form));
  }

  public void as(String user, Runnable action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs the due asynchronous steps (the readiness checks), not the timers. */
  public void runChecks(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Asynchronous steps keep coming");
  }

  public void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  /** Fires the timers of the activity that are due now, as the job executor would; fails if none is. */
  public void fireDueTimers(ProcessInstance instance, String activityId) {
    List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .timers().executable().active().list();
    assertThat(due).as("a due timer at " + activityId).isNotEmpty();
    due.forEach(job -> management.executeJob(job.getId()));
    runChecks(instance);
  }

  public long dueTimers(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .timers().executable().active().count();
  }
}
