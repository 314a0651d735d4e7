package org.pilotlifecycle.engine;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * An open task's holders as they are (its candidate links and assignee) beside who its definition names now
 * ({@link TaskCandidates}): what moving open tasks after a change of people compares.
 *
 * @param wanted the candidates the task's definition names now
 * @param users the task's candidate users now
 * @param groups the task's candidate groups now
 * @param assignee its assignee, or null
 * @param owner who delegated it while the delegation is under way, or null
 */
public record OpenTask(String id, TaskCandidates wanted, Set<String> users, Set<String> groups, String assignee,
    String owner) {

  /** The task's holders; empty when the task is gone or has no definition (a standalone task). */
  public static Optional<OpenTask> read(ProcessEngine engine, String taskId) {
    return Optional.ofNullable(((ProcessEngineImpl) engine).getProcessEngineConfiguration()
        .getCommandExecutorTxRequired().execute(context -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task == null || task.getTaskDefinition() == null) {
            return null;
          }
          Set<String> users = new LinkedHashSet<>();
          Set<String> groups = new LinkedHashSet<>();
          for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
              if (link.getUserId() != null) {
                users.add(link.getUserId());
              } else if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
              }
            }
          }
          String owner = task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING
              ? task.getOwner() : null;
          return new OpenTask(taskId, TaskCandidates.of(task), users, groups, task.getAssignee(), owner);
        }));
  }
}
