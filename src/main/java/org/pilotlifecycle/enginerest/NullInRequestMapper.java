package org.pilotlifecycle.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/**
 * A null met in Camunda's REST layer itself is an incomplete request (400); any other null pointer stays
 * Camunda's 500, which {@link TaskGoneMidwayConflict} answers as a conflict (409) when it came from a task
 * someone else completed while the request ran.
 */
@Priority(1)
public class NullInRequestMapper implements ExceptionMapper<NullPointerException> {

  private final ExceptionHandler camunda = new ExceptionHandler();

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
    if (inRestLayer(exception)) {
      // Camunda's REST layer reads a request's fields without checking they are there (say, a profile
      // without its id): the request is incomplete, not the server broken.
      return TaskPresence.answer(400, "InvalidRequestException", INCOMPLETE_REQUEST);
    }
    return camunda.toResponse(exception);
  }
}
