package org.pilotlifecycle.pilot;

import java.util.Set;

import org.pilotlifecycle.framework.PilotRole;

/**
 * Who is looking at pilots, for per-pilot visibility (docs/domain.md, "Who sees a pilot"): a pilot is visible
 * to its named people, to the person who registered it, to the deputies today of its named people, to the members of
 * a role's group where the pilot names nobody for that role (the group holds its tasks), and to the
 * oversight roles (steering committee, risk &amp; compliance, process analysts, administrators), who see every
 * pilot. To anyone else it does not exist: 404, not 403, so its key does not leak.
 *
 * @param userId the user, null for the system
 * @param actsAs the user and the people they stand in for today as deputy
 * @param seesAll whether the user is in an oversight role (or the system)
 * @param standsInFor the optional roles whose group the user is in: where a pilot names nobody for such a role,
 *     the group holds its tasks, so its members see the pilot
 */
public record Viewer(String userId, Set<String> actsAs, boolean seesAll, Set<PilotRole> standsInFor) {

  /** The roles whose group stands in where a pilot names nobody (the required roles always name someone). */
  public static final Set<PilotRole> STAND_IN_ROLES = Set.of(PilotRole.TECH_LEAD, PilotRole.RISK_COMPLIANCE_OWNER,
      PilotRole.CHANGE_MANAGER);

  public Viewer(String userId, Set<String> actsAs, boolean seesAll) {
    this(userId, actsAs, seesAll, Set.of());
  }

  /** A viewer with their groups: the stand-in roles are those of the groups among them. */
  public static Viewer of(String userId, Set<String> actsAs, boolean seesAll, java.util.Collection<String> groups) {
    Set<PilotRole> standsIn = java.util.EnumSet.noneOf(PilotRole.class);
    STAND_IN_ROLES.stream().filter(role -> role.groupId().filter(groups::contains).isPresent()).forEach(standsIn::add);
    return new Viewer(userId, actsAs, seesAll, standsIn);
  }

  /** The system (schedules, start-up): sees every pilot. */
  public static Viewer system() {
    return new Viewer(null, Set.of(), true);
  }

  public boolean sees(Pilot pilot) {
    return seesAll || pilot.namedPeople().stream().anyMatch(actsAs::contains)
        || (pilot.getRegisteredBy() != null && actsAs.contains(pilot.getRegisteredBy()))
        || standsInFor.stream().anyMatch(role -> pilot.namedPerson(role) == null);
  }

  /** The marker of a stand-in role in the visibility queries' {@code :people} list ({@code PilotRepository}). */
  static String standInMarker(PilotRole role) {
    return "stand-in:" + role.name();
  }
}
