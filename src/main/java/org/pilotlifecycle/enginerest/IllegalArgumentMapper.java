package org.pilotlifecycle.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * An {@link IllegalArgumentException} reaching an engine API unwrapped comes from reading the request (Camunda's
 * REST layer turning a value into a typed variable, say a {@code File} without its {@code valueInfo}): the
 * request's fault, 400 with the message, where Camunda answers 500. Failures inside the engine's commands reach
 * the API wrapped in the engine's own exceptions and are not affected.
 */
@Priority(1)
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

  @Override
  public Response toResponse(IllegalArgumentException exception) {
    return TaskPresence.answer(400, "InvalidRequestException", String.valueOf(exception.getMessage()));
  }
}
