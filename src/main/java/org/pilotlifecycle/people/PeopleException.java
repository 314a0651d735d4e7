package org.pilotlifecycle.people;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A change of people or deputies the actor may not make (403), or of a period that is not there (404). */
public class PeopleException extends ProblemException {

  private PeopleException(HttpStatus status, String title, String detail) {
    super(status, title, detail, null);
  }

  static PeopleException forbidden(String detail) {
    return new PeopleException(HttpStatus.FORBIDDEN, "Not allowed", detail);
  }

  static PeopleException notFound(String detail) {
    return new PeopleException(HttpStatus.NOT_FOUND, "Not found", detail);
  }
}
