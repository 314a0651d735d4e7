package org.pilotlifecycle.engine;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the user the request authenticated, as the engine knows it (null for the system). */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static String of(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
