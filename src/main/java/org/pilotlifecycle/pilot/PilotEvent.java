package org.pilotlifecycle.pilot;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.pilotlifecycle.framework.Framework;

/**
 * What happened to a pilot: the domain events its transitions publish (Spring Data publishes them when the
 * registry saves the pilot, inside the transaction of the engine step that caused them). The audit trail
 * records each in the same transaction; notifications enqueue their mail in it too and the outbox sends
 * after commit.
 *
 * <p>{@code actor} is the user who caused it, or null for the system (a timer, a check).
 */
public sealed interface PilotEvent {

  String pilotKey();

  /** The phase or stage (or {@code INTAKE}, {@code IN_PRODUCTION}) the pilot was in. */
  String step();

  record Registered(String pilotKey, String step, Framework framework, String actor) implements PilotEvent {
  }

  /** @param decisionId the decision table that classified; @param inputs what it was given */
  record RiskTierClassified(String pilotKey, String step, RiskTier tier, boolean humanInTheLoopRequired,
      String decisionId, Map<String, Object> inputs) implements PilotEvent {
  }

  record Withdrawn(String pilotKey, String step, String actor, String reason) implements PilotEvent {
  }

  record StepStarted(String pilotKey, String step, Instant dueAt) implements PilotEvent {
  }

  record DeadlineExtended(String pilotKey, String step, Instant dueAt, String actor, String reason)
      implements PilotEvent {
  }

  record PutOnHold(String pilotKey, String step, String actor, String reason) implements PilotEvent {
  }

  record Resumed(String pilotKey, String step, Instant dueAt, String actor, String note) implements PilotEvent {
  }

  /** Stopped by the steering committee, naming the root cause (the text only with OTHER). */
  record Stopped(String pilotKey, String step, String actor, String reason,
      org.pilotlifecycle.framework.RootCause rootCause, String rootCauseText) implements PilotEvent {
  }

  record ReachedProduction(String pilotKey, String step, Instant inProductionAt, Duration timeToProduction)
      implements PilotEvent {
  }

  record SuccessMetricDefined(String pilotKey, String step, SuccessMetric metric) implements PilotEvent {
  }

  /** The pilot names {@code to} (null: nobody) for the role instead of {@code from}. */
  record PersonChanged(String pilotKey, String step, org.pilotlifecycle.framework.PilotRole role, String from,
      String to, String actor, String reason) implements PilotEvent {
  }

  /** Taken out of service while in production. */
  record Paused(String pilotKey, String step, String actor, String reason) implements PilotEvent {
  }

  record ResumedInProduction(String pilotKey, String step, String actor, String note) implements PilotEvent {
  }

  /** Decommissioned: {@code timeInProduction} from production to retirement; the root cause (text only with OTHER). */
  record Retired(String pilotKey, String step, Instant retiredAt, Duration timeInProduction, String actor,
      String reason, org.pilotlifecycle.framework.RootCause rootCause, String rootCauseText) implements PilotEvent {
  }

  /** The next re-certification is due at {@code dueAt}; {@code recertifiedBy} re-certified it now (or null). */
  record RecertificationScheduled(String pilotKey, String step, Instant dueAt, String recertifiedBy, String actor)
      implements PilotEvent {
  }
}
