package org.pilotlifecycle.security;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A machine token that is not there (404), or issuing while the application has no key for it (409). */
class MachineTokenException extends ProblemException {

  private MachineTokenException(HttpStatus status, String title, String detail) {
    super(status, title, detail, null);
  }

  static MachineTokenException notFound() {
    return new MachineTokenException(HttpStatus.NOT_FOUND, "Unknown machine token",
        "No machine token with this id.");
  }

  static MachineTokenException noKey() {
    return new MachineTokenException(HttpStatus.CONFLICT, "Machine tokens are off",
        "No signing key is configured: set pilot.security.machine-tokens.secret (PILOT_MACHINE_TOKEN_SECRET) on every node.");
  }
}
