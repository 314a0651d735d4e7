package org.pilotlifecycle.evidence;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceRepository extends JpaRepository<EvidenceFile, Long> {

  List<EvidenceFile> findByPilotIdOrderByStepAscNameAscVersionAsc(Long pilotId);

  List<EvidenceFile> findByPilotIdAndStepOrderByNameAscVersionAsc(Long pilotId, String step);

  @Query("select coalesce(max(f.version), 0) from EvidenceFile f where f.pilotId = :pilotId and f.step = :step"
      + " and f.name = :name")
  int latestVersion(Long pilotId, String step, String name);
}
