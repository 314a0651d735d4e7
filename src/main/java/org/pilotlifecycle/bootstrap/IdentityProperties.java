package org.pilotlifecycle.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity set-up at start-up ({@code pilot.identity.*}).
 *
 * @param demoUsers create the demo users (password "demo"); when unset, true on the default profile only
 * @param adminUser the administrator's user id
 * @param adminPassword the administrator's password; required outside the default profile
 */
@ConfigurationProperties("pilot.identity")
public record IdentityProperties(Boolean demoUsers, String adminUser, String adminPassword) {

  public static final String DEMO_PASSWORD = "demo";

  public IdentityProperties {
    adminUser = adminUser == null || adminUser.isBlank() ? "admin" : adminUser;
  }

  /**
   * What to create, given whether the application runs on the default profile. Fails with a message
   * that says what to set when no administrator password was supplied outside the default profile.
   */
  public IdentityPlan plan(boolean defaultProfile) {
    boolean demo = demoUsers != null ? demoUsers : defaultProfile;
    boolean passwordGiven = adminPassword != null && !adminPassword.isBlank();
    if (!passwordGiven && !defaultProfile) {
      throw new MissingAdministratorPassword();
    }
    return new IdentityPlan(adminUser, passwordGiven ? adminPassword : DEMO_PASSWORD, demo);
  }

  public record IdentityPlan(String adminUser, String adminPassword, boolean demoUsers) {
  }

  /** No administrator password outside the default profile; {@link MissingAdministratorPasswordAnalyzer} explains it at start-up. */
  public static final class MissingAdministratorPassword extends IllegalStateException {

    static final String MESSAGE = "No administrator password: set PILOT_ADMIN_PASSWORD (property pilot.identity.admin-password). "
        + "Outside the default profile the application does not start without one.";

    MissingAdministratorPassword() {
      super(MESSAGE);
    }
  }
}
