package org.pilotlifecycle.pilot;

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
public class PilotAuditTrail {

  static final int MAX_DETAILS = 20_000;

  private final PilotRepository pilots;
  private final PilotEventRepository events;
  private final ObjectMapper json;
  private final Clock clock;

  PilotAuditTrail(PilotRepository pilots, PilotEventRepository events, ObjectMapper json, Clock clock) {
    this.pilots = pilots;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public PilotEvent record(String pilotKey, PilotEventRecord record) {
    Pilot pilot = pilots.findByKey(pilotKey).orElseThrow(() -> new PilotNotFoundException(pilotKey));
    return events.save(new PilotEvent(pilot.getId(), clock.instant(), record, toJson(record)));
  }

  @Transactional(readOnly = true)
  public Page<PilotEvent> history(String pilotKey, Pageable pageable) {
    Pilot pilot = pilots.findByKey(pilotKey).orElseThrow(() -> new PilotNotFoundException(pilotKey));
    return events.findByPilotIdOrderByOccurredAtAscIdAsc(pilot.getId(), pageable);
  }

  /** Who submitted deliverables of the pilot in the given phase or stage (for the four-eyes rule). */
  @Transactional(readOnly = true)
  public List<String> deliverableSubmitters(String pilotKey, String step) {
    Pilot pilot = pilots.findByKey(pilotKey).orElseThrow(() -> new PilotNotFoundException(pilotKey));
    return events.findByPilotIdAndTypeAndStepOrderByIdAsc(pilot.getId(), PilotEventType.DELIVERABLE_SUBMITTED, step)
        .stream().map(PilotEvent::getActor).filter(actor -> actor != null).distinct().toList();
  }

  /** The events of the pilots of the given types, per pilot in the order they happened. */
  @Transactional(readOnly = true)
  public List<PilotEvent> events(java.util.Collection<Long> pilotIds, java.util.Collection<PilotEventType> types) {
    return pilotIds.isEmpty() ? List.of()
        : events.findByPilotIdInAndTypeInOrderByPilotIdAscOccurredAtAscIdAsc(pilotIds, types);
  }

  @Transactional(readOnly = true)
  public List<PilotEvent> latestChecks(Pilot pilot) {
    return events.latestChecks(pilot.getId());
  }

  private String toJson(PilotEventRecord record) {
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
