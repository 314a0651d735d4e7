package org.pilotlifecycle.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine queries made on behalf of the application, not the calling user: the stuck list is a
 * portfolio view, and notifications must find every recipient whatever the caller may read.
 */
public final class SystemQueries {

  private SystemQueries() {
  }

  public static <T> T asSystem(IdentityService identityService, Supplier<T> query) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
