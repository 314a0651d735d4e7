package org.pilotlifecycle.intake;

import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.PILOT_KEY;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.REGISTERED_BY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.pilot.InvalidPilotException;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Register pilot": validates the registration on the server (forms validate in the browser only)
 * and records the pilot row in the same transaction as the process start. The pilot key becomes the
 * business key. A rejected registration fails the start as a form validation error (400 in Tasklist
 * and the REST API); nothing is recorded.
 */
@Component
class RegisterPilotDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  RegisterPilotDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PilotRegistration registration = readValid(execution);
    String businessKey = execution.getProcessBusinessKey();
    boolean businessKeyGiven = businessKey != null && !businessKey.isBlank();
    if (businessKeyGiven && !businessKey.equals(registration.key())) {
      throw new InvalidPilotException(List.of(new FieldProblem(PILOT_KEY,
          "must equal the business key '" + businessKey + "' the process was started with (or leave that empty)")));
    }
    // The authenticated user, never a submitted value (null when the system registers, e.g. a test).
    String registeredBy = CurrentUser.of(execution.getProcessEngineServices());
    registry.register(registration, execution.getProcessInstanceId(), registeredBy);
    if (!businessKeyGiven) {
      execution.setProcessBusinessKey(registration.key());
    }
    execution.setVariable(PILOT_KEY, registration.key());
    // What every Tasklist card shows of the pilot (TasklistFilterBootstrap.CARD_VARIABLES).
    execution.setVariable(PilotIntakeProcess.Variables.PILOT_NAME, registration.name().strip());
  }

  private PilotRegistration readValid(DelegateExecution execution) {
    IntakeVariables.Read read = IntakeVariables.read(execution);
    Set<String> unreadable = read.conversionProblems().stream().map(FieldProblem::field).collect(Collectors.toSet());
    List<FieldProblem> problems = new ArrayList<>(read.conversionProblems());
    registry.problemsOf(read.registration()).stream()
      .map(p -> new FieldProblem(IntakeVariables.fieldName(p.field()), p.message()))
      .filter(p -> !unreadable.contains(p.field()))
      .forEach(problems::add);
    if (!problems.isEmpty()) {
    throw new InvalidPilotException(problems);
    }
    return read.registration();
  }
}
