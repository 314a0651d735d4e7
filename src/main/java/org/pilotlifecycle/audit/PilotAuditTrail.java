package org.pilotlifecycle.audit;

import org.pilotlifecycle.framework.CheckOutcome;

import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotNotFoundException;
import org.pilotlifecycle.pilot.CheckOutcomes;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewer;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads each pilot's audit trail, in the transaction of what it records. */
@Service
public class PilotAuditTrail implements CheckOutcomes {

  static final int MAX_DETAILS = 20_000;

  private final PilotRegistry registry;
  private final AuditEntryRepository events;
  private final ObjectMapper json;
  private final Clock clock;

  PilotAuditTrail(PilotRegistry registry, AuditEntryRepository events, ObjectMapper json, Clock clock) {
    this.registry = registry;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public AuditEntry record(String pilotKey, AuditRecord record) {
    Pilot pilot = registry.get(pilotKey);
    return events.save(new AuditEntry(pilot.getId(), clock.instant(), record, toJson(record)));
  }

  /** The pilot's audit trail, oldest first, for the system (whoever may see the pilot). */
  @Transactional(readOnly = true)
  public Page<AuditEntry> history(String pilotKey, Pageable pageable) {
    return history(pilotKey, Viewer.system(), pageable);
  }

  /**
   * The pilot's audit trail, oldest first.
   *
   * @throws PilotNotFoundException for an unknown pilot and for one the viewer does not see alike (404)
   */
  @Transactional(readOnly = true)
  public Page<AuditEntry> history(String pilotKey, Viewer viewer, Pageable pageable) {
    Pilot pilot = registry.get(pilotKey, viewer);
    return events.findByPilotIdOrderByOccurredAtAscIdAsc(pilot.getId(), pageable);
  }

  /** Who submitted deliverables of the pilot in the given phase or stage (for the four-eyes rule). */
  @Transactional(readOnly = true)
  public List<String> deliverableSubmitters(String pilotKey, String step) {
    Pilot pilot = registry.get(pilotKey);
    return events.findByPilotIdAndTypeAndStepOrderByIdAsc(pilot.getId(), AuditEntryType.DELIVERABLE_SUBMITTED, step)
        .stream().map(AuditEntry::getActor).filter(actor -> actor != null).distinct().toList();
  }

  /** The events of the pilots of the given types, per pilot in the order they happened. */
  @Transactional(readOnly = true)
  public List<AuditEntry> events(java.util.Collection<Long> pilotIds, java.util.Collection<AuditEntryType> types) {
    return pilotIds.isEmpty() ? List.of()
        : events.findByPilotIdInAndTypeInOrderByPilotIdAscOccurredAtAscIdAsc(pilotIds, types);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CheckOutcome> latestOf(Pilot pilot) {
    return events.latestChecks(pilot.getId()).stream()
        .map(entry -> new CheckOutcome(entry.getName(), entry.getStep(), "PASSED".equals(entry.getOutcome()),
            entry.getReason(), entry.getOccurredAt()))
        .toList();
  }

  private String toJson(AuditRecord record) {
    if (record.details() == null || record.details().isEmpty()) {
      return null;
    }
    try {
      String text = json.writeValueAsString(record.details());
      if (text.length() > MAX_DETAILS) {
        return json.writeValueAsString(java.util.Map.of("truncated", true, "size", text.length()));
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event details cannot be written as JSON", e);
    }
  }
}
