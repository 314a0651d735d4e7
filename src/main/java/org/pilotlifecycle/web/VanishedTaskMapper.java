package org.pilotlifecycle.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.pilotlifecycle.system.SystemQueries;

/**
 * A task completed by someone else a moment ago takes its authorizations with it, so a late completion
 * fails the engine's authorization check before it finds the task gone. That is the same conflict as
 * {@link ConcurrentChangeMapper} answers (409), not a missing permission; real refusals stay 403, and
 * a task id that never existed is not found (404).
 */
@Priority(1)
public class VanishedTaskMapper implements ExceptionMapper<AuthorizationException> {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  public VanishedTaskMapper(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  @Override
  public Response toResponse(AuthorizationException exception) {
    for (String taskId : exception.getMissingAuthorizations().stream()
        .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
        .map(MissingAuthorization::getResourceId).filter(java.util.Objects::nonNull).toList()) {
      TaskState state = SystemQueries.asSystem(identityService, () -> state(taskId));
      if (state == TaskState.GONE) {
        return answer(Response.Status.CONFLICT, "ConflictException", ConcurrentChangeMapper.MESSAGE);
      }
      if (state == TaskState.NEVER_EXISTED) {
        return answer(Response.Status.NOT_FOUND, "InvalidRequestException", "No task with id " + taskId);
      }
    }
    return camunda.toResponse(exception);
  }

  private enum TaskState { OPEN, GONE, NEVER_EXISTED }

  private TaskState state(String taskId) {
    if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
      return TaskState.OPEN;
    }
    return historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0 ? TaskState.GONE
        : TaskState.NEVER_EXISTED;
  }

  private static Response answer(Response.Status status, String type, String message) {
    ExceptionDto answer = new ExceptionDto();
    answer.setType(type);
    answer.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(answer).build();
  }
}
