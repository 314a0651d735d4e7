package org.pilotlifecycle.production;

import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.web.InvalidFieldsException;

/** The choices of the production forms, and the rules every decision shares (four-eyes, no second pause). */
final class ProductionDecisions {

  enum ValueConfirmation { CONFIRM, REJECT }

  enum Recertification { RECERTIFY, REFUSE }

  enum OverdueRecertification { EXTEND, PAUSE }

  enum SignalReview { CONTINUE, UPDATE, PAUSE, RETIRE }

  enum Revalidation { APPROVE, REJECT }

  enum ExecutiveReview { CONTINUE, ESCALATE, PAUSE, RETIRE }

  enum SteeringDecision { CONTINUE, PAUSE, RETIRE }

  enum Resume { RESUME, RETIRE }

  private ProductionDecisions() {
  }

  /**
   * Four-eyes: who decides is not who prepared (400 naming the decision's field, the task stays open). The system
   * (no user) is not held to it.
   */
  static void fourEyes(String field, String actor, Object preparer, String what) {
    if (actor != null && preparer != null && actor.equals(preparer.toString())) {
      throw InvalidFieldsException.refused(field, actor + " " + what + " and cannot decide on it too (four-eyes): "
          + "someone else must.");
    }
  }

  /** A pause needs a pilot in service: a paused pilot is not paused again (400). */
  static void pausable(String field, Pilot pilot) {
    if (pilot.getStatus() == PilotStatus.PAUSED) {
      throw InvalidFieldsException.refused(field, "Pilot " + pilot.getKey() + " is already paused: resume it first "
          + "or choose another outcome.");
    }
  }
}
