package org.pilotlifecycle.enginerest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.pilotlifecycle.engine.DomainExceptionTranslator;
import jakarta.ws.rs.core.MediaType;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * In the engine REST API, a task completed or changed by someone else meanwhile is a conflict (409)
 * with a message that says so, not an internal error: when a whole group races for one gate, one wins
 * and the others are told to reload. Everything else keeps Camunda's own answer.
 */
@Priority(1)
public class ConcurrentChangeMapper implements ExceptionMapper<RestException> {

  private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id ([^\\s:]+)");

  private final RestExceptionHandler camunda = new RestExceptionHandler();
  private final TaskPresence tasks;

  public ConcurrentChangeMapper(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.tasks = new TaskPresence(taskService, historyService, identityService);
  }

  @Override
  public Response toResponse(RestException exception) {
    Response refusal = exception.getStatus() == null || exception.getStatus().getStatusCode() >= 500
        ? EngineRefusalMapper.refusal(exception) : null;
    if (refusal != null) {
      // A rule or an entitlement refused the request inside the engine, on any endpoint (not only the form
      // submissions Camunda answers with 400 itself): the client's fault, with the rule's message.
      return refusal;
    }
    if (!isConcurrentChange(exception)) {
      Response rejected = exception.getStatus() == null || exception.getStatus().getStatusCode() >= 500
          ? EngineRefusalMapper.argumentRejected(exception) : null;
      return rejected != null ? rejected : camunda.toResponse(exception);
    }
    String missing = missingTaskId(exception);
    // A task id that no task ever had is not a conflict but not found.
    return missing != null && tasks.of(missing) == TaskPresence.State.NEVER_EXISTED ? TaskPresence.notFound(missing)
        : TaskPresence.conflict();
  }

  private static String missingTaskId(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Matcher missing = MISSING_TASK.matcher(String.valueOf(cause.getMessage()));
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
