package org.pilotlifecycle.intake;

import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.PILOT_KEY;
import static org.pilotlifecycle.intake.PilotIntakeProcess.Variables.WITHDRAWAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.engine.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Withdraw pilot": stops a pilot whose registration was not confirmed. A reason is mandatory; without
 * one the confirmation task is refused (400) and stays open.
 */
@Component
class WithdrawPilotDelegate implements JavaDelegate {

  private final PilotRegistry registry;

  WithdrawPilotDelegate(PilotRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Reasons.required(WITHDRAWAL_REASON, execution.getVariable(WITHDRAWAL_REASON));
    String pilotKey = (String) execution.getVariable(PILOT_KEY);
    registry.withdraw(pilotKey, reason, CurrentUser.of(execution.getProcessEngineServices()));
  }
}
