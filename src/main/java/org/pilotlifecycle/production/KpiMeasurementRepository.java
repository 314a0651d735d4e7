package org.pilotlifecycle.production;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface KpiMeasurementRepository extends JpaRepository<KpiMeasurement, Long> {

  List<KpiMeasurement> findByPilotKeyOrderByMeasuredAtAscIdAsc(String pilotKey);

  List<KpiMeasurement> findByPilotKeyInAndKindOrderByMeasuredAtAscIdAsc(Collection<String> pilotKeys,
      KpiMeasurement.Kind kind);

  List<KpiMeasurement> findByKindOrderByMeasuredAtAscIdAsc(KpiMeasurement.Kind kind);
}
