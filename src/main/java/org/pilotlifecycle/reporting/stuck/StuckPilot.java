package org.pilotlifecycle.reporting.stuck;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.pilotlifecycle.framework.Framework;

/**
 * One reason one pilot is stuck.
 *
 * @param waitingActivity the task or check the pilot waits at
 * @param waitingFor the candidate groups or the assignee of that task
 * @param since when the pilot became stuck for this reason
 * @param overdueSeconds how long it has been stuck
 * @param detail e.g. the incident's message
 */
public record StuckPilot(String pilotKey, String name, Framework framework, String currentStep, StuckReason reason,
    String waitingActivity, List<String> waitingFor, Instant since, long overdueSeconds, String overdueBy,
    String processInstanceId, String detail) {

  static StuckPilot of(String pilotKey, String name, Framework framework, String currentStep, StuckReason reason,
      String waitingActivity, List<String> waitingFor, Instant since, Instant now, String processInstanceId,
      String detail) {
    Duration overdue = Duration.between(since, now);
    return new StuckPilot(pilotKey, name, framework, currentStep, reason, waitingActivity, waitingFor, since,
        overdue.toSeconds(), overdue.toString(), processInstanceId, detail);
  }

  StuckPilot waiting(String activity, List<String> groupsOrAssignee) {
    return new StuckPilot(pilotKey, name, framework, currentStep, reason, activity, groupsOrAssignee, since,
        overdueSeconds, overdueBy, processInstanceId, detail);
  }
}
