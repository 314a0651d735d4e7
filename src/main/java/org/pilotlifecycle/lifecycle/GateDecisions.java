package org.pilotlifecycle.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.evidence.EvidenceFiles;
import org.pilotlifecycle.framework.GateDecision;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.people.PilotPeople;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A gate's decision, in the transaction of its sign-off: who decides (an authenticated user), the four-eyes
 * principle (whoever submitted the step's deliverables cannot approve its gate), the audit entry with the
 * evidence, and, on approval, the pilot's passed gate, without which it cannot enter its next step.
 */
@Service
public class GateDecisions {

  static final String DECISION_FIELD = LifecycleVariables.GATE_DECISION;

  private final PilotAuditTrail auditTrail;
  private final PilotRegistry registry;
  private final MeterRegistry meters;
  private final PilotPeople people;
  private final EvidenceFiles evidenceFiles;

  GateDecisions(PilotAuditTrail auditTrail, PilotRegistry registry, MeterRegistry meters, PilotPeople people,
      EvidenceFiles evidenceFiles) {
    this.auditTrail = auditTrail;
    this.registry = registry;
    this.meters = meters;
    this.people = people;
    this.evidenceFiles = evidenceFiles;
  }

  /**
   * @param reason required (non-empty) to reject
   * @param evidence the plain values the approver saw, kept with the decision
   * @throws InvalidFieldsException 400: no authenticated user, a reject without reason, or the four-eyes rule
   */
  @Transactional
  public void record(String pilotKey, Step step, GateDecision decision, String reason, String actor,
      Map<String, Object> evidence) {
    if (actor == null) {
      throw InvalidFieldsException.refused(DECISION_FIELD, "A gate decision needs an authenticated user");
    }
    if (decision == GateDecision.REJECT && reason.isEmpty()) {
      throw InvalidFieldsException.of(LifecycleVariables.GATE_REASON, "a reason is required to reject a gate");
    }
    if (decision == GateDecision.APPROVE && auditTrail.deliverableSubmitters(pilotKey, step.name()).contains(actor)) {
      throw InvalidFieldsException.refused(DECISION_FIELD, "Four-eyes principle: " + actor
          + " submitted deliverables of " + step.label() + " and cannot approve its gate; another member of the group must.");
    }
    auditTrail.record(pilotKey, AuditRecord.of(AuditEntryType.GATE_DECISION, step.name())
        .name(step.kind() + " " + step.number() + " gate").actor(actor).outcome(decision.outcome())
        .reason(reason.isEmpty() ? null : reason)
        .details(withFiles(asDeputy(evidence, people.actingFor(pilotKey, actor)), pilotKey, step)));
    meters.counter("pilot.gate.decisions", "step", step.name(), "outcome", decision.outcome()).increment();
    if (decision == GateDecision.APPROVE) {
      registry.passGate(pilotKey, step.name());
    }
  }

  /**
   * The evidence, plus {@value #EVIDENCE_FILES}: every version of the step's evidence files at the moment of the
   * decision (name, version, SHA-256), so that the decision names exactly what it approved, and nothing added later.
   */
  private Map<String, Object> withFiles(Map<String, Object> evidence, String pilotKey, Step step) {
    List<Map<String, Object>> files = evidenceFiles.approvedWith(pilotKey, step.name());
    if (files.isEmpty()) {
      return evidence;
    }
    Map<String, Object> withFiles = new java.util.LinkedHashMap<>(evidence == null ? Map.of() : evidence);
    withFiles.put(EVIDENCE_FILES, files);
    return withFiles;
  }

  /** The key of the decision's evidence files in its audit entry's details. */
  static final String EVIDENCE_FILES = "evidenceFiles";

  /**
   * The evidence, plus {@value #AS_DEPUTY_OF} naming the person the actor stood in for, when the actor decided as
   * someone's deputy: the audit trail reads "approved by D as deputy of P".
   */
  static Map<String, Object> asDeputy(Map<String, Object> evidence, Optional<String> principal) {
    if (principal.isEmpty()) {
      return evidence;
    }
    Map<String, Object> details = new TreeMap<>(evidence == null ? Map.of() : evidence);
    details.put(AS_DEPUTY_OF, principal.get());
    return details;
  }

  /** The detail naming whom a deputy stood in for. */
  public static final String AS_DEPUTY_OF = "asDeputyOf";
}
