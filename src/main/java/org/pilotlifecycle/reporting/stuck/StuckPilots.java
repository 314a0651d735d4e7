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

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.pilotlifecycle.web.PageView;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewer;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.engine.TaskCandidates;
import org.pilotlifecycle.framework.Step;
import org.springframework.stereotype.Service;

/**
 * Which pilots are stuck, where and why: a phase or stage past its due date (the pilot table's index), a pilot in
 * production past the due date of its re-certification,
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
  private final HistoryService historyService;
  private final StuckProperties properties;
  private final Clock clock;
  private final Viewers viewers;
  private final PilotAuditTrail auditTrail;

  StuckPilots(PilotRegistry registry, RuntimeService runtimeService, TaskService taskService,
      RepositoryService repositoryService, IdentityService identityService, HistoryService historyService,
      StuckProperties properties, Clock clock, Viewers viewers, PilotAuditTrail auditTrail) {
    this.viewers = viewers;
    this.auditTrail = auditTrail;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.historyService = historyService;
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
    counts.put(StuckReason.RECERTIFICATION_OVERDUE, registry.countRecertificationOverdueAt(now, visible.viewer()));
    counts.put(StuckReason.CHECK_INCIDENT, rootCauseIncidents(visible).stream()
        .filter(incident -> incident.getProcessInstanceId() != null).count());
    counts.put(StuckReason.GATE_WAITING, visible.all() ? waitingGates(now, null).count()
        : visible.chunks().stream().mapToLong(keys -> waitingGates(now, keys).count()).sum());
    counts.put(StuckReason.AUDIT_TRAIL_BROKEN, (long) brokenChains(visible).size());
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
      stuck.add(overdue(pilot, now));
    }
    for (Pilot pilot : registry.recertificationOverdueAt(now, reach, visible.viewer())) {
      stuck.add(recertificationOverdue(pilot, now));
    }
    List<PilotAuditTrail.BrokenChain> broken = brokenChains(visible);
    Map<String, Pilot> brokenPilots = registry.byKeys(broken.stream().map(PilotAuditTrail.BrokenChain::pilotKey)
        .collect(java.util.stream.Collectors.toSet()));
    broken.stream().limit(reach).forEach(chain -> {
      Pilot pilot = brokenPilots.get(chain.pilotKey());
      stuck.add(StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
          StuckReason.AUDIT_TRAIL_BROKEN, chain.detectedAt(), now, pilot.getProcessInstanceId(),
          "Audit entry " + chain.entryId() + ": " + chain.problem()));
    });
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
        stuck.add(incident(pilot, incident, now));
      }
    }
    for (Task gate : waitingGates) {
      Pilot pilot = pilots.get(pilotKeyByInstance.get(gate.getProcessInstanceId()));
      if (pilot != null) {
        stuck.add(gate(pilot, gate, now));
      }
    }
    stuck.sort(Comparator.comparingLong(StuckPilot::overdueSeconds).reversed()
        .thenComparing(StuckPilot::pilotKey).thenComparing(StuckPilot::reason));
    return stuck;
  }

  /** The broken audit chains of the pilots the caller sees (the nightly verification's findings). */
  private List<PilotAuditTrail.BrokenChain> brokenChains(Visible visible) {
    return auditTrail.brokenChainList().stream()
        .filter(chain -> visible.all() || visible.keys().contains(chain.pilotKey())).toList();
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
      return task == null ? stuck : waitingAt(stuck, task);
    }).toList();
  }

  private StuckPilot overdue(Pilot pilot, Instant now) {
    return StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
        StuckReason.STEP_OVERDUE, pilot.getStepDueAt(), now, pilot.getProcessInstanceId(), null);
  }

  private StuckPilot recertificationOverdue(Pilot pilot, Instant now) {
    return StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
        StuckReason.RECERTIFICATION_OVERDUE, pilot.getRecertificationDueAt(), now, pilot.getProcessInstanceId(), null);
  }

  private StuckPilot incident(Pilot pilot, Incident incident, Instant now) {
    return StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
            StuckReason.CHECK_INCIDENT, incident.getIncidentTimestamp().toInstant(), now,
            incident.getProcessInstanceId(), incident.getIncidentMessage())
        .at(activityName(incident.getProcessDefinitionId(), incident.getActivityId()), List.of(),
            incident.getProcessInstanceId(), incident.getActivityId(), incident.getProcessDefinitionId(),
            definitionKey(incident.getProcessDefinitionId()));
  }

  private StuckPilot gate(Pilot pilot, Task gate, Instant now) {
    return waitingAt(StuckPilot.of(pilot.getKey(), pilot.getName(), pilot.getFramework(), pilot.getCurrentStep(),
        StuckReason.GATE_WAITING, gate.getCreateTime().toInstant().plus(properties.gateWaitingAllowed()), now,
        gate.getProcessInstanceId(), null), gate);
  }

  /** Waiting at the task: in the task's process instance (the framework's, for a pilot in its framework). */
  private StuckPilot waitingAt(StuckPilot stuck, Task task) {
    return stuck.at(task.getName(), waitingFor(task), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
        task.getProcessDefinitionId(), definitionKey(task.getProcessDefinitionId()));
  }

  /** The definition's key, from the engine's deployment cache. */
  private String definitionKey(String processDefinitionId) {
    return processDefinitionId == null ? null : repositoryService.getProcessDefinition(processDefinitionId).getKey();
  }

  /** The assignee, or else the task's candidates: the named people, or the groups standing in for them. */
  private List<String> waitingFor(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    TaskCandidates candidates = SystemQueries.asSystem(identityService,
        () -> TaskCandidates.linked(taskService, task.getId()));
    List<String> holders = new ArrayList<>(candidates.users());
    holders.addAll(candidates.groups());
    return holders;
  }

  private String activityName(String processDefinitionId, String activityId) {
    FlowElement element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  /** How many keys or ids one {@code IN} clause takes. */
  private static final int CHUNK = 500;

  /**
   * Where in one process definition's diagram pilots are stuck (Cockpit's overlay): the pilots waiting in instances
   * of that definition, at the activity they wait at, and the pilots stuck in a process it calls, at the call
   * activity. Counts every stuck pilot of the definition, lists at most {@code listed} per activity.
   *
   * @throws ProcessDefinitionNotFoundException no definition has this id
   */
  public StuckOnDiagram onDiagram(String processDefinitionId, int listed) {
    return asPortfolioView(() -> {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
          .processDefinitionId(processDefinitionId).singleResult();
      if (definition == null) {
        throw new ProcessDefinitionNotFoundException(processDefinitionId);
      }
      Instant now = clock.instant();
      Map<String, List<StuckPilot>> stuck = new HashMap<>();
      for (StuckPilot pilot : stuckIn(now, definition.getId(), null)) {
        stuck.computeIfAbsent(pilot.activityId(), id -> new ArrayList<>()).add(pilot);
      }
      for (Map.Entry<String, String> call : callActivities(definition.getId()).entrySet()) {
        List<StuckPilot> called = stuckIn(now, null, call.getKey());
        Set<String> calledHere = calledFrom(definition.getId(),
            called.stream().map(StuckPilot::processInstanceId).collect(java.util.stream.Collectors.toSet()));
        called.stream().filter(pilot -> calledHere.contains(pilot.processInstanceId()))
            .forEach(pilot -> stuck.computeIfAbsent(call.getValue(), id -> new ArrayList<>()).add(pilot));
      }
      return StuckOnDiagram.of(definition.getId(), definition.getKey(), definition.getVersion(), stuck,
          activityId -> activityName(definition.getId(), activityId), listed);
    });
  }

  /**
   * The stuck pilots waiting in instances of one definition (by id) or of every version of one process (by key),
   * each at its activity. Overdue pilots are placed at their oldest open task there; one waiting at no task there is
   * not on this diagram.
   */
  private List<StuckPilot> stuckIn(Instant now, String definitionId, String definitionKey) {
    List<StuckPilot> stuck = new ArrayList<>();
    Viewer viewer = viewers.current();
    // A phase or stage past its due date, or a re-certification past its due date: the pilot table knows who; the
    // open tasks, where.
    Map<String, StuckPilot> waiting = new HashMap<>();
    long overdueCount = registry.countOverdueAt(now, viewer);
    if (overdueCount > 0) {
      registry.longestOverdueAt(now, (int) Math.min(Integer.MAX_VALUE, overdueCount), viewer)
          .forEach(pilot -> waiting.put(pilot.getKey(), overdue(pilot, now)));
    }
    long recertificationCount = registry.countRecertificationOverdueAt(now, viewer);
    if (recertificationCount > 0) {
      registry.recertificationOverdueAt(now, (int) Math.min(Integer.MAX_VALUE, recertificationCount), viewer)
          .forEach(pilot -> waiting.putIfAbsent(pilot.getKey(), recertificationOverdue(pilot, now)));
    }
    List<String> keys = new ArrayList<>(waiting.keySet());
    for (int from = 0; from < keys.size(); from += CHUNK) {
      org.camunda.bpm.engine.task.TaskQuery query = taskService.createTaskQuery()
          .processInstanceBusinessKeyIn(keys.subList(from, Math.min(keys.size(), from + CHUNK)).toArray(String[]::new));
      query = definitionId != null ? query.processDefinitionId(definitionId) : query.processDefinitionKey(definitionKey);
      List<Task> open = query.orderByTaskCreateTime().asc().list();
      Map<String, String> keyByInstance = businessKeys(open.stream().map(Task::getProcessInstanceId).toList());
      Map<String, Task> oldestByKey = new HashMap<>();
      open.forEach(task -> oldestByKey.putIfAbsent(keyByInstance.get(task.getProcessInstanceId()), task));
      oldestByKey.forEach((key, task) -> {
        StuckPilot pilot = waiting.get(key);
        if (pilot != null) {
          stuck.add(waitingAt(pilot, task));
        }
      });
    }
    // A check that failed into an incident (root causes only, as in the list).
    org.camunda.bpm.engine.runtime.IncidentQuery incidentQuery = runtimeService.createIncidentQuery();
    incidentQuery = definitionId != null ? incidentQuery.processDefinitionId(definitionId)
        : incidentQuery.processDefinitionKeyIn(definitionKey);
    List<Incident> incidents = incidentQuery.list().stream()
        .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
        .filter(incident -> incident.getProcessInstanceId() != null)
        .toList();
    // A gate waiting too long for its sign-off.
    org.camunda.bpm.engine.task.TaskQuery gateQuery = waitingGates(now, null);
    gateQuery = definitionId != null ? gateQuery.processDefinitionId(definitionId)
        : gateQuery.processDefinitionKey(definitionKey);
    List<Task> gates = gateQuery.list();
    List<String> instanceIds = new ArrayList<>();
    incidents.forEach(incident -> instanceIds.add(incident.getProcessInstanceId()));
    gates.forEach(gate -> instanceIds.add(gate.getProcessInstanceId()));
    Map<String, String> keyByInstance = businessKeys(instanceIds);
    Map<String, Pilot> pilots = new HashMap<>();
    List<String> pilotKeys = keyByInstance.values().stream().distinct().toList();
    for (int from = 0; from < pilotKeys.size(); from += CHUNK) {
      registry.byKeys(pilotKeys.subList(from, Math.min(pilotKeys.size(), from + CHUNK))).forEach((key, pilot) -> {
        if (viewer.sees(pilot)) {
          pilots.put(key, pilot);
        }
      });
    }
    for (Incident incident : incidents) {
      Pilot pilot = pilots.get(keyByInstance.get(incident.getProcessInstanceId()));
      if (pilot != null) {
        stuck.add(incident(pilot, incident, now));
      }
    }
    for (Task gate : gates) {
      Pilot pilot = pilots.get(keyByInstance.get(gate.getProcessInstanceId()));
      if (pilot != null) {
        stuck.add(gate(pilot, gate, now));
      }
    }
    return stuck;
  }

  /** The business key (the pilot key) of each process instance, in chunks. */
  private Map<String, String> businessKeys(java.util.Collection<String> instanceIds) {
    List<String> ids = instanceIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    Map<String, String> keyByInstance = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      runtimeService.createProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)))).list()
          .forEach(instance -> {
            if (instance.getBusinessKey() != null) {
              keyByInstance.put(instance.getId(), instance.getBusinessKey());
            }
          });
    }
    return keyByInstance;
  }

  /** The definition's call activities by the key of the process each calls (fixed keys only, one activity each). */
  private Map<String, String> callActivities(String processDefinitionId) {
    Map<String, String> byCalledKey = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (CallActivity call : repositoryService.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (called == null || called.contains("${") || called.contains("#{")) {
        continue;
      }
      if (byCalledKey.putIfAbsent(called, call.getId()) != null) {
        ambiguous.add(called);
      }
    }
    ambiguous.forEach(byCalledKey::remove);
    return byCalledKey;
  }

  /** Which of the (called) process instances were called by an instance of the definition. */
  private Set<String> calledFrom(String processDefinitionId, Set<String> calledInstanceIds) {
    List<String> ids = calledInstanceIds.stream().filter(java.util.Objects::nonNull).toList();
    Map<String, String> superByInstance = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      historyService.createHistoricProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)))).list()
          .forEach(instance -> {
            if (instance.getSuperProcessInstanceId() != null) {
              superByInstance.put(instance.getId(), instance.getSuperProcessInstanceId());
            }
          });
    }
    List<String> superIds = superByInstance.values().stream().distinct().toList();
    Set<String> supersOfDefinition = new HashSet<>();
    for (int from = 0; from < superIds.size(); from += CHUNK) {
      historyService.createHistoricProcessInstanceQuery().processDefinitionId(processDefinitionId)
          .processInstanceIds(new HashSet<>(superIds.subList(from, Math.min(superIds.size(), from + CHUNK)))).list()
          .forEach(instance -> supersOfDefinition.add(instance.getId()));
    }
    Set<String> called = new HashSet<>();
    superByInstance.forEach((instance, superInstance) -> {
      if (supersOfDefinition.contains(superInstance)) {
        called.add(instance);
      }
    });
    return called;
  }

  /** Engine queries for the whole portfolio, not limited to the tasks the caller's groups may read. */
  private <T> T asPortfolioView(Supplier<T> query) {
    return SystemQueries.asSystem(identityService, query);
  }
}
