package org.pilotlifecycle.pilot;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PilotEventRepository extends JpaRepository<PilotEvent, Long> {

  Page<PilotEvent> findByPilotIdOrderByOccurredAtAscIdAsc(Long pilotId, Pageable pageable);

  List<PilotEvent> findByPilotIdAndTypeAndStepOrderByIdAsc(Long pilotId, PilotEventType type, String step);

  /** The latest outcome of each check of the pilot. */
  @Query("""
      select e from PilotEvent e
      where e.pilotId = :pilotId and e.type = org.pilotlifecycle.pilot.PilotEventType.CHECK
        and e.id = (select max(l.id) from PilotEvent l
                    where l.pilotId = e.pilotId and l.type = e.type and l.name = e.name)
      order by e.id
      """)
  List<PilotEvent> latestChecks(Long pilotId);

  Optional<PilotEvent> findFirstByPilotIdAndTypeOrderByIdDesc(Long pilotId, PilotEventType type);

  List<PilotEvent> findByPilotIdInAndTypeInOrderByPilotIdAscOccurredAtAscIdAsc(java.util.Collection<Long> pilotIds,
      java.util.Collection<PilotEventType> types);
}
