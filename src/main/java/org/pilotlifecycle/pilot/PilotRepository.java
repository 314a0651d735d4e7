package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PilotRepository extends JpaRepository<Pilot, Long> {

  /**
   * Who sees a pilot, in the query: every pilot when {@code :seesAll}, else a pilot one of {@code :people} (the
   * viewer and whom they deputise for today; never empty, see {@link PilotRegistry}) is named on or registered, or
   * one whose role the viewer's group stands in for ({@code stand-in:ROLE} in {@code :people}: the pilot names
   * nobody for it).
   */
  String VISIBLE = """
      (:seesAll = true or p.executiveOwner in :people or p.aiProductOwner in :people or p.techLead in :people
        or p.riskComplianceOwner in :people or p.changeManager in :people or p.lineManager in :people
        or p.registeredBy in :people
        or (p.techLead is null and 'stand-in:TECH_LEAD' in :people)
        or (p.riskComplianceOwner is null and 'stand-in:RISK_COMPLIANCE_OWNER' in :people)
        or (p.changeManager is null and 'stand-in:CHANGE_MANAGER' in :people))""";

  Optional<Pilot> findByKey(String key);

  boolean existsByKey(String key);

  java.util.List<Pilot> findByInProductionAtIsNotNullAndKeyNotOrderByInProductionAtAsc(String key);

  java.util.List<Pilot> findByStatusAndStepDueAtBefore(PilotStatus status, java.time.Instant moment);

  java.util.List<Pilot> findByStatusAndStepDueAtBeforeOrderByStepDueAtAscKeyAsc(PilotStatus status,
      java.time.Instant moment, org.springframework.data.domain.Pageable page);

  long countByStatusAndStepDueAtBefore(PilotStatus status, java.time.Instant moment);

  java.util.List<Pilot> findByKeyIn(java.util.Collection<String> keys);

  @Query("select p from Pilot p where p.key = :key and " + VISIBLE)
  Optional<Pilot> findVisible(String key, boolean seesAll, java.util.Collection<String> people);

  @Query("select p from Pilot p where (:businessUnit is null or p.businessUnit = :businessUnit) and " + VISIBLE
      + " order by p.registeredAt, p.key")
  java.util.List<Pilot> findForPortfolio(String businessUnit, boolean seesAll, java.util.Collection<String> people);

  @Query("select p from Pilot p where (p.stopRootCause is not null or p.retirementRootCause is not null)"
      + " and (:businessUnit is null or p.businessUnit = :businessUnit) and " + VISIBLE
      + " order by coalesce(p.stoppedAt, p.retiredAt), p.key")
  java.util.List<Pilot> findEndedWithRootCause(String businessUnit, boolean seesAll,
      java.util.Collection<String> people);

  @Query("select p from Pilot p where p.status = :status and p.stepDueAt < :moment and " + VISIBLE
      + " order by p.stepDueAt, p.key")
  java.util.List<Pilot> findOverdueVisible(PilotStatus status, java.time.Instant moment, boolean seesAll,
      java.util.Collection<String> people, org.springframework.data.domain.Pageable page);

  @Query("select count(p) from Pilot p where p.status = :status and p.stepDueAt < :moment and " + VISIBLE)
  long countOverdueVisible(PilotStatus status, java.time.Instant moment, boolean seesAll,
      java.util.Collection<String> people);

  @Query("select p from Pilot p where p.status in :statuses and p.recertificationDueAt < :moment and " + VISIBLE
      + " order by p.recertificationDueAt, p.key")
  java.util.List<Pilot> findRecertificationOverdueVisible(java.util.Collection<PilotStatus> statuses,
      java.time.Instant moment, boolean seesAll, java.util.Collection<String> people,
      org.springframework.data.domain.Pageable page);

  @Query("select count(p) from Pilot p where p.status in :statuses and p.recertificationDueAt < :moment and "
      + VISIBLE)
  long countRecertificationOverdueVisible(java.util.Collection<PilotStatus> statuses, java.time.Instant moment,
      boolean seesAll, java.util.Collection<String> people);

  @Query("select p.key from Pilot p where p.status in :statuses and " + VISIBLE)
  java.util.List<String> findVisibleKeys(java.util.Collection<PilotStatus> statuses, boolean seesAll,
      java.util.Collection<String> people);

  @Query("""
      select new org.pilotlifecycle.pilot.StepCount(p.framework, p.currentStep, p.status, count(p))
      from Pilot p group by p.framework, p.currentStep, p.status
      order by p.framework, p.currentStep, p.status
      """)
  java.util.List<StepCount> countByStep();

  @Query("""
      select new org.pilotlifecycle.pilot.StepCount(p.framework, p.currentStep, p.status, count(p))
      from Pilot p where """ + VISIBLE + """

      group by p.framework, p.currentStep, p.status
      order by p.framework, p.currentStep, p.status
      """)
  java.util.List<StepCount> countByStepVisible(boolean seesAll, java.util.Collection<String> people);

  @Query("""
      select p from Pilot p
      where (:status is null or p.status = :status)
        and (:framework is null or p.framework = :framework)
        and (:step is null or p.currentStep = :step)
        and (:businessUnit is null or p.businessUnit = :businessUnit)
        and """ + VISIBLE)
  Page<Pilot> search(PilotStatus status, Framework framework, String step, String businessUnit, boolean seesAll,
      java.util.Collection<String> people, Pageable pageable);

  /** Locks the pilot's row until the transaction ends (a native lock: the entity's optimistic version is left alone). */
  @Query(value = "select id from pilot where id = :pilotId for update", nativeQuery = true)
  java.util.List<Long> lockRow(Long pilotId);

  @Query("select distinct p.businessUnit from Pilot p where " + VISIBLE + " order by p.businessUnit")
  java.util.List<String> findVisibleBusinessUnits(boolean seesAll, java.util.Collection<String> people);
}
