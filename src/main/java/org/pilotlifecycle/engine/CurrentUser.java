package org.pilotlifecycle.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting: the user the request authenticated, as the engine knows it (null for the system: a timer,
 * a job, a start-up task), and their groups.
 */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static String of(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The groups of the acting user; empty for the system. */
  public static List<String> groupsOf(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of()
        : List.copyOf(authentication.getGroupIds());
  }

  /** Whether a user is acting at all (and not the system). */
  public static boolean isUser(ProcessEngineServices engine) {
    return of(engine) != null;
  }
}
