package org.pilotlifecycle.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The application's own rows changed by someone else meanwhile (a pilot whose gate another approver passed a
 * moment ago), reaching an engine API unwrapped: the same 409 conflict as the engine's own optimistic locking
 * ({@link ConcurrentChangeMapper}): reload and see what happened.
 */
@Priority(1)
public class StaleDataMapper implements ExceptionMapper<OptimisticLockingFailureException> {

  @Override
  public Response toResponse(OptimisticLockingFailureException exception) {
    return TaskPresence.conflict();
  }
}
