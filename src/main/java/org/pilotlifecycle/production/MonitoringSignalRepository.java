package org.pilotlifecycle.production;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringSignalRepository extends JpaRepository<MonitoringSignal, Long> {

  Optional<MonitoringSignal> findByPilotKeyAndIdempotencyKey(String pilotKey, String idempotencyKey);

  List<MonitoringSignal> findByPilotKeyAndStatusOrderByReceivedAtAscIdAsc(String pilotKey, MonitoringSignal.Status status);

  long countByPilotKeyAndStatus(String pilotKey, MonitoringSignal.Status status);
}
