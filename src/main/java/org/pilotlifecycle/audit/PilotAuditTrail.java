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
  private final AuditChainBreakRepository breaks;
  private final ObjectMapper json;
  private final Clock clock;

  private final org.springframework.transaction.support.TransactionTemplate readOnly;
  private final org.springframework.transaction.support.TransactionTemplate writing;

  PilotAuditTrail(PilotRegistry registry, AuditEntryRepository events, AuditChainBreakRepository breaks,
      ObjectMapper json, Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.writing = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.registry = registry;
    this.events = events;
    this.breaks = breaks;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Appends an entry to the pilot's trail and links it into the pilot's hash chain ({@link AuditChain}): the pilot's
   * row is locked until the transaction ends, so that concurrent writers extend the chain one after the other.
   */
  @Transactional
  public AuditEntry record(String pilotKey, AuditRecord record) {
    Pilot pilot = registry.get(pilotKey);
    AuditEntry entry = new AuditEntry(pilot.getId(), clock.instant(), record, toJson(record));
    entry.chain(head(pilot.getId()));
    return events.save(entry);
  }

  /** Locks the pilot's chain and answers its head, chaining first what was written before the chain existed. */
  private String head(Long pilotId) {
    registry.lock(pilotId);
    AuditEntry latest = events.findFirstByPilotIdOrderByIdDesc(pilotId).orElse(null);
    if (latest == null) {
      return AuditChain.GENESIS;
    }
    if (latest.getEntryHash() == null) {
      return chainUnchained(pilotId);
    }
    return latest.getEntryHash();
  }

  /** Chains the pilot's entries that are not chained yet, in order; @return the head. The caller holds the lock. */
  private String chainUnchained(Long pilotId) {
    String previous = AuditChain.GENESIS;
    for (AuditEntry entry : events.findByPilotIdOrderByIdAsc(pilotId)) {
      if (entry.getEntryHash() == null) {
        entry.chain(previous);
      }
      previous = entry.getEntryHash();
    }
    return previous;
  }

  /**
   * Chains the entries written before the chain existed, each pilot in a transaction of its own under its row lock;
   * @return how many pilots had some.
   */
  public int chainUnchained() {
    List<Long> pilots = readOnly.execute(status -> events.pilotsWithUnchainedEntries());
    for (Long pilotId : pilots) {
      writing.executeWithoutResult(status -> {
        registry.lock(pilotId);
        chainUnchained(pilotId);
      });
    }
    return pilots.size();
  }

  /**
   * Verifies the pilot's chain: the first entry that does not link to the one before it, or whose content does not
   * match its hash, breaks it.
   *
   * @throws PilotNotFoundException for an unknown pilot and for one the viewer does not see alike (404)
   */
  @Transactional(readOnly = true)
  public AuditChainVerification verify(String pilotKey, Viewer viewer) {
    Pilot pilot = registry.get(pilotKey, viewer);
    return verify(pilot.getKey(), events.findByPilotIdOrderByIdAsc(pilot.getId()));
  }

  static AuditChainVerification verify(String pilotKey, List<AuditEntry> trail) {
    String previous = AuditChain.GENESIS;
    for (AuditEntry entry : trail) {
      String problem = null;
      if (entry.getEntryHash() == null || entry.getPreviousHash() == null) {
        problem = "not chained: the entry carries no hash";
      } else if (!previous.equals(entry.getPreviousHash())) {
        problem = "does not link to the entry before it: an entry was removed, inserted or reordered";
      } else if (!AuditChain.hash(entry.getPreviousHash(), entry).equals(entry.getEntryHash())) {
        problem = "its content does not match its hash: the entry was changed";
      }
      if (problem != null) {
        return new AuditChainVerification(pilotKey, false, trail.size(), trail.get(trail.size() - 1).getEntryHash(),
            new AuditChainVerification.Break(entry.getId(), entry.getOccurredAt(), entry.getType(), problem));
      }
      previous = entry.getEntryHash();
    }
    return new AuditChainVerification(pilotKey, true, trail.size(), trail.isEmpty() ? AuditChain.GENESIS : previous, null);
  }

  /**
   * Verifies every pilot's chain, each pilot in a read-only transaction of its own (so that a large portfolio is
   * never held in memory at once), and keeps the broken ones in {@code audit_chain_break}, replacing the last run's
   * findings; @return the broken chains.
   */
  public List<AuditChainVerification> verifyAll() {
    List<Long> pilotIds = readOnly.execute(status -> events.pilotsWithEntries());
    List<AuditChainVerification> broken = new java.util.ArrayList<>();
    List<AuditChainBreak> found = new java.util.ArrayList<>();
    for (Long pilotId : pilotIds) {
      AuditChainVerification verification = readOnly.execute(status ->
          verify(registry.byId(pilotId).getKey(), events.findByPilotIdOrderByIdAsc(pilotId)));
      if (verification != null && !verification.intact()) {
        broken.add(verification);
        found.add(new AuditChainBreak(pilotId, verification.brokenAt().entryId(), verification.brokenAt().problem(),
            clock.instant()));
      }
    }
    writing.executeWithoutResult(status -> {
      breaks.deleteAllInBatch();
      breaks.saveAll(found);
    });
    return broken;
  }

  /** How many pilots' chains the last verification found broken. */
  @Transactional(readOnly = true)
  public long brokenChains() {
    return breaks.count();
  }

  /** A pilot whose chain the last verification found broken, at which entry, and when it found it. */
  public record BrokenChain(String pilotKey, long entryId, String problem, java.time.Instant detectedAt) {
  }

  /** The pilots whose chains the last verification found broken. */
  @Transactional(readOnly = true)
  public List<BrokenChain> brokenChainList() {
    return breaks.findAll().stream().map(b -> new BrokenChain(registry.byId(b.getPilotId()).getKey(), b.getEntryId(),
        b.getProblem(), b.getDetectedAt())).toList();
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
