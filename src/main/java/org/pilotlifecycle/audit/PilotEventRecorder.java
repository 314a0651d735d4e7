package org.pilotlifecycle.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.pilotlifecycle.pilot.PilotEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every transition of a pilot into its audit trail, from the pilot's domain events, in the
 * transaction that made the transition: a transition and its audit entry are committed together or not at
 * all.
 */
@Component
class PilotEventRecorder {

  private final PilotAuditTrail auditTrail;

  PilotEventRecorder(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @EventListener
  void on(PilotEvent event) {
    AuditRecord record = toRecord(event);
    if (record != null) {
      auditTrail.record(event.pilotKey(), record);
    }
  }

  /** The audit entry of a pilot event; null for an event the trail does not keep. */
  static AuditRecord toRecord(PilotEvent event) {
    if (event instanceof PilotEvent.Registered e) {
      return AuditRecord.of(AuditEntryType.REGISTERED, e.step()).actor(e.actor())
          .details(Map.of("framework", e.framework().name()));
    }
    if (event instanceof PilotEvent.RiskTierClassified e) {
      return AuditRecord.of(AuditEntryType.RISK_TIER_CLASSIFIED, e.step()).name(e.decisionId()).outcome(e.tier().name())
          .details(Map.of("humanInTheLoopRequired", e.humanInTheLoopRequired(), "inputs", e.inputs()));
    }
    if (event instanceof PilotEvent.Withdrawn e) {
      return AuditRecord.of(AuditEntryType.WITHDRAWN, e.step()).actor(e.actor()).reason(e.reason());
    }
    if (event instanceof PilotEvent.StepStarted e) {
      return AuditRecord.of(AuditEntryType.STEP_STARTED, e.step()).details(Map.of("dueAt", e.dueAt().toString()));
    }
    if (event instanceof PilotEvent.DeadlineExtended e) {
      return AuditRecord.of(AuditEntryType.DEADLINE_EXTENDED, e.step()).actor(e.actor()).reason(e.reason())
          .details(Map.of("newDueAt", e.dueAt().toString(), "timerRearmed", true));
    }
    if (event instanceof PilotEvent.PutOnHold e) {
      return AuditRecord.of(AuditEntryType.PUT_ON_HOLD, e.step()).actor(e.actor()).reason(e.reason());
    }
    if (event instanceof PilotEvent.Resumed e) {
      return AuditRecord.of(AuditEntryType.RESUMED, e.step()).actor(e.actor()).reason(e.note())
          .details(Map.of("newDueAt", e.dueAt().toString()));
    }
    if (event instanceof PilotEvent.Stopped e) {
      Map<String, Object> details = new LinkedHashMap<>();
      putRootCause(details, e.rootCause(), e.rootCauseText());
      return AuditRecord.of(AuditEntryType.STOPPED, e.step()).actor(e.actor()).reason(e.reason())
          .details(details.isEmpty() ? null : details);
    }
    if (event instanceof PilotEvent.ReachedProduction e) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("inProductionAt", e.inProductionAt().toString());
      details.put("timeToProductionDays", e.timeToProduction().toHours() / 24.0);
      return AuditRecord.of(AuditEntryType.IN_PRODUCTION, e.step()).details(details);
    }
    if (event instanceof PilotEvent.PersonChanged e) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("role", e.role().name());
      details.put("from", e.from());
      details.put("to", e.to());
      return AuditRecord.of(AuditEntryType.PERSON_CHANGED, e.step()).name(e.role().label()).actor(e.actor())
          .reason(e.reason()).details(details);
    }
    if (event instanceof PilotEvent.Paused e) {
      return AuditRecord.of(AuditEntryType.PAUSED, e.step()).actor(e.actor()).reason(e.reason());
    }
    if (event instanceof PilotEvent.ResumedInProduction e) {
      return AuditRecord.of(AuditEntryType.RESUMED_IN_PRODUCTION, e.step()).actor(e.actor()).reason(e.note());
    }
    if (event instanceof PilotEvent.Retired e) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("retiredAt", e.retiredAt().toString());
      details.put("timeInProductionDays", e.timeInProduction().toHours() / 24.0);
      putRootCause(details, e.rootCause(), e.rootCauseText());
      return AuditRecord.of(AuditEntryType.RETIRED, e.step()).actor(e.actor()).reason(e.reason()).details(details);
    }
    if (event instanceof PilotEvent.RecertificationScheduled e) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("dueAt", e.dueAt().toString());
      if (e.recertifiedBy() != null) {
        details.put("recertifiedBy", e.recertifiedBy());
      }
      return AuditRecord.of(AuditEntryType.RECERTIFICATION_SCHEDULED, e.step()).actor(e.actor()).details(details);
    }
    // SuccessMetricDefined: its evidence is the check that accepted it, recorded as such.
    return null;
  }

  /** Why a pilot ended, as a stop and a retirement record it: rootCause, rootCauseLabel and (OTHER) rootCauseText. */
  private static void putRootCause(Map<String, Object> details, org.pilotlifecycle.framework.RootCause rootCause,
      String text) {
    if (rootCause != null) {
      details.put("rootCause", rootCause.name());
      details.put("rootCauseLabel", rootCause.label());
    }
    if (text != null) {
      details.put("rootCauseText", text);
    }
  }
}
