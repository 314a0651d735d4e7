package org.pilotlifecycle.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * In the engine REST API, a task completed or changed by someone else meanwhile is a conflict (409)
 * with a message that says so, not an internal error: when a whole group races for one gate, one wins
 * and the others are told to reload. Everything else keeps Camunda's own answer.
 */
@Priority(1)
public class ConcurrentChangeMapper implements ExceptionMapper<RestException> {

  static final String MESSAGE = "The task was completed or changed by someone else meanwhile: reload it.";

  private static final java.util.regex.Pattern MISSING_TASK =
      java.util.regex.Pattern.compile("Cannot find task with id ([^\\s:]+)");

  private final RestExceptionHandler camunda = new RestExceptionHandler();
  private final org.camunda.bpm.engine.HistoryService historyService;
  private final org.camunda.bpm.engine.IdentityService identityService;

  public ConcurrentChangeMapper(org.camunda.bpm.engine.HistoryService historyService,
      org.camunda.bpm.engine.IdentityService identityService) {
    this.historyService = historyService;
    this.identityService = identityService;
  }

  @Override
  public Response toResponse(RestException exception) {
    if (isConcurrentChange(exception) && neverExisted(exception)) {
      ExceptionDto notFound = new ExceptionDto();
      notFound.setType("InvalidRequestException");
      notFound.setMessage("No such task: " + missingTaskId(exception));
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(notFound).build();
    }
    if (isConcurrentChange(exception)) {
      ExceptionDto conflict = new ExceptionDto();
      conflict.setType("ConflictException");
      conflict.setMessage(MESSAGE);
      return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(conflict).build();
    }
    return camunda.toResponse(exception);
  }

  /** A task id that no task ever had is not a conflict but not found (404). */
  private boolean neverExisted(Throwable failure) {
    String taskId = missingTaskId(failure);
    return taskId != null && org.pilotlifecycle.system.SystemQueries.asSystem(identityService,
        () -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() == 0);
  }

  private static String missingTaskId(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      java.util.regex.Matcher missing = MISSING_TASK.matcher(String.valueOf(cause.getMessage()));
      if (missing.find()) {
        return missing.group(1);
      }
    }
    return null;
  }

  static boolean isConcurrentChange(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException || cause instanceof ObjectOptimisticLockingFailureException) {
        return true;
      }
      if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).contains("Cannot find task")) {
        return true;
      }
    }
    return false;
  }
}
