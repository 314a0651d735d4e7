package org.pilotlifecycle.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.pilotlifecycle.engine.DomainExceptionTranslator;

/**
 * A refusal raised inside the engine, by a listener or a delegate, reaches the engine APIs wrapped in the
 * engine's own exception (a task listener's failure becomes ENGINE-03051, a 500). Whichever endpoint it
 * comes from, it is answered as what it is: 403 for a refused authorization (say, a task handed to someone
 * not entitled to it), the rule's own 4xx for a rule the input broke, 409 for a change someone else made
 * meanwhile, 400 or 404 for an argument the engine's own checks refused ({@link #argumentRejected}).
 * Everything else keeps Camunda's answer.
 */
@Priority(1)
public class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @jakarta.ws.rs.core.Context
  private jakarta.ws.rs.container.ResourceInfo resourceInfo;

  @jakarta.ws.rs.core.Context
  private jakarta.ws.rs.core.Request request;

  @Override
  public Response toResponse(ProcessEngineException exception) {
    Response refusal = refusal(exception);
    if (refusal != null) {
      return refusal;
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException claimed) {
        // Two candidates claimed the same task at once, or one claims what another holds: reload and see who has it.
        return TaskPresence.answer(409, "TaskAlreadyClaimedException", claimed.getMessage());
      }
    }
    if (isRead() && !databaseFailure(exception)) {
      // A list or count the engine cannot run as asked (an object value to compare a variable with, say): the
      // query's fault, not the server's.
      return TaskPresence.answer(400, "InvalidRequestException", exception.getMessage());
    }
    // Someone else changed the same rows meanwhile (the engine's or the application's optimistic locking, also
    // when it surfaces inside an expression or a listener): a conflict to reload, never a server error.
    if (ConcurrentChangeMapper.isConcurrentChange(exception)) {
      return TaskPresence.conflict();
    }
    Response rejected = argumentRejected(exception);
    return rejected != null ? rejected : camunda.toResponse(exception);
  }

  /** Whether the request reads: GET or HEAD, or one of the queries Camunda takes by POST. */
  private boolean isRead() {
    try {
      String method = request == null ? null : request.getMethod();
      if ("GET".equals(method) || "HEAD".equals(method)) {
        return true;
      }
      return "POST".equals(method) && resourceInfo != null && resourceInfo.getResourceMethod() != null
          && EngineApiEntrances.READ_BY_POST.matcher(EngineApiEntrances.nameOf(resourceInfo.getResourceMethod())).matches();
    } catch (IllegalStateException outsideARequest) {
      return false;
    }
  }

  /** Whether the database failed (a connection, a lock, a statement): a server error, whatever the request. */
  private static boolean databaseFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException || cause instanceof org.apache.ibatis.exceptions.PersistenceException
          || cause instanceof org.camunda.bpm.engine.ProcessEnginePersistenceException) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern NOT_FOUND =
      java.util.regex.Pattern.compile("(?i)doesn't exist|does not exist|cannot find|no \\w[\\w ]* found|not found");

  /**
   * The engine's own check of a request's arguments ({@code EnsureUtil}: a missing or malformed value, an id
   * that breaks the engine's id pattern such as a user id with a hyphen, the reserved id {@code *}, a value
   * out of range) fails with a plain engine exception, which Camunda answers with 500. It is the caller's
   * input the engine refused, so: 404 when the check looked something up by its id and found nothing
   * ("execution x doesn't exist", "Cannot find ..."), 400 otherwise, each with the engine's message. Also:
   * an integrity constraint of the database (an entity created with an id that exists) is a conflict (409), a
   * value the database cannot hold (SQL's data exceptions: a text variable over 4,000 characters) is 400,
   * and the few engine failures that describe the request ({@link #CLIENT_ERROR_CODES}) are 400. Null when the
   * failure is none of these.
   */
  static Response argumentRejected(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (raisedByArgumentCheck(cause)) {
        boolean lookup = cause instanceof org.camunda.bpm.engine.exception.NullValueException
            && NOT_FOUND.matcher(message).find();
        return TaskPresence.answer(lookup ? 404 : 400, "InvalidRequestException", message);
      }
      if (CLIENT_ERROR_CODES.stream().anyMatch(message::startsWith)) {
        return TaskPresence.answer(400, "InvalidRequestException", message);
      }
      if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
        // SQL's integrity constraint violation (class 23): an entity with the id exists, or a row it refers to is gone.
        return TaskPresence.answer(409, "ConflictException", DUPLICATE);
      }
      if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        // SQL's data exception (class 22): a value too long for its column (a text variable over the engine's 4,000
        // characters, say), or out of range.
        return TaskPresence.answer(400, "InvalidRequestException", TOO_LONG);
      }
    }
    // Camunda's REST layer itself rewraps some engine failures as its own 500 and drops the cause ("No job found
    // with id ..."): a lookup that found nothing is still the caller's 404.
    if (failure instanceof org.camunda.bpm.engine.rest.exception.RestException rest
        && NOT_FOUND.matcher(String.valueOf(rest.getMessage())).find()) {
      return TaskPresence.answer(404, "InvalidRequestException", rest.getMessage());
    }
    return null;
  }

  static final String TOO_LONG = "A value does not fit where the engine stores it: too long (a text variable holds at most "
      + "4,000 characters; longer text goes in a file or a JSON object variable) or out of range.";

  static final String DUPLICATE =
      "The request conflicts with what is recorded: an entity with this id exists already, or one it refers to is gone.";

  /**
   * Engine failures that name a request the engine cannot carry out as asked rather than a fault of the
   * engine: ENGINE-13043, a condition evaluation that no conditional start event subscribes to; ENGINE-03072, a
   * task's tenant changed; ENGINE-13051 and ENGINE-13054, negative job retries; ENGINE-03025 and ENGINE-03028,
   * an authorization of an unknown type or a global one naming a user; DMN-01005, a decision input of the wrong type.
   */
  private static final java.util.Set<String> CLIENT_ERROR_CODES = java.util.Set.of("ENGINE-13043", "ENGINE-03072",
      "ENGINE-13051", "ENGINE-13054", "ENGINE-03025", "ENGINE-03028", "DMN-01005");

  /**
   * Whether the exception was made by {@code EnsureUtil}: the first frame of its stack past its own
   * constructors and Java's reflection (EnsureUtil makes its exceptions reflectively) is EnsureUtil's.
   */
  static boolean raisedByArgumentCheck(Throwable exception) {
    for (StackTraceElement frame : exception.getStackTrace()) {
      String type = frame.getClassName();
      if ("<init>".equals(frame.getMethodName()) || type.startsWith("java.") || type.startsWith("jdk.")
          || type.startsWith("sun.")) {
        continue;
      }
      return ENSURE_UTIL.equals(type);
    }
    return false;
  }

  private static final String ENSURE_UTIL = "org.camunda.bpm.engine.impl.util.EnsureUtil";

  /** The answer to a refusal wrapped anywhere in the failure; null when the failure is not one. */
  static Response refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException denied) {
        return TaskPresence.answer(403, "AuthorizationException", denied.getMessage());
      }
    }
    int status = DomainExceptionTranslator.refusalStatus(failure);
    return status == 0 ? null : TaskPresence.answer(status, "InvalidRequestException", DomainExceptionTranslator.refusalMessage(failure));
  }
}
