package org.pilotlifecycle.reporting.stuck;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No deployed process definition has this id: 404. */
class ProcessDefinitionNotFoundException extends ProblemException {

  ProcessDefinitionNotFoundException(String processDefinitionId) {
    super(HttpStatus.NOT_FOUND, "Process definition not found", "No process definition with id " + processDefinitionId,
        null);
  }
}
