package org.pilotlifecycle.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.engine.OpenTask;
import org.pilotlifecycle.engine.OrganisationProperties;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.engine.TaskCandidates;
import org.pilotlifecycle.framework.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open tasks follow the people: after a pilot names another person, and when a deputy period begins or ends,
 * each affected open task gets the candidates its definition names now ({@link TaskCandidates}); a holder who
 * is away hands the task to their deputy, a holder no longer entitled lets it go back to the candidates, and a
 * delegation whose owner is no longer entitled ends (resolving it would hand the task back to them).
 * Runs in the caller's transaction; the daily sweep (just after midnight in {@code pilot.time-zone}, or
 * {@code pilot.people.deputy-sweep-cron}) moves the tasks of periods that begin today or ended yesterday.
 * Moving a task twice is harmless, so several nodes may sweep.
 */
@Component
public class OpenTaskHolders {

  private static final Logger LOG = LoggerFactory.getLogger(OpenTaskHolders.class);

  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final ProcessEngine engine;
  private final DeputyRepository periods;
  private final Deputies deputies;
  private final Clock clock;
  private final OrganisationProperties organisation;

  OpenTaskHolders(TaskService taskService, AuthorizationService authorizationService, IdentityService identityService, ProcessEngine engine,
      DeputyRepository periods, @Lazy Deputies deputies, Clock clock, OrganisationProperties organisation) {
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.engine = engine;
    this.periods = periods;
    this.deputies = deputies;
    this.clock = clock;
    this.organisation = organisation;
  }

  /** The pilot's open tasks (in each of its process instances) get the holders its people name now. */
  @Transactional
  public int moveTasksOfPilot(String pilotKey) {
    List<Task> tasks = SystemQueries.asSystem(identityService,
        () -> taskService.createTaskQuery().processInstanceBusinessKey(pilotKey).list());
    tasks.forEach(task -> reconcile(task.getId()));
    return tasks.size();
  }

  /** The open tasks the users hold or are candidates for get the holders their definitions name now. */
  @Transactional
  public int moveTasksOf(String... users) {
    Set<String> taskIds = new LinkedHashSet<>();
    SystemQueries.asSystem(identityService, () -> {
      for (String user : users) {
        taskService.createTaskQuery().taskAssignee(user).list().forEach(task -> taskIds.add(task.getId()));
        taskService.createTaskQuery().taskCandidateUser(user).list().forEach(task -> taskIds.add(task.getId()));
      }
      return null;
    });
    taskIds.forEach(this::reconcile);
    return taskIds.size();
  }

  /** Periods that begin today or ended yesterday: their people's tasks move. */
  @Scheduled(cron = "${pilot.people.deputy-sweep-cron:0 5 0 * * *}", zone = "${pilot.time-zone:UTC}")
  @Transactional
  public void sweep() {
    LocalDate today = LocalDate.now(clock.withZone(organisation.timeZone()));
    List<String> users = new ArrayList<>();
    periods.changingOn(today, today.minusDays(1)).forEach(period -> {
      users.add(period.getPrincipal());
      users.add(period.getDeputy());
    });
    if (!users.isEmpty()) {
      LOG.info("Deputy periods begin or end: moving the open tasks of {}", users);
      moveTasksOf(users.stream().distinct().toArray(String[]::new));
    }
  }

  /** One task: candidate links as its definition names them now; an away or unentitled holder replaced. */
  void reconcile(String taskId) {
    OpenTask.read(engine, taskId).ifPresent(task -> SystemQueries.asSystem(identityService, () -> {
      apply(task);
      return null;
    }));
  }

  private void apply(OpenTask now) {
    String taskId = now.id();
    TaskCandidates wanted = now.wanted();
    difference(wanted.users(), now.users()).forEach(user -> taskService.addCandidateUser(taskId, user));
    List<String> goneUsers = difference(now.users(), wanted.users());
    goneUsers.forEach(user -> taskService.deleteCandidateUser(taskId, user));
    difference(wanted.groups(), now.groups()).forEach(group -> taskService.addCandidateGroup(taskId, group));
    List<String> goneGroups = difference(now.groups(), wanted.groups());
    goneGroups.forEach(group -> taskService.deleteCandidateGroup(taskId, group));
    String assignee = now.assignee();
    String holder = assignee;
    if (assignee != null) {
      List<String> standIns = deputies.deputiesOf(assignee).stream()
          .filter(deputy -> wanted.include(deputy, groupsOf(deputy))).toList();
      List<String> groups = groupsOf(assignee);
      if (!standIns.isEmpty()) {
        holder = standIns.get(0);
        taskService.setAssignee(taskId, holder);
      } else if (!groups.contains(Roles.ADMIN) && !wanted.include(assignee, groups)) {
        holder = null;
        taskService.setAssignee(taskId, null);
      }
    }
    List<String> revoked = new ArrayList<>(goneUsers);
    if (assignee != null && !assignee.equals(holder) && !wanted.users().contains(assignee)) {
      revoked.add(assignee);
    }
    String owner = now.owner();
    if (owner != null && !owner.equals(holder) && !groupsOf(owner).contains(Roles.ADMIN)
        && !wanted.include(owner, groupsOf(owner))) {
      // A delegation whose owner no longer holds the task ends: resolving it would hand the task back to them.
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      task.setOwner(null);
      task.setDelegationState(null);
      taskService.saveTask(task);
      revoked.add(owner);
    }
    String keeper = holder;
    revokeTaskAuthorizations(taskId, revoked.stream().filter(user -> !user.equals(keeper)).toList(), goneGroups);
  }

  /**
   * The engine grants a task's candidates and assignee read and update on it, and keeps those grants when they
   * stop being candidates: without this, a former holder would still see the task in Tasklist.
   */
  private void revokeTaskAuthorizations(String taskId, List<String> users, List<String> groups) {
    List<org.camunda.bpm.engine.authorization.Authorization> grants = new ArrayList<>();
    if (!users.isEmpty()) {
      grants.addAll(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
          .userIdIn(users.toArray(String[]::new)).list());
    }
    if (!groups.isEmpty()) {
      grants.addAll(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
          .groupIdIn(groups.toArray(String[]::new)).list());
    }
    grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private static List<String> difference(Collection<String> from, Collection<String> minus) {
    return from.stream().filter(id -> !minus.contains(id)).toList();
  }
}
