package org.pilotlifecycle.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
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
 * {@link ConcurrentChangeMapper} answers (409), not a missing permission; real refusals stay 403.
 */
@Priority(1)
public class VanishedTaskMapper implements ExceptionMapper<AuthorizationException> {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  public VanishedTaskMapper(TaskService taskService, IdentityService identityService) {
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  public Response toResponse(AuthorizationException exception) {
    boolean vanished = exception.getMissingAuthorizations().stream()
        .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
        .map(MissingAuthorization::getResourceId)
        .anyMatch(taskId -> taskId != null && SystemQueries.asSystem(identityService,
            () -> taskService.createTaskQuery().taskId(taskId).count() == 0));
    if (vanished) {
      ExceptionDto conflict = new ExceptionDto();
      conflict.setType("ConflictException");
      conflict.setMessage(ConcurrentChangeMapper.MESSAGE);
      return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(conflict).build();
    }
    return camunda.toResponse(exception);
  }
}
