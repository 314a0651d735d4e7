package org.pilotlifecycle.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.pilotlifecycle.engine.DomainExceptionTranslator;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.ProblemException;
import org.pilotlifecycle.pilot.DuplicatePilotException;
import org.pilotlifecycle.pilot.InvalidPilotException;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a pilot through the API by starting its intake process: the process records the pilot,
 * so the API and Tasklist's start form take the same path. One transaction: the pilot row and its
 * process instance are committed together or not at all.
 */
@Service
public class PilotIntakeService {

  private final RuntimeService runtimeService;
  private final PilotRegistry registry;

  PilotIntakeService(RuntimeService runtimeService, PilotRegistry registry) {
    this.runtimeService = runtimeService;
    this.registry = registry;
  }

  /**
   * The API's registration: the same path as Tasklist's start form, validated once, by the process
   * ({@code RegisterPilotDelegate}); its field names are the API's ({@code key}, not the form's {@code pilotKey}).
   *
   * @throws InvalidPilotException 400, every bad field named
   * @throws DuplicatePilotException 409
   */
  @Transactional
  public Pilot register(PilotRegistration registration) {
    try {
      runtimeService.createProcessInstanceByKey(PilotIntakeProcess.PROCESS_ID)
          .businessKey(registration.key())
          .setVariables(IntakeVariables.of(registration))
          .execute();
    } catch (RuntimeException e) {
      throw translate(e, registration.key());
    }
    return registry.get(registration.key());
  }

  /** The registry's own exception behind an engine failure, so the API can answer 400 or 409. */
  private static RuntimeException translate(RuntimeException failure, String key) {
    ProblemException problem = DomainExceptionTranslator.problemBehind(failure);
    if (problem instanceof InvalidPilotException invalid) {
      return new InvalidPilotException(invalid.getProblems().stream()
          .map(p -> new FieldProblem(IntakeVariables.propertyName(p.field()), p.message())).toList());
    }
    if (problem != null) {
      return problem;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataIntegrityViolationException) {
        return new DuplicatePilotException(key, failure);
      }
    }
    return failure;
  }

}
