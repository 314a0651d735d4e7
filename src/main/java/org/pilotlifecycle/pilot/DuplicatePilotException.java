package org.pilotlifecycle.pilot;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A pilot with this key is already registered: 409, nothing was recorded. */
public class DuplicatePilotException extends ProblemException {

  private final String key;

  public DuplicatePilotException(String key, Throwable cause) {
    super(HttpStatus.CONFLICT, "Pilot already registered", "A pilot with key " + key + " is already registered", cause);
    this.key = key;
  }

  public String getKey() {
    return key;
  }
}
