package org.pilotlifecycle.audit;

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
public record AuditRecord(AuditEntryType type, String step, String name, String actor, String outcome,
    String reason, Map<String, ?> details) {

  public static AuditRecord of(AuditEntryType type, String step) {
    return new AuditRecord(type, step, null, null, null, null, null);
  }

  public AuditRecord name(String value) {
    return new AuditRecord(type, step, value, actor, outcome, reason, details);
  }

  public AuditRecord actor(String value) {
    return new AuditRecord(type, step, name, value, outcome, reason, details);
  }

  public AuditRecord outcome(String value) {
    return new AuditRecord(type, step, name, actor, value, reason, details);
  }

  public AuditRecord reason(String value) {
    return new AuditRecord(type, step, name, actor, outcome, value, details);
  }

  public AuditRecord details(Map<String, ?> value) {
    return new AuditRecord(type, step, name, actor, outcome, reason, value);
  }
}
