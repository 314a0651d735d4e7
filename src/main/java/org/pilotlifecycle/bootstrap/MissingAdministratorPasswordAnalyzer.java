package org.pilotlifecycle.bootstrap;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start without an administrator password outside the default profile ends with Spring Boot's
 * "APPLICATION FAILED TO START" report, which says what is missing and what to set, instead of a stack trace
 * through the bean that needed it (the first thing a new container shows). Registered in
 * {@code META-INF/spring.factories}.
 */
class MissingAdministratorPasswordAnalyzer extends AbstractFailureAnalyzer<IdentityProperties.MissingAdministratorPassword> {

  static final String ACTION = "Set the environment variable PILOT_ADMIN_PASSWORD (or the property pilot.identity.admin-password) "
      + "to the password of the administrator (user pilot.identity.admin-user, \"admin\" unless set). With Docker: "
      + "docker run -e PILOT_ADMIN_PASSWORD=... ; with docker/compose.yaml: PILOT_ADMIN_PASSWORD in the environment or an .env file beside it. "
      + "Only the default profile (./mvnw spring-boot:run) starts without one, with the demo users.";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, IdentityProperties.MissingAdministratorPassword cause) {
    return new FailureAnalysis(cause.getMessage(), ACTION, cause);
  }
}
