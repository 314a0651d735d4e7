package org.pilotlifecycle.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.pilotlifecycle.system.SystemQueries;

/**
 * On PostgreSQL a completion can read its task just before a concurrent completion commits and its
 * execution just after: the engine then fails with a {@link NullPointerException} inside
 * {@code TaskEntity.complete} instead of its optimistic-locking exception. When the task of the request
 * is gone and was there before, that is the conflict {@link ConcurrentChangeMapper} answers (409);
 * any other null pointer stays Camunda's 500.
 */
@Priority(1)
public class TaskGoneMidwayMapper implements ExceptionMapper<NullPointerException> {

  private static final Pattern TASK_PATH = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/.*$");

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ExceptionHandler camunda = new ExceptionHandler();

  @Context
  private UriInfo uriInfo;

  public TaskGoneMidwayMapper(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  @Override
  public Response toResponse(NullPointerException exception) {
    Matcher task = uriInfo == null ? null : TASK_PATH.matcher(uriInfo.getPath());
    if (task != null && task.matches() && goneAfterBeingThere(task.group(1))) {
      ExceptionDto conflict = new ExceptionDto();
      conflict.setType("ConflictException");
      conflict.setMessage(ConcurrentChangeMapper.MESSAGE);
      return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(conflict).build();
    }
    return camunda.toResponse(exception);
  }

  private boolean goneAfterBeingThere(String taskId) {
    return SystemQueries.asSystem(identityService, () -> taskService.createTaskQuery().taskId(taskId).count() == 0
        && historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0);
  }
}
