package org.pilotlifecycle.reporting.stuck;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.pilotlifecycle.framework.Framework;

/**
 * One reason one pilot is stuck.
 *
 * @param waitingActivity the name of the task or check the pilot waits at
 * @param waitingFor the candidate groups or the assignee of that task
 * @param since when the pilot became stuck for this reason
 * @param overdueSeconds how long it has been stuck
 * @param processInstanceId the process instance the pilot waits in: for a pilot in its framework, the framework's
 *     instance (called from PilotIntake), which holds {@code activityId}; the intake's instance while the pilot waits
 *     there, or when an overdue pilot waits at no task
 * @param detail e.g. the incident's message
 * @param activityId the BPMN element id of {@code waitingActivity} in {@code processDefinitionId}; null when an
 *     overdue pilot waits at no task
 * @param processDefinitionId the definition (one version) of {@code processInstanceId} that holds {@code activityId}
 * @param processDefinitionKey its key, e.g. {@code FivePhaseOperationalization}
 */
public record StuckPilot(String pilotKey, String name, Framework framework, String currentStep, StuckReason reason,
    String waitingActivity, List<String> waitingFor, Instant since, long overdueSeconds, String overdueBy,
    String processInstanceId, String detail, String activityId, String processDefinitionId,
    String processDefinitionKey) {

  /** Without where in a diagram the pilot waits (the fields the list had first). */
  public StuckPilot(String pilotKey, String name, Framework framework, String currentStep, StuckReason reason,
      String waitingActivity, List<String> waitingFor, Instant since, long overdueSeconds, String overdueBy,
      String processInstanceId, String detail) {
    this(pilotKey, name, framework, currentStep, reason, waitingActivity, waitingFor, since, overdueSeconds, overdueBy,
        processInstanceId, detail, null, null, null);
  }

  static StuckPilot of(String pilotKey, String name, Framework framework, String currentStep, StuckReason reason,
      Instant since, Instant now, String processInstanceId, String detail) {
    Duration overdue = Duration.between(since, now);
    return new StuckPilot(pilotKey, name, framework, currentStep, reason, null, List.of(), since,
        overdue.toSeconds(), overdue.toString(), processInstanceId, detail);
  }

  /** Waiting at an activity of a process instance: its name, who it waits for, its element and definition. */
  StuckPilot at(String activityName, List<String> groupsOrAssignee, String instanceId, String elementId,
      String definitionId, String definitionKey) {
    return new StuckPilot(pilotKey, name, framework, currentStep, reason, activityName, groupsOrAssignee, since,
        overdueSeconds, overdueBy, instanceId, detail, elementId, definitionId, definitionKey);
  }
}
