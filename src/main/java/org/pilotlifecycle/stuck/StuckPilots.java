package org.pilotlifecycle.stuck;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.pilotlifecycle.pilot.PageView;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.system.SystemQueries;
import org.pilotlifecycle.tasklist.TasklistFilterBootstrap;
import org.springframework.stereotype.Service;

/**
 * Which pilots are stuck, where and why: a phase or stage past its due date (the pilot table's index),
 * a readiness check that failed into an incident and a gate waiting too long for its sign-off (the
 * engine's incident and task tables). A portfolio view: everyone sees every stuck pilot, whatever tasks
 * their own groups may read.
 */
@Service
public class StuckPilots {

  private final PilotRegistry registry;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final StuckProperties properties;
  private final Clock clock;

  StuckPilots(PilotRegistry registry, RuntimeService runtimeService, TaskService taskService,
      RepositoryService repositoryService, IdentityService identityService, StuckProperties properties, Clock clock) {
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.properties = properties;
    this.clock = clock;
  }

  /** The stuck pilots, longest stuck first. */
  public PageView<StuckPilot> page(int page, int size) {
    return asPortfolioView(() -> {
      List<StuckPilot> all = all();
      int from = Math.min(page * size, all.size());
      int to = Math.min(from + size, all.size());
      List<StuckPilot> content = all.subList(from, to).stream().map(this::withWaitingActivity).toList();
      return new PageView<>(content, page, size, all.size(), (all.size() + size - 1) / size);
    });
  }

  public Map<StuckReason, Long> countByReason() {
    return asPortfolioView(() -> {
      Map<StuckReason, Long> counts = new EnumMap<>(StuckReason.class);
      for (StuckReason reason : StuckReason.values()) {
        counts.put(reason, 0L);
      }
      all().forEach(stuck -> counts.merge(stuck.reason(), 1L, Long::sum));
      return counts;
    });
  }

  List<StuckPilot> all() {
    Instant now = clock.instant();
    List<StuckPilot> stuck = new ArrayList<>();
    for (Pilot pilot : registry.overdueAt(now)) {
      stuck.add(StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
          StuckReason.STEP_OVERDUE, null, List.of(), pilot.getStepDueAt(), now, pilot.getProcessInstanceId(), null));
    }
    // Root causes only: a failed check in a framework process also raises an incident on the intake's call activity.
    List<Incident> incidents = runtimeService.createIncidentQuery().list().stream()
        .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
        .toList();
    List<Task> waitingGates = taskService.createTaskQuery()
        .taskDefinitionKeyIn(TasklistFilterBootstrap.GATE_TASKS)
        .taskCreatedBefore(Date.from(now.minus(properties.gateWaitingAllowed())))
        .list();
    Set<String> instanceIds = new HashSet<>();
    incidents.forEach(incident -> instanceIds.add(incident.getProcessInstanceId()));
    waitingGates.forEach(task -> instanceIds.add(task.getProcessInstanceId()));
    Map<String, String> pilotKeyByInstance = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
        if (instance.getBusinessKey() != null) {
          pilotKeyByInstance.put(instance.getId(), instance.getBusinessKey());
        }
      }
    }
    Map<String, Pilot> pilots = registry.byKeys(new HashSet<>(pilotKeyByInstance.values()));
    for (Incident incident : incidents) {
      Pilot pilot = pilots.get(pilotKeyByInstance.get(incident.getProcessInstanceId()));
      if (pilot != null) {
        stuck.add(StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
            StuckReason.CHECK_INCIDENT, activityName(incident.getProcessDefinitionId(), incident.getActivityId()),
            List.of(), incident.getIncidentTimestamp().toInstant(), now, incident.getProcessInstanceId(),
            incident.getIncidentMessage()));
      }
    }
    for (Task gate : waitingGates) {
      Pilot pilot = pilots.get(pilotKeyByInstance.get(gate.getProcessInstanceId()));
      if (pilot != null) {
        stuck.add(StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
            StuckReason.GATE_WAITING, gate.getName(), waitingFor(gate),
            gate.getCreateTime().toInstant().plus(properties.gateWaitingAllowed()), now, gate.getProcessInstanceId(),
            null));
      }
    }
    stuck.sort(Comparator.comparingLong(StuckPilot::overdueSeconds).reversed()
        .thenComparing(StuckPilot::pilotKey).thenComparing(StuckPilot::reason));
    return stuck;
  }

  /** For an overdue step: the open task the pilot waits at, and who it waits for. */
  private StuckPilot withWaitingActivity(StuckPilot stuck) {
    if (stuck.reason() != StuckReason.STEP_OVERDUE) {
      return stuck;
    }
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(stuck.pilotKey())
        .orderByTaskCreateTime().asc().list();
    if (open.isEmpty()) {
      return stuck;
    }
    Task task = open.get(0);
    return stuck.waiting(task.getName(), waitingFor(task));
  }

  private List<String> waitingFor(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .sorted()
        .toList();
  }

  private String activityName(String processDefinitionId, String activityId) {
    FlowElement element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  /** Engine queries for the whole portfolio, not limited to the tasks the caller's groups may read. */
  private <T> T asPortfolioView(Supplier<T> query) {
    return SystemQueries.asSystem(identityService, query);
  }
}
