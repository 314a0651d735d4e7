package org.pilotlifecycle.enginerest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

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

  private final TaskPresence tasks;
  private final ExceptionHandler camunda = new ExceptionHandler();

  @Context
  private UriInfo uriInfo;

  public TaskGoneMidwayMapper(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.tasks = new TaskPresence(taskService, historyService, identityService);
  }

  @Override
  public Response toResponse(NullPointerException exception) {
    Matcher task = uriInfo == null ? null : TASK_PATH.matcher(uriInfo.getPath());
    if (task != null && task.matches() && tasks.of(task.group(1)) == TaskPresence.State.GONE) {
      return TaskPresence.conflict();
    }
    return camunda.toResponse(exception);
  }
}
