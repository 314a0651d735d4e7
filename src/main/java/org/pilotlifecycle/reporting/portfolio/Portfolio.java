package org.pilotlifecycle.reporting.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.StepCount;

/**
 * The portfolio views the seeds ask for: where the pilots are, how long each phase or stage takes, how
 * long pilots take to reach production and whether that shrinks, the organisation's maturity level, and
 * each pilot's KPI baseline against its target.
 */
public record Portfolio(String businessUnit, int pilots, List<StepCount> pilotsPerStep, List<StepTime> timeInStep,
    List<TimeToProduction> timeToProduction, Trend timeToProductionTrend, Maturity maturity, List<Kpi> kpis) {

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
}
