package org.pilotlifecycle.pilot;

import java.time.Instant;

/**
 * Pilots for slice tests, built without a database through the domain's own registration factory (package
 * private, hence this helper in the same package).
 */
public final class TestPilots {

  public static final Instant REGISTERED_AT = Instant.parse("2025-03-01T09:00:00Z");

  private TestPilots() {
  }

  public static Pilot registered(PilotRegistration registration) {
    return Pilot.register(registration, null, "process-" + registration.key(), "paul", REGISTERED_AT);
  }
}
