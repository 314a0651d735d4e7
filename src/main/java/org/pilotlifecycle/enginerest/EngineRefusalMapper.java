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
 * meanwhile. Everything else keeps Camunda's answer.
 */
@Priority(1)
public class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    Response refusal = refusal(exception);
    if (refusal != null) {
      return refusal;
    }
    // Someone else changed the same rows meanwhile (the engine's or the application's optimistic locking, also
    // when it surfaces inside an expression or a listener): a conflict to reload, never a server error.
    return ConcurrentChangeMapper.isConcurrentChange(exception) ? TaskPresence.conflict() : camunda.toResponse(exception);
  }

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
