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
 * is gone and was there before, that is the conflict {@link ConcurrentChangeMapper} answers (409).
 * A null met in Camunda's REST layer itself is an incomplete request (400); any other null pointer stays
 * Camunda's 500.
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

  static final String INCOMPLETE_REQUEST = "The request lacks a value it needs: check the body's fields against the API.";

  /**
   * Whether the null was met where Camunda reads the request: in its REST layer (resources and DTOs) or in the
   * engine's own argument checks ({@code EnsureUtil}, say a user profile saved without its id), rather than
   * deeper in the engine. The first Camunda frame of the stack tells.
   */
  static boolean inRestLayer(NullPointerException exception) {
    for (StackTraceElement frame : exception.getStackTrace()) {
      if (frame.getClassName().startsWith("org.camunda.")) {
        return frame.getClassName().startsWith("org.camunda.bpm.engine.rest.")
            || frame.getClassName().equals("org.camunda.bpm.engine.impl.util.EnsureUtil");
      }
    }
    return false;
  }

  @Override
  public Response toResponse(NullPointerException exception) {
    Matcher task = uriInfo == null ? null : TASK_PATH.matcher(uriInfo.getPath());
    if (task != null && task.matches() && tasks.of(task.group(1)) == TaskPresence.State.GONE) {
      return TaskPresence.conflict();
    }
    if (inRestLayer(exception)) {
      // Camunda's REST layer reads a request's fields without checking they are there (say, a profile
      // without its id): the request is incomplete, not the server broken.
      return TaskPresence.answer(400, "InvalidRequestException", INCOMPLETE_REQUEST);
    }
    return camunda.toResponse(exception);
  }
}
