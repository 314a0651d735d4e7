package org.pilotlifecycle.pilot;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A transition the pilot's state does not allow (a running pilot "resumed", a stopped one put on hold, work
 * completed while it is on hold): 409, nothing was changed. Inside the engine it refuses the task's
 * completion (400 there, the task stays open).
 */
public class PilotStateException extends ProblemException {

  public PilotStateException(String pilotKey, PilotStatus status, String currentStep, String transition) {
    super(HttpStatus.CONFLICT, "Not allowed in the pilot's state", "Pilot " + pilotKey + " is " + status
        + " in " + currentStep + ": it cannot " + transition + ".", null);
  }
}
