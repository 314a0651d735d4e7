package org.pilotlifecycle.production;

import java.math.BigDecimal;

/**
 * One KPI as recorded at a checkpoint, with whether it misses its target.
 *
 * @param target for the business KPI the success metric's target; for model and risk KPIs the configured limit
 */
public record KpiReading(KpiMeasurement.Kind kind, String kpi, String unit, BigDecimal measured, BigDecimal baseline,
    BigDecimal target, boolean belowTarget) {

  /**
   * The business KPI: it misses its target when it has not reached it in the direction from the baseline (a target
   * below the baseline is a reduction: a measured value above the target misses it).
   */
  static KpiReading business(String kpi, String unit, BigDecimal measured, BigDecimal baseline, BigDecimal target) {
    boolean reduction = baseline != null && target != null && target.compareTo(baseline) < 0;
    boolean misses = target != null && (reduction ? measured.compareTo(target) > 0 : measured.compareTo(target) < 0);
    return new KpiReading(KpiMeasurement.Kind.BUSINESS, kpi, unit, measured, baseline, target, misses);
  }

  /** A KPI that must reach at least the target (e.g. accuracy). */
  static KpiReading atLeast(KpiMeasurement.Kind kind, String kpi, String unit, BigDecimal measured, BigDecimal target) {
    return new KpiReading(kind, kpi, unit, measured, null, target, measured.compareTo(target) < 0);
  }

  /** A KPI that must stay at most at the limit (e.g. drift, latency, incidents). */
  static KpiReading atMost(KpiMeasurement.Kind kind, String kpi, String unit, BigDecimal measured, BigDecimal limit) {
    return new KpiReading(kind, kpi, unit, measured, null, limit, measured.compareTo(limit) > 0);
  }

  /** e.g. "Claims processing time: 20 minutes (baseline 30, target 18) BELOW TARGET" */
  String line() {
    StringBuilder line = new StringBuilder(kpi).append(": ").append(measured.stripTrailingZeros().toPlainString());
    if (unit != null && !unit.isBlank()) {
      line.append(' ').append(unit);
    }
    if (baseline != null || target != null) {
      line.append(" (");
      if (baseline != null) {
        line.append("baseline ").append(baseline.stripTrailingZeros().toPlainString()).append(", ");
      }
      line.append(kind == KpiMeasurement.Kind.BUSINESS || kind == null ? "target " : "limit ")
          .append(target == null ? "none" : target.stripTrailingZeros().toPlainString()).append(')');
    }
    if (belowTarget) {
      line.append(" BELOW TARGET");
    }
    return line.toString();
  }
}
