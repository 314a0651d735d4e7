package org.pilotlifecycle.reporting.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.StepCount;

/**
 * The portfolio views the seeds ask for: where the pilots are, how long each phase or stage takes, how
 * long pilots take to reach production and whether that shrinks, the organisation's maturity level,
 * each pilot's KPI baseline against its target, and what the pilots in production deliver (value realised
 * against projected, re-certifications, monitoring signals).
 */
public record Portfolio(String businessUnit, Framework framework, int pilots, List<StepCount> pilotsPerStep, List<StepTime> timeInStep,
    List<TimeToProduction> timeToProduction, Trend timeToProductionTrend, Maturity maturity, List<Kpi> kpis,
    Production production) {

  /** Time spent in a phase or stage by the pilots that finished it, in days. */
  public record StepTime(Framework framework, String step, int samples, double medianDays, double p90Days) {
  }

  public record TimeToProduction(String pilotKey, Framework framework, Instant registeredAt, Instant inProductionAt,
      double days) {
  }

  /** First against latest time to production: does the framework make pilots faster? */
  public record Trend(int pilotsInProduction, Double firstDays, Double latestDays, Double changePercent,
      boolean shrinking) {
  }

  /** Seed 001's scorecard, L1 (ad-hoc pilots) to L5 (AI-native operations), with what it rests on. */
  public record Maturity(String level, String label, List<String> evidence) {
  }

  public record Kpi(String pilotKey, String category, String name, String unit, BigDecimal baseline, BigDecimal target,
      BigDecimal annualValue) {
  }

  /** Where a pilot in operation stands with its periodic re-certification. */
  public enum Recertification {
    /** Not due within the re-certification window ({@code pilot.production.recertification-window}). */
    ON_SCHEDULE,
    /** Due within the window: the re-certification is open or about to open. */
    DUE,
    /** Past its due date and not done: the pilot is stuck (RECERTIFICATION_OVERDUE). */
    OVERDUE,
    /** No re-certification scheduled (retired, or its production operations have not scheduled one yet). */
    NONE
  }

  /**
   * The pilots that reached production. Totals are of the pilots in operation (IN_PRODUCTION or PAUSED); a retired
   * pilot is listed with what it realised last but realises nothing any more. Values are annual, in the
   * organisation's currency.
   *
   * @param projectedValue the success metrics' annual values of the pilots in operation
   * @param realisedValue what their latest confirmed value checkpoints realise of it (see {@link PilotValue})
   * @param measured pilots in operation with a confirmed value checkpoint
   * @param belowTarget of those, the ones whose business KPI misses its target
   * @param recertificationsDue due within the re-certification window; {@code recertificationsOverdue} past due
   * @param signalsReceived all monitoring signals of these pilots; {@code openSignals} those waiting for a review
   */
  public record Production(int inProduction, int paused, int retired, BigDecimal projectedValue,
      BigDecimal realisedValue, int measured, int belowTarget, int recertificationsDue, int recertificationsOverdue,
      long signalsReceived, long openSignals, List<PilotValue> pilots, List<BusinessUnitValue> businessUnits) {
  }

  /**
   * One pilot that reached production.
   *
   * @param projectedValue its success metric's annual value; null without one
   * @param realisedValue projected value × the share of the way from baseline to target its business KPI has come at
   *     the latest confirmed checkpoint (never below 0); null until a checkpoint is confirmed or without a projection
   * @param achievedPercent that share in percent (100 = on target; negative: moved away from it)
   * @param checkpoint the latest confirmed value checkpoint (e.g. DAY_90), with {@code measuredAt} and
   *     {@code belowTarget}; null before the first
   */
  public record PilotValue(String pilotKey, String name, String businessUnit, Framework framework, PilotStatus status,
      Instant inProductionAt, Instant retiredAt, BigDecimal projectedValue, BigDecimal realisedValue,
      Double achievedPercent, String checkpoint, Instant measuredAt, Boolean belowTarget,
      Instant recertificationDueAt, Recertification recertification, long signalsReceived, long openSignals) {
  }

  /** The totals of {@link Production} for one business unit. */
  public record BusinessUnitValue(String businessUnit, int inOperation, BigDecimal projectedValue,
      BigDecimal realisedValue, int recertificationsDue, int recertificationsOverdue, long openSignals) {
  }
}
