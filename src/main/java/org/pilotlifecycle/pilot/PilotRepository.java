package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PilotRepository extends JpaRepository<Pilot, Long> {

  Optional<Pilot> findByKey(String key);

  boolean existsByKey(String key);

  java.util.List<Pilot> findByInProductionAtIsNotNullAndKeyNotOrderByInProductionAtAsc(String key);

  java.util.List<Pilot> findByStatusAndStepDueAtBefore(PilotStatus status, java.time.Instant moment);

  java.util.List<Pilot> findByStatusAndStepDueAtBeforeOrderByStepDueAtAscKeyAsc(PilotStatus status,
      java.time.Instant moment, org.springframework.data.domain.Pageable page);

  long countByStatusAndStepDueAtBefore(PilotStatus status, java.time.Instant moment);

  java.util.List<Pilot> findByKeyIn(java.util.Collection<String> keys);

  @Query("select p from Pilot p where (:businessUnit is null or p.businessUnit = :businessUnit) order by p.registeredAt, p.key")
  java.util.List<Pilot> findForPortfolio(String businessUnit);

  @Query("""
      select new org.pilotlifecycle.pilot.StepCount(p.framework, p.currentStep, p.status, count(p))
      from Pilot p group by p.framework, p.currentStep, p.status
      order by p.framework, p.currentStep, p.status
      """)
  java.util.List<StepCount> countByStep();

  @Query("""
      select p from Pilot p
      where (:status is null or p.status = :status)
        and (:framework is null or p.framework = :framework)
      """)
  Page<Pilot> search(PilotStatus status, Framework framework, Pageable pageable);
}
