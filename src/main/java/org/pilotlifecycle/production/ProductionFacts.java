package org.pilotlifecycle.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portfolio and the maturity scorecard know of pilots in production: the business KPI of each pilot's
 * latest confirmed value checkpoint, the value it realises against the projected value, and its monitoring signals
 * (received, open, the oldest open one).
 */
@Service
public class ProductionFacts {

  /** Keys per query: well below PostgreSQL's limit of bind parameters in one statement. */
  static final int KEYS_PER_QUERY = 1000;

  private final KpiMeasurementRepository measurements;
  private final MonitoringSignalRepository signals;
  private final ProductionProperties properties;

  ProductionFacts(KpiMeasurementRepository measurements, MonitoringSignalRepository signals,
      ProductionProperties properties) {
    this.measurements = measurements;
    this.signals = signals;
    this.properties = properties;
  }

  /**
   * The business KPI of a confirmed value checkpoint.
   *
   * @param baseline, target as they were when it was measured (the success metric's, or those the form named)
   * @param belowTarget whether it misses its target in the direction from the baseline ({@link KpiReading#business})
   */
  public record MeasuredKpi(String checkpoint, String kpi, String unit, BigDecimal measured, BigDecimal baseline,
      BigDecimal target, boolean belowTarget, Instant measuredAt) {

    /**
     * How far the KPI has come from its baseline towards its target, in percent: 0 at the baseline, 100 at the
     * target, above 100 past it, negative when it moved away from the target. Null without a baseline and a target
     * that differ.
     */
    public Double achievedPercent() {
      BigDecimal fraction = achieved();
      return fraction == null ? null : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The annual value this measurement realises of a projected annual value: the projected value (which assumes the
     * KPI at its target, seed 000's "annual value") times the share of the way from baseline to target the KPI has
     * come, never below 0; linear, so a KPI past its target realises more than projected. Null when there is no
     * projected value or the share is not known ({@link #achievedPercent()}).
     *
     * @param projectedAnnualValue the success metric's annual value in the organisation's currency
     */
    public BigDecimal realised(BigDecimal projectedAnnualValue) {
      BigDecimal fraction = achieved();
      if (projectedAnnualValue == null || fraction == null) {
        return null;
      }
      return projectedAnnualValue.multiply(fraction.max(BigDecimal.ZERO)).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal achieved() {
      if (baseline == null || target == null || target.compareTo(baseline) == 0) {
        return null;
      }
      return measured.subtract(baseline).divide(target.subtract(baseline), 6, RoundingMode.HALF_UP);
    }
  }

  /**
   * One pilot's facts.
   *
   * @param latestBusinessKpi null until a value checkpoint is confirmed
   * @param oldestOpenSignalAt when the oldest signal still waiting for its review arrived; null with none open
   */
  public record PilotFacts(String pilotKey, MeasuredKpi latestBusinessKpi, long signalsReceived, long signalsOpen,
      Instant oldestOpenSignalAt) {

    static PilotFacts none(String pilotKey) {
      return new PilotFacts(pilotKey, null, 0, 0, null);
    }

    /**
     * Whether the pilot's monitoring works: signals arrive from its MLOps or monitoring tools and are reviewed,
     * none waiting longer than the handling time (issue 15: "working monitoring (signals received and handled)").
     */
    public boolean monitoringWorks(Instant now, Duration handlingTime) {
      return signalsReceived > 0 && (oldestOpenSignalAt == null || !oldestOpenSignalAt.plus(handlingTime).isBefore(now));
    }
  }

  /** The facts of each given pilot (every key is in the map, with no facts where nothing was measured or sent). */
  @Transactional(readOnly = true)
  public Map<String, PilotFacts> of(Collection<String> pilotKeys) {
    Map<String, MeasuredKpi> latest = new HashMap<>();
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Instant> oldestOpen = new HashMap<>();
    // Many pilots (a portfolio of thousands in production, issue 19): every pilot's rows in one query each, those of
    // the pilots asked for kept. Only pilots in production have rows, so that reads little more than the chunks would,
    // without building queries of a thousand parameters each, which had cost as much as the portfolio's other reads.
    Set<String> asked = pilotKeys.size() > KEYS_PER_QUERY ? new HashSet<>(pilotKeys) : null;
    for (List<String> keys : asked != null ? List.<List<String>>of(List.of()) : chunks(pilotKeys)) {
      for (KpiMeasurement m : asked != null ? measurements.findByKindOrderByMeasuredAtAscIdAsc(KpiMeasurement.Kind.BUSINESS)
          : measurements.findByPilotKeyInAndKindOrderByMeasuredAtAscIdAsc(keys, KpiMeasurement.Kind.BUSINESS)) {
        if (asked != null && !asked.contains(m.getPilotKey())) {
          continue;
        }
        latest.put(m.getPilotKey(), new MeasuredKpi(m.getCheckpoint(), m.getKpi(), m.getUnit(), m.getMeasured(),
            m.getBaseline(), m.getTarget(), m.isBelowTarget(), m.getMeasuredAt()));
      }
      for (MonitoringSignalRepository.SignalCount count : asked != null ? signals.countPerPilotAndStatus()
          : signals.countPerPilotAndStatus(keys)) {
        if (asked != null && !asked.contains(count.getPilotKey())) {
          continue;
        }
        long[] received = counts.computeIfAbsent(count.getPilotKey(), key -> new long[2]);
        received[0] += count.getSignals();
        if (count.getStatus() == MonitoringSignal.Status.OPEN) {
          received[1] += count.getSignals();
          oldestOpen.put(count.getPilotKey(), count.getOldest());
        }
      }
    }
    Map<String, PilotFacts> facts = new HashMap<>();
    for (String key : pilotKeys) {
      long[] received = counts.getOrDefault(key, new long[2]);
      facts.put(key, new PilotFacts(key, latest.get(key), received[0], received[1], oldestOpen.get(key)));
    }
    return facts;
  }

  /** How long a signal may wait for its review before monitoring counts as not working ({@code pilot.production.signal-handling-time}). */
  public Duration signalHandlingTime() {
    return properties.signalHandlingTime();
  }

  /** How long before its due date a re-certification opens: it is "due" from then ({@code pilot.production.recertification-window}). */
  public Duration recertificationWindow() {
    return properties.recertificationWindow();
  }

  private static List<List<String>> chunks(Collection<String> keys) {
    List<String> all = new ArrayList<>(keys);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
      chunks.add(all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)));
    }
    return chunks;
  }
}
