package org.pilotlifecycle.pilot;

import java.util.Set;

/**
 * Who is looking at pilots, for per-pilot visibility (docs/domain.md, "Who sees a pilot"): a pilot is visible
 * to its named people, to the person who registered it, to the deputies today of its named people, and to the
 * oversight roles (steering committee, risk &amp; compliance, process analysts, administrators), who see every
 * pilot. To anyone else it does not exist: 404, not 403, so its key does not leak.
 *
 * @param userId the user, null for the system
 * @param actsAs the user and the people they stand in for today as deputy
 * @param seesAll whether the user is in an oversight role (or the system)
 */
public record Viewer(String userId, Set<String> actsAs, boolean seesAll) {

  /** The system (schedules, start-up): sees every pilot. */
  public static Viewer system() {
    return new Viewer(null, Set.of(), true);
  }

  public boolean sees(Pilot pilot) {
    return seesAll || pilot.namedPeople().stream().anyMatch(actsAs::contains)
        || (pilot.getRegisteredBy() != null && actsAs.contains(pilot.getRegisteredBy()));
  }
}
