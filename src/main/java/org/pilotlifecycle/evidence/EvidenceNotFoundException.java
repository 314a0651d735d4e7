package org.pilotlifecycle.evidence;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No evidence file of this id for the pilot: 404. */
class EvidenceNotFoundException extends ProblemException {

  EvidenceNotFoundException(String pilotKey, long fileId) {
    super(HttpStatus.NOT_FOUND, "Evidence file not found", "No evidence file " + fileId + " of pilot " + pilotKey, null);
  }
}
