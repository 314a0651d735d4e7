package org.pilotlifecycle.production;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MonitoringSignalRepository extends JpaRepository<MonitoringSignal, Long> {

  Optional<MonitoringSignal> findByPilotKeyAndIdempotencyKey(String pilotKey, String idempotencyKey);

  List<MonitoringSignal> findByPilotKeyAndStatusOrderByReceivedAtAscIdAsc(String pilotKey, MonitoringSignal.Status status);

  long countByPilotKeyAndStatus(String pilotKey, MonitoringSignal.Status status);

  /** Signals per pilot and status, with the oldest one's arrival. */
  @Query("select s.pilotKey as pilotKey, s.status as status, count(s) as signals, "
      + "min(s.receivedAt) as oldest from MonitoringSignal s where s.pilotKey in :keys group by s.pilotKey, s.status")
  List<SignalCount> countPerPilotAndStatus(@Param("keys") Collection<String> keys);

  /** Signals per pilot and status, with the oldest one's arrival, of every pilot. */
  @Query("select s.pilotKey as pilotKey, s.status as status, count(s) as signals, "
      + "min(s.receivedAt) as oldest from MonitoringSignal s group by s.pilotKey, s.status")
  List<SignalCount> countPerPilotAndStatus();

  interface SignalCount {
    String getPilotKey();
    MonitoringSignal.Status getStatus();
    long getSignals();
    Instant getOldest();
  }
}
