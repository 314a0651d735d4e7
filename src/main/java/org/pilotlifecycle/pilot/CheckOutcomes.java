package org.pilotlifecycle.pilot;

import java.time.Instant;
import java.util.List;

/**
 * The latest outcome of each readiness check of a pilot, for the single-pilot view. The checks are recorded
 * in the audit trail, which implements this; the pilot module asks through this interface so that it does
 * not depend on the module that listens to it.
 */
public interface CheckOutcomes {

  /** One entry per check that ran, in the order the checks first ran; empty when none has. */
  List<CheckOutcome> latestOf(Pilot pilot);

  /** The latest outcome of one readiness check. */
  record CheckOutcome(String check, String step, boolean passed, String summary, Instant checkedAt) {
  }
}
