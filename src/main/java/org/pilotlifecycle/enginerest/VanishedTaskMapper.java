package org.pilotlifecycle.enginerest;

import java.util.Objects;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * A task completed by someone else a moment ago takes its authorizations with it, so a late completion
 * fails the engine's authorization check before it finds the task gone. That is the same conflict as
 * {@link ConcurrentChangeMapper} answers (409), not a missing permission; real refusals stay 403, and
 * a task id that never existed is not found (404).
 */
@Priority(1)
public class VanishedTaskMapper implements ExceptionMapper<AuthorizationException> {

  private final TaskPresence tasks;
  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  public VanishedTaskMapper(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.tasks = new TaskPresence(taskService, historyService, identityService);
  }

  @Override
  public Response toResponse(AuthorizationException exception) {
    for (String taskId : exception.getMissingAuthorizations().stream()
        .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
        .map(MissingAuthorization::getResourceId).filter(Objects::nonNull).toList()) {
      switch (tasks.of(taskId)) {
        case GONE:
          return TaskPresence.conflict();
        case NEVER_EXISTED:
          return TaskPresence.notFound(taskId);
        default:
          break;
      }
    }
    return camunda.toResponse(exception);
  }
}
