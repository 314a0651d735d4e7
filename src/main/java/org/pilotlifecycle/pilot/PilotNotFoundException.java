package org.pilotlifecycle.pilot;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No pilot has this key: 404. */
public class PilotNotFoundException extends ProblemException {

  public PilotNotFoundException(String key) {
    super(HttpStatus.NOT_FOUND, "Pilot not found", "No pilot with key " + key, null);
  }
}
