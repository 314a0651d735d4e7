package org.pilotlifecycle.pilot;

import java.util.Optional;

import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.web.FieldProblem;

/**
 * The port through which the pilot module checks a named person against the users and groups (implemented
 * where the engine's identity service is known): a pilot's work goes to its named people, so each must be a
 * user, and a member of the role's group.
 */
public interface PeopleDirectory {

  /** What is wrong with naming the user for the role (field: the role's registration field), or empty. */
  Optional<FieldProblem> problemOf(PilotRole role, String userId);

  /** Whether the user exists (false for null). */
  boolean exists(String userId);
}
