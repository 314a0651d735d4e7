package org.pilotlifecycle.people;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.stereotype.Component;

/**
 * "Name the person and move the open tasks" of ChangePilotPeople.bpmn, Tasklist's form for
 * {@link PeopleChanges#change}: reads pilotKey, role, person and reason; a refusal (403, 404, 400) fails the
 * start, so nothing is recorded and Tasklist shows the reason.
 */
@Component
class ChangePilotPersonDelegate implements JavaDelegate {

  private final PeopleChanges changes;

  ChangePilotPersonDelegate(PeopleChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PilotRole role;
    try {
      role = PilotRole.named(String.valueOf(execution.getVariable("role")));
    } catch (IllegalArgumentException unknown) {
      throw InvalidFieldsException.of("role", unknown.getMessage());
    }
    var engine = execution.getProcessEngineServices();
    changes.change(text(execution, "pilotKey"), role, text(execution, "person"), text(execution, "reason"),
        CurrentUser.of(engine), CurrentUser.groupsOf(engine));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
