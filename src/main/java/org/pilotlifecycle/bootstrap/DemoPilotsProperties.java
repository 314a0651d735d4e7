package org.pilotlifecycle.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data at start-up ({@code pilot.demo.*}).
 *
 * @param pilots register the demo pilots ({@link DemoPilots}); when unset, true on the default profile only, and
 *     never without the demo users, whose names they carry
 */
@ConfigurationProperties("pilot.demo")
public record DemoPilotsProperties(Boolean pilots) {

  /** Whether to seed, given whether the application runs on the default profile and creates the demo users. */
  public boolean seed(boolean defaultProfile, boolean demoUsers) {
    return demoUsers && (pilots != null ? pilots : defaultProfile);
  }
}
