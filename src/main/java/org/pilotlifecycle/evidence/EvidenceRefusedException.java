package org.pilotlifecycle.evidence;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An evidence file refused for its size (413) or its type (415). */
class EvidenceRefusedException extends ProblemException {

  EvidenceRefusedException(HttpStatus status, String title, String detail) {
    super(status, title, detail, null);
  }
}
