package org.pilotlifecycle.people;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.pilot.PeopleDirectory;
import org.pilotlifecycle.web.FieldProblem;
import org.springframework.stereotype.Component;

/** Named people checked against the engine's users and groups: a user, and a member of the role's group. */
@Component
class IdentityPeopleDirectory implements PeopleDirectory {

  private final IdentityService identityService;

  IdentityPeopleDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Optional<FieldProblem> problemOf(PilotRole role, String userId) {
    if (!exists(userId)) {
      return Optional.of(new FieldProblem(role.field(), "no user " + userId));
    }
    return SystemQueries.asSystem(identityService, () -> {
      if (role.groupId().isPresent()
          && identityService.createUserQuery().userId(userId).memberOfGroup(role.groupId().get()).count() == 0) {
        String group = role.groupId().get();
        return Optional.of(new FieldProblem(role.field(), userId + " is not a member of " + group + " ("
            + Roles.displayName(group) + ")"));
      }
      return Optional.empty();
    });
  }

  @Override
  public boolean exists(String userId) {
    return userId != null && SystemQueries.asSystem(identityService,
        () -> identityService.createUserQuery().userId(userId).count() > 0);
  }
}
