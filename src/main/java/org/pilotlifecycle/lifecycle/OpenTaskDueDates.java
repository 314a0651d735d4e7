package org.pilotlifecycle.lifecycle;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.engine.SystemQueries;
import org.springframework.stereotype.Component;

/**
 * A step's new due date (extended, or resumed after a pause) reaches the step's open tasks: their due date, which
 * Tasklist shows and the "Overdue" filter uses, and the copy of {@code stepDueDate} each task carries for its
 * card. Without it a task created before the extension would still show, and be filtered by, the old date.
 */
@Component
class OpenTaskDueDates {

  private final TaskService taskService;
  private final IdentityService identityService;

  OpenTaskDueDates(TaskService taskService, IdentityService identityService) {
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** The open user tasks of the process instance (the framework's, where the step runs) are due at {@code due}. */
  void moveTo(String processInstanceId, Instant due) {
    Date dueDate = Date.from(due);
    SystemQueries.asSystem(identityService, () -> {
      for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
        if (task.getDueDate() != null) {
          task.setDueDate(dueDate);
          taskService.saveTask(task);
        }
        if (taskService.getVariableLocal(task.getId(), LifecycleVariables.STEP_DUE_DATE) != null) {
          taskService.setVariableLocal(task.getId(), LifecycleVariables.STEP_DUE_DATE, dueDate);
        }
      }
      return null;
    });
  }
}
