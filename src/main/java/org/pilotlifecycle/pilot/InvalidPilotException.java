package org.pilotlifecycle.pilot;

import java.util.List;

import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;

/** The registration has bad fields (400, each named in {@code errors}); nothing was recorded. */
public class InvalidPilotException extends InvalidFieldsException {

  public InvalidPilotException(List<FieldProblem> problems) {
    super("Invalid pilot registration", "The registration has " + problems.size() + " invalid field(s).", problems);
  }

  /** "Invalid pilot registration: field message; ...", what Tasklist shows under the start form. */
  @Override
  public String getMessage() {
    return "Invalid pilot registration: " + joined(getProblems());
  }
}
