package org.pilotlifecycle.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

  Page<AuditEntry> findByPilotIdOrderByOccurredAtAscIdAsc(Long pilotId, Pageable pageable);

  List<AuditEntry> findByPilotIdAndTypeAndStepOrderByIdAsc(Long pilotId, AuditEntryType type, String step);

  /** The latest outcome of each check of the pilot. */
  @Query("""
      select e from AuditEntry e
      where e.pilotId = :pilotId and e.type = org.pilotlifecycle.audit.AuditEntryType.CHECK
        and e.id = (select max(l.id) from AuditEntry l
                    where l.pilotId = e.pilotId and l.type = e.type and l.name = e.name)
      order by e.id
      """)
  List<AuditEntry> latestChecks(Long pilotId);

  Optional<AuditEntry> findFirstByPilotIdAndTypeOrderByIdDesc(Long pilotId, AuditEntryType type);

  /** The pilot's latest entry: the head of its chain. */
  Optional<AuditEntry> findFirstByPilotIdOrderByIdDesc(Long pilotId);

  /** The pilot's whole trail in the chain's order. */
  List<AuditEntry> findByPilotIdOrderByIdAsc(Long pilotId);

  /** Pilots with entries not chained yet (written before the chain existed). */
  @Query("select distinct e.pilotId from AuditEntry e where e.entryHash is null")
  List<Long> pilotsWithUnchainedEntries();

  @Query("select distinct e.pilotId from AuditEntry e")
  List<Long> pilotsWithEntries();

  List<AuditEntry> findByPilotIdInAndTypeInOrderByPilotIdAscOccurredAtAscIdAsc(java.util.Collection<Long> pilotIds,
      java.util.Collection<AuditEntryType> types);
}
