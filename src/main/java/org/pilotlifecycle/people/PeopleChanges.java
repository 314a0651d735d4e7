package org.pilotlifecycle.people;

import java.util.List;

import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotNotFoundException;
import org.pilotlifecycle.pilot.PeopleDirectory;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a pilot's named people: the executive owner (or their deputy today, for every role but the
 * executive owner's own) or an administrator names another person for a role; the pilot's open tasks of that role move to them in the same transaction and the
 * audit trail records who changed whom (PERSON_CHANGED). The new person passes the check every registration
 * passes ({@link PeopleDirectory}): a user, and a member of the role's group.
 */
@Service
public class PeopleChanges {

  private final PilotRegistry registry;
  private final PilotPeople people;
  private final OpenTaskHolders holders;
  private final PeopleDirectory directory;
  private final Viewers viewers;

  PeopleChanges(PilotRegistry registry, PilotPeople people, OpenTaskHolders holders, PeopleDirectory directory,
      Viewers viewers) {
    this.viewers = viewers;
    this.directory = directory;
    this.registry = registry;
    this.people = people;
    this.holders = holders;
  }

  /**
   * @param person the user to name; null or blank names nobody (not for the executive owner or AI product owner)
   * @return the pilot as changed
   * @throws PilotNotFoundException 404 for an unknown pilot or one the actor may not see
   * @throws PeopleException 403 when the actor sees the pilot but is neither its executive owner nor an admin
   * @throws InvalidFieldsException 400 when the person is not a user or not in the role's group
   */
  @Transactional
  public Pilot change(String pilotKey, PilotRole role, String person, String reason, String actor,
      List<String> actorGroups) {
    if (!registry.exists(pilotKey)) {
      throw new PilotNotFoundException(pilotKey);
    }
    Pilot pilot = registry.get(pilotKey);
    boolean admin = actorGroups.contains(Roles.ADMIN);
    if (!viewers.current().sees(pilot)) {
      throw new PilotNotFoundException(pilotKey);
    }
    String owner = pilot.getExecutiveOwner();
    if (!admin && !owner.equals(actor) && !people.actingFor(pilotKey, actor).filter(owner::equals).isPresent()) {
      throw PeopleException.forbidden("Only the executive owner of " + pilotKey + " (" + owner
          + ") or an administrator may change its people");
    }
    if (role == PilotRole.EXECUTIVE_OWNER && !admin && !owner.equals(actor)) {
      // A deputy stands in for a period: handing the pilot itself to someone would outlast it.
      throw PeopleException.forbidden("Only the executive owner of " + pilotKey + " (" + owner
          + ") or an administrator may name another executive owner; a deputy may change its other people");
    }
    String next = person == null || person.isBlank() ? null : person.strip();
    if (next != null) {
      directory.problemOf(role, next).ifPresent(problem -> {
        throw InvalidFieldsException.of(problem.field(), problem.message());
      });
    }
    registry.changePerson(pilotKey, role, next, actor, reason == null || reason.isBlank() ? null : reason.strip());
    holders.moveTasksOfPilot(pilotKey);
    return registry.get(pilotKey);
  }
}
