package org.pilotlifecycle.reporting.dossier;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A portfolio dossier of more pilots than one board pack holds: 409, ask for one business unit. */
class DossierTooLargeException extends ProblemException {

  DossierTooLargeException(int pilots, int max) {
    super(HttpStatus.CONFLICT, "Portfolio too large for one dossier", "The portfolio holds " + pilots
        + " pilots; a dossier takes at most " + max + ": ask for one business unit (?businessUnit=...)", null);
  }
}
