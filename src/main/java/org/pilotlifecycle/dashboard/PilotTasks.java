package org.pilotlifecycle.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.engine.TaskCandidates;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.stereotype.Service;

/**
 * A pilot's open tasks and who holds them, for the pilot's page: every user task of every process instance whose
 * business key is the pilot's key (intake, framework, production operations), oldest first. Read as the system once
 * the caller is known to see the pilot, so that the page shows who holds a task the caller may not work on.
 */
@Service
public class PilotTasks {

  /** More open tasks than one pilot ever has at once; the list stops there. */
  static final int MAX_TASKS = 200;

  private final PilotRegistry registry;
  private final Viewers viewers;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  PilotTasks(PilotRegistry registry, Viewers viewers, TaskService taskService, RepositoryService repositoryService,
      IdentityService identityService) {
    this.registry = registry;
    this.viewers = viewers;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /**
   * @throws org.pilotlifecycle.pilot.PilotNotFoundException (404) for an unknown pilot and for one the caller does
   *     not see, alike
   */
  public List<PilotTask> openTasks(String key) {
    registry.get(key, viewers.current());
    return SystemQueries.asSystem(identityService, () -> {
      List<PilotTask> tasks = new ArrayList<>();
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc()
          .listPage(0, MAX_TASKS)) {
        TaskCandidates candidates = TaskCandidates.linked(taskService, task.getId());
        tasks.add(new PilotTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
            task.getProcessDefinitionId() == null ? null
                : repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey(),
            task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
            List.copyOf(candidates.users()), List.copyOf(candidates.groups()),
            "/camunda/app/tasklist/default/#/?task=" + task.getId()));
      }
      return tasks;
    });
  }
}
