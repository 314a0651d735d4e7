package org.pilotlifecycle.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * Who a user task's definition in its diagram offers it to, now: its {@code camunda:candidateUsers} and
 * {@code camunda:candidateGroups}, literal or expressions such as {@code ${pilotPeople.users(execution,
 * 'TECH_LEAD')}}, evaluated against the task's execution. The entitlement to hold and complete a task, and the
 * moving of open tasks when a pilot's people or deputies change, both ask this one place; identity links added
 * to a task at runtime do not count.
 *
 * @param users user ids, in the order the definition yields them
 * @param groups group ids
 */
public record TaskCandidates(Set<String> users, Set<String> groups) {

  /**
   * The task's candidates per its definition; empty for a task without one (a standalone task). Must run
   * inside the engine (a listener, a delegate, a command): expressions read the execution's variables.
   *
   * @throws ProcessEngineException when an expression yields neither text nor a collection of texts
   */
  public static TaskCandidates of(DelegateTask task) {
    TaskDefinition definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
    if (definition == null) {
      return new TaskCandidates(Set.of(), Set.of());
    }
    VariableScope scope = task.getExecution() != null ? task.getExecution() : task;
    return new TaskCandidates(evaluate(definition.getCandidateUserIdExpressions(), scope),
        evaluate(definition.getCandidateGroupIdExpressions(), scope));
  }

  /**
   * The task's candidate identity links as they are now (what Tasklist and the stuck list show; runtime links
   * included), users and groups each sorted. Read with the caller's engine authorization: wrap in
   * {@link SystemQueries#asSystem} to read any task.
   */
  public static TaskCandidates linked(org.camunda.bpm.engine.TaskService taskService, String taskId) {
    java.util.TreeSet<String> users = new java.util.TreeSet<>();
    java.util.TreeSet<String> groups = new java.util.TreeSet<>();
    for (org.camunda.bpm.engine.task.IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
      if (org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    return new TaskCandidates(users, groups);
  }

  /** Whether the user is one of the users, or a member of one of the groups (given the user's groups). */
  public boolean include(String userId, Collection<String> groupsOfUser) {
    return users.contains(userId) || groupsOfUser.stream().anyMatch(groups::contains);
  }

  private static Set<String> evaluate(Set<Expression> expressions, VariableScope scope) {
    Set<String> ids = new LinkedHashSet<>();
    for (Expression expression : expressions) {
      Object value = expression.getValue(scope);
      if (value instanceof String text) {
        for (String id : text.split(",")) {
          if (!id.isBlank()) {
            ids.add(id.strip());
          }
        }
      } else if (value instanceof Collection<?> values) {
        values.stream().filter(id -> id != null && !id.toString().isBlank()).forEach(id -> ids.add(id.toString()));
      } else if (value != null) {
        throw new ProcessEngineException("Candidate expression " + expression.getExpressionText()
            + " did not resolve to a string or a collection of strings");
      }
    }
    return ids;
  }
}
