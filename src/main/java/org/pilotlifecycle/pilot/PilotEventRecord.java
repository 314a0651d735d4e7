package org.pilotlifecycle.pilot;

import java.util.Map;

/**
 * What to write into the audit trail.
 *
 * @param step the phase or stage it happened in
 * @param name what it concerns: a task, a check, a gate
 * @param actor the user who did it, or null for the system
 * @param outcome e.g. PASSED, FAILED, APPROVED, REJECTED, EXTEND
 * @param details the evidence or facts, stored as JSON
 */
public record PilotEventRecord(PilotEventType type, String step, String name, String actor, String outcome,
    String reason, Map<String, ?> details) {

  public static PilotEventRecord of(PilotEventType type, String step) {
    return new PilotEventRecord(type, step, null, null, null, null, null);
  }

  public PilotEventRecord name(String value) {
    return new PilotEventRecord(type, step, value, actor, outcome, reason, details);
  }

  public PilotEventRecord actor(String value) {
    return new PilotEventRecord(type, step, name, value, outcome, reason, details);
  }

  public PilotEventRecord outcome(String value) {
    return new PilotEventRecord(type, step, name, actor, value, reason, details);
  }

  public PilotEventRecord reason(String value) {
    return new PilotEventRecord(type, step, name, actor, outcome, value, details);
  }

  public PilotEventRecord details(Map<String, ?> value) {
    return new PilotEventRecord(type, step, name, actor, outcome, reason, value);
  }
}
