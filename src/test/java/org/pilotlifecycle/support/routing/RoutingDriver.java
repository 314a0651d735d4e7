package org.pilotlifecycle.support.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a process instance through its diagram by hand: completes user tasks, executes the async
 * continuations (the readiness checks) and fires timers once the engine's clock has been moved past their
 * due date. Nothing sleeps; the job executor is off.
 */
public final class RoutingDriver {

  private final TaskService taskService;
  private final ManagementService managementService;

  public RoutingDriver(ProcessEngine engine) {
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
  }

  /** The one open task of this definition key in the instance. */
  public Task task(ProcessInstance instance, String taskKey) {
    List<Task> tasks = tasks(instance, taskKey);
    assertThat(tasks).as("open %s tasks; open tasks are %s", taskKey, openTasks(instance)).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** The definition keys of the instance's open tasks, sorted. */
  public List<String> openTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** Completes the one open task of this key with the variables, as a form submission would. */
  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(instance, taskKey).getId(), variables);
  }

  public void complete(ProcessInstance instance, String taskKey) {
    complete(instance, taskKey, Map.of());
  }

  /**
   * Executes the instance's async continuations (message jobs) until none is left; the timers stay.
   *
   * @return how many were executed
   */
  public int runAsyncContinuations(ProcessInstance instance) {
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    throw new AssertionError("async continuations keep coming after 50 rounds");
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** The pending timer job of this timer event (boundary or intermediate), or null. */
  public Job timer(ProcessInstance instance, String timerEventId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(timerEventId).timers().list();
    assertThat(jobs).as("pending timers of %s", timerEventId).hasSizeLessThanOrEqualTo(1);
    return jobs.isEmpty() ? null : jobs.get(0);
  }

  /** The timer's due date; fails when the timer is not pending. */
  public Instant timerDue(ProcessInstance instance, String timerEventId) {
    Job job = timer(instance, timerEventId);
    assertThat(job).as("pending timer %s", timerEventId).isNotNull();
    return job.getDuedate().toInstant();
  }

  /** Fires the timer, which must be due at the engine's current time (move the clock first). */
  public void fireDueTimer(ProcessInstance instance, String timerEventId) {
    Job job = timer(instance, timerEventId);
    assertThat(job).as("pending timer %s", timerEventId).isNotNull();
    assertThat(job.getDuedate()).as("due date of %s at %s", timerEventId, now())
        .isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    managementService.executeJob(job.getId());
  }

  /** Fires every timer of the instance that is due at the engine's current time; returns their event ids. */
  public List<String> fireAllDueTimers(ProcessInstance instance) {
    List<String> fired = new ArrayList<>();
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list()) {
      fired.add(managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId());
      managementService.executeJob(job.getId());
    }
    return fired;
  }
}
