package org.pilotlifecycle.reporting.stuck;

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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.pilotlifecycle.web.PageView;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewer;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.framework.Step;
import org.springframework.stereotype.Service;

/**
 * Which pilots are stuck, where and why: a phase or stage past its due date (the pilot table's index),
 * a readiness check that failed into an incident and a gate waiting too long for its sign-off (the
 * engine's incident and task tables). A portfolio view of the pilots the caller sees (every pilot for the
 * oversight roles, see {@link Viewers}), whatever tasks their own groups may read.
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
  private final Viewers viewers;

  StuckPilots(PilotRegistry registry, RuntimeService runtimeService, TaskService taskService,
      RepositoryService repositoryService, IdentityService identityService, StuckProperties properties, Clock clock,
      Viewers viewers) {
    this.viewers = viewers;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The stuck pilots, longest stuck first. Each source is read in the database in that order and only as
   * far as the page reaches ({@code (page + 1) * size} rows at most), so the first page costs the same
   * whether the portfolio holds a thousand pilots or a hundred thousand.
   */
  public PageView<StuckPilot> page(int page, int size) {
    Visible visible = visible();
    return asPortfolioView(() -> {
      Instant now = clock.instant();
      int reach = Math.multiplyExact(page + 1, size);
      List<StuckPilot> candidates = candidates(now, reach, visible);
      int from = Math.min(page * size, candidates.size());
      int to = Math.min(from + size, candidates.size());
      List<StuckPilot> content = withWaitingActivities(candidates.subList(from, to));
      long total = counts(now, visible).values().stream().mapToLong(Long::longValue).sum();
      return new PageView<>(content, page, size, total, (int) ((total + size - 1) / size));
    });
  }

  public Map<StuckReason, Long> countByReason() {
    Visible visible = visible();
    return asPortfolioView(() -> counts(clock.instant(), visible));
  }

  private Map<StuckReason, Long> counts(Instant now, Visible visible) {
    Map<StuckReason, Long> counts = new EnumMap<>(StuckReason.class);
    counts.put(StuckReason.STEP_OVERDUE, registry.countOverdueAt(now, visible.viewer()));
    counts.put(StuckReason.CHECK_INCIDENT, rootCauseIncidents(visible).stream()
        .filter(incident -> incident.getProcessInstanceId() != null).count());
    counts.put(StuckReason.GATE_WAITING, visible.all() ? waitingGates(now, null).count()
        : visible.chunks().stream().mapToLong(keys -> waitingGates(now, keys).count()).sum());
    return counts;
  }

  /** Every stuck pilot, longest stuck first (tests and small portfolios). */
  List<StuckPilot> all() {
    Instant now = clock.instant();
    Visible visible = visible();
    long total = counts(now, visible).values().stream().mapToLong(Long::longValue).sum();
    return candidates(now, (int) Math.min(Integer.MAX_VALUE, Math.max(1, total)), visible);
  }

  /** The first {@code reach} stuck pilots of each source, merged longest stuck first. */
  private List<StuckPilot> candidates(Instant now, int reach, Visible visible) {
    List<StuckPilot> stuck = new ArrayList<>();
    for (Pilot pilot : registry.longestOverdueAt(now, reach, visible.viewer())) {
      stuck.add(StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
          StuckReason.STEP_OVERDUE, null, List.of(), pilot.getStepDueAt(), now, pilot.getProcessInstanceId(), null));
    }
    List<Incident> incidents = rootCauseIncidents(visible).stream()
        .sorted(Comparator.comparing(Incident::getIncidentTimestamp))
        .limit(reach)
        .toList();
    List<Task> waitingGates = oldestWaitingGates(now, reach, visible);
    Set<String> instanceIds = new HashSet<>();
    incidents.forEach(incident -> instanceIds.add(incident.getProcessInstanceId()));
    waitingGates.forEach(task -> instanceIds.add(task.getProcessInstanceId()));
    instanceIds.remove(null);
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

  /** Root causes only: a failed check in a framework process also raises an incident on the intake's call activity. */
  private List<Incident> rootCauseIncidents() {
    return runtimeService.createIncidentQuery().list().stream()
        .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
        .toList();
  }

  /** The root causes on the pilots the caller sees. */
  private List<Incident> rootCauseIncidents(Visible visible) {
    List<Incident> incidents = rootCauseIncidents();
    if (visible.all() || incidents.isEmpty()) {
      return incidents;
    }
    Set<String> instanceIds = new HashSet<>();
    incidents.forEach(incident -> instanceIds.add(incident.getProcessInstanceId()));
    instanceIds.remove(null);
    Set<String> seen = new HashSet<>();
    if (!instanceIds.isEmpty()) {
      runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
          .filter(instance -> visible.keys().contains(instance.getBusinessKey()))
          .forEach(instance -> seen.add(instance.getId()));
    }
    return incidents.stream().filter(incident -> seen.contains(incident.getProcessInstanceId())).toList();
  }

  /** @param keys the business keys to look at, null for every pilot */
  private org.camunda.bpm.engine.task.TaskQuery waitingGates(Instant now, String[] keys) {
    org.camunda.bpm.engine.task.TaskQuery query = taskService.createTaskQuery()
        .taskDefinitionKeyIn(Step.gateTaskIds().toArray(String[]::new))
        .taskCreatedBefore(Date.from(now.minus(properties.gateWaitingAllowed())));
    return keys == null ? query : query.processInstanceBusinessKeyIn(keys);
  }

  /** The first {@code reach} gates waiting too long on the pilots the caller sees, oldest first. */
  private List<Task> oldestWaitingGates(Instant now, int reach, Visible visible) {
    if (visible.all()) {
      return waitingGates(now, null).orderByTaskCreateTime().asc().listPage(0, reach);
    }
    List<Task> gates = new ArrayList<>();
    for (String[] keys : visible.chunks()) {
      gates.addAll(waitingGates(now, keys).orderByTaskCreateTime().asc().listPage(0, reach));
    }
    gates.sort(Comparator.comparing(Task::getCreateTime));
    return gates.subList(0, Math.min(reach, gates.size()));
  }

  /** The pilots the caller sees: every one ({@code keys} null), or their running pilots' keys. */
  private record Visible(Viewer viewer, Set<String> keys) {

    /** Keys per engine query: a bounded {@code in} list, however many pilots someone is named on. */
    static final int KEYS_PER_QUERY = 1000;

    boolean all() {
      return keys == null;
    }

    List<String[]> chunks() {
      List<String> sorted = keys.stream().sorted().toList();
      List<String[]> chunks = new ArrayList<>();
      for (int from = 0; from < sorted.size(); from += KEYS_PER_QUERY) {
        chunks.add(sorted.subList(from, Math.min(from + KEYS_PER_QUERY, sorted.size())).toArray(String[]::new));
      }
      return chunks;
    }
  }

  /** Read before {@link #asPortfolioView}, which sets the caller aside. */
  private Visible visible() {
    Viewer viewer = viewers.current();
    return new Visible(viewer, viewer.seesAll() ? null : registry.runningKeysVisibleTo(viewer));
  }

  /**
   * For the overdue steps of a page: the open task each pilot waits at (its oldest), and who it waits for.
   * One task query and one instance query for the whole page.
   */
  private List<StuckPilot> withWaitingActivities(List<StuckPilot> page) {
    String[] keys = page.stream().filter(stuck -> stuck.reason() == StuckReason.STEP_OVERDUE)
        .map(StuckPilot::pilotKey).distinct().toArray(String[]::new);
    if (keys.length == 0) {
      return page;
    }
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyIn(keys)
        .orderByTaskCreateTime().asc().list();
    Map<String, String> keyByInstance = new HashMap<>();
    Set<String> instanceIds = new HashSet<>();
    open.forEach(task -> instanceIds.add(task.getProcessInstanceId()));
    if (!instanceIds.isEmpty()) {
      runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
          .forEach(instance -> keyByInstance.put(instance.getId(), instance.getBusinessKey()));
    }
    Map<String, Task> oldestByKey = new HashMap<>();
    for (Task task : open) {
      oldestByKey.putIfAbsent(keyByInstance.get(task.getProcessInstanceId()), task);
    }
    return page.stream().map(stuck -> {
      Task task = stuck.reason() == StuckReason.STEP_OVERDUE ? oldestByKey.get(stuck.pilotKey()) : null;
      return task == null ? stuck : stuck.waiting(task.getName(), waitingFor(task));
    }).toList();
  }

  /** The assignee, or else the task's candidates: the named people, or the groups standing in for them. */
  private List<String> waitingFor(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    SystemQueries.asSystem(identityService, () -> taskService.getIdentityLinksForTask(task.getId())).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .forEach(link -> {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          } else if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        });
    users.sort(null);
    groups.sort(null);
    users.addAll(groups);
    return users;
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
