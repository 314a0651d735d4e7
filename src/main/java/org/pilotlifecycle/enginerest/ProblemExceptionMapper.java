package org.pilotlifecycle.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.pilotlifecycle.web.ProblemException;

/**
 * The application's own refusal reaching an engine API unwrapped (say, a deployment the deployment policy
 * refuses): answered with its own status and message, like every other refusal; a server-side one stays 500.
 */
@Priority(1)
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  private final ExceptionHandler camunda = new ExceptionHandler();

  @Override
  public Response toResponse(ProblemException exception) {
    Response refusal = EngineRefusalMapper.refusal(exception);
    return refusal != null ? refusal : camunda.toResponse(exception);
  }
}
