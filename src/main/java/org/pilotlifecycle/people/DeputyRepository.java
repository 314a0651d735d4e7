package org.pilotlifecycle.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeputyRepository extends JpaRepository<Deputy, Long> {

  @Query("select d from Deputy d where d.principal = ?1 and d.startsOn <= ?2 and d.endsOn >= ?2 order by d.id")
  List<Deputy> activeFor(String principal, LocalDate day);

  @Query("select d from Deputy d where d.deputy = ?1 and d.startsOn <= ?2 and d.endsOn >= ?2 order by d.id")
  List<Deputy> activeAsDeputy(String deputy, LocalDate day);

  @Query("select d from Deputy d where d.principal = ?1 and d.startsOn <= ?3 and d.endsOn >= ?2")
  List<Deputy> overlapping(String principal, LocalDate from, LocalDate to);

  @Query("select d from Deputy d where (d.principal = ?1 or d.deputy = ?1) and d.endsOn >= ?2 order by d.startsOn, d.id")
  List<Deputy> currentOrComingOf(String user, LocalDate today);

  @Query("select d from Deputy d where d.endsOn >= ?1 order by d.startsOn, d.id")
  List<Deputy> currentOrComing(LocalDate today);

  /** Periods that begin or have ended on these days: their tasks move. */
  @Query("select d from Deputy d where d.startsOn = ?1 or d.endsOn = ?2")
  List<Deputy> changingOn(LocalDate startsOn, LocalDate endedOn);
}
