package org.pilotlifecycle.reporting.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.SuccessMetric;
import org.pilotlifecycle.production.ProductionFacts;
import org.pilotlifecycle.production.ProductionFacts.MeasuredKpi;
import org.pilotlifecycle.production.ProductionFacts.PilotFacts;

/** Trend, maturity and production figures of the portfolio, with the registry, the audit trail and the production facts mocked. */
class PortfolioServiceTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2032-01-01T00:00:00Z");

  private static Pilot inProduction(long id, int registeredDay, int days) {
    Pilot pilot = mock(Pilot.class);
    Instant registered = T0.plus(Duration.ofDays(registeredDay));
    when(pilot.getId()).thenReturn(id);
    when(pilot.getKey()).thenReturn("P-" + id);
    when(pilot.getFramework()).thenReturn(Framework.FIVE_PHASE);
    when(pilot.getStatus()).thenReturn(PilotStatus.IN_PRODUCTION);
    when(pilot.getCurrentStep()).thenReturn(Pilot.IN_PRODUCTION);
    when(pilot.getRegisteredAt()).thenReturn(registered);
    when(pilot.getInProductionAt()).thenReturn(registered.plus(Duration.ofDays(days)));
    when(pilot.timeToProduction()).thenReturn(Duration.ofDays(days));
    when(pilot.getSuccessMetric()).thenReturn(new SuccessMetric("COST", "Handling time", "min", BigDecimal.TEN,
        BigDecimal.ONE, "m", new BigDecimal("1000"), null));
    when(pilot.getBusinessUnit()).thenReturn("Claims");
    when(pilot.getName()).thenReturn("Pilot " + id);
    when(pilot.inOperation()).thenReturn(true);
    return pilot;
  }

  /** The audit entries of a pilot whose MLOps was verified and whose governance gate was approved. */
  private static List<AuditEntry> verifiedAndGoverned(long... ids) {
    List<AuditEntry> entries = new ArrayList<>();
    for (long id : ids) {
      AuditEntry check = mock(AuditEntry.class);
      when(check.getPilotId()).thenReturn(id);
      when(check.getType()).thenReturn(AuditEntryType.CHECK);
      when(check.getName()).thenReturn("MLOPS_CAPABILITY");
      when(check.getOutcome()).thenReturn("PASSED");
      AuditEntry gate = mock(AuditEntry.class);
      when(gate.getPilotId()).thenReturn(id);
      when(gate.getType()).thenReturn(AuditEntryType.GATE_DECISION);
      when(gate.getStep()).thenReturn("GOVERNANCE_AND_RISK_CONTROLS");
      when(gate.getOutcome()).thenReturn("APPROVED");
      entries.add(check);
      entries.add(gate);
    }
    return entries;
  }

  /** Handling time 10 → 1 minutes: {@code measured} minutes at DAY_90. */
  private static MeasuredKpi handlingTime(String measured) {
    return new MeasuredKpi("DAY_90", "Handling time", "min", new BigDecimal(measured), BigDecimal.TEN, BigDecimal.ONE,
        new BigDecimal(measured).compareTo(BigDecimal.ONE) > 0, NOW.minus(Duration.ofDays(3)));
  }

  /** Measured on target, one signal received and handled. */
  private static PilotFacts managed(long id) {
    return new PilotFacts("P-" + id, handlingTime("1"), 1, 0, null);
  }

  @Test
  void aManagedPortfolioNeedsItsValueMeasuredAndItsMonitoringWorkingNotOnlyItsGatesPassed() {
    Pilot first = inProduction(1, 0, 200);
    Pilot second = inProduction(2, 300, 190);
    List<AuditEntry> events = verifiedAndGoverned(1, 2);
    assertThat(portfolio(events, Map.of(), first, second).maturity().level()).as("gates passed, nothing measured")
        .isEqualTo("L3");
    assertThat(portfolio(events, Map.of("P-1", new PilotFacts("P-1", handlingTime("4"), 0, 0, null),
        "P-2", new PilotFacts("P-2", handlingTime("4"), 0, 0, null)), first, second).maturity().level())
        .as("value measured, no signal ever received").isEqualTo("L3");
    Portfolio managed = portfolio(events, Map.of("P-1", managed(1), "P-2", new PilotFacts("P-2", handlingTime("4"), 3, 1,
        NOW.minus(Duration.ofDays(7)))), first, second);
    assertThat(managed.maturity().level()).as("measured; signals received, the open one within its handling time")
        .isEqualTo("L4");
    assertThat(managed.maturity().evidence()).contains("value measured for 2 of 2 in production, 1 on target",
        "monitoring works for 2 of 2 in production (4 signal(s) received, 1 open; handled within 7 days)");
    assertThat(portfolio(events, Map.of("P-1", managed(1), "P-2", new PilotFacts("P-2", handlingTime("4"), 3, 1,
        NOW.minus(Duration.ofDays(7)).minusSeconds(1))), first, second).maturity().level())
        .as("a signal waiting longer than the handling time").isEqualTo("L3");
  }

  @Test
  void aiNativeOperationsHaveEveryMeasuredKpiOnTargetAndTimeToProductionShrinking() {
    Pilot first = inProduction(1, 0, 200);
    Pilot second = inProduction(2, 300, 150);
    Pilot third = inProduction(3, 600, 100);
    List<AuditEntry> events = verifiedAndGoverned(1, 2, 3);
    assertThat(portfolio(events, Map.of("P-1", managed(1), "P-2", managed(2), "P-3", managed(3)), first, second, third)
        .maturity().level()).isEqualTo("L5");
    assertThat(portfolio(events, Map.of("P-1", managed(1), "P-2", managed(2),
        "P-3", new PilotFacts("P-3", handlingTime("2"), 1, 0, null)), first, second, third).maturity().level())
        .as("one business KPI below its target").isEqualTo("L4");
  }

  @Test
  void theRealisedValueIsTheProjectedValueTimesTheShareOfTheWayFromBaselineToTarget() {
    assertThat(handlingTime("5.5").achievedPercent()).isEqualTo(50.0);
    assertThat(handlingTime("5.5").realised(new BigDecimal("1000"))).isEqualByComparingTo("500");
    assertThat(handlingTime("1").realised(new BigDecimal("1000"))).as("on target").isEqualByComparingTo("1000");
    assertThat(handlingTime("0.1").realised(new BigDecimal("1000"))).as("past the target").isEqualByComparingTo("1100");
    assertThat(handlingTime("12.7").achievedPercent()).as("moved away from the target").isEqualTo(-30.0);
    assertThat(handlingTime("12.7").realised(new BigDecimal("1000"))).isEqualByComparingTo("0");
    assertThat(handlingTime("5.5").realised(null)).as("no projection").isNull();
    assertThat(new MeasuredKpi("DAY_30", "Satisfaction", null, BigDecimal.ONE, null, BigDecimal.TEN, true, NOW)
        .realised(new BigDecimal("1000"))).as("no baseline").isNull();
  }

  @Test
  void theProductionFiguresTotalThePilotsInOperationPerBusinessUnitAndListEveryPilotThatReachedProduction() {
    Pilot live = inProduction(1, 0, 100);
    when(live.getRecertificationDueAt()).thenReturn(NOW.plus(Duration.ofDays(14)));
    Pilot paused = inProduction(2, 0, 100);
    when(paused.getStatus()).thenReturn(PilotStatus.PAUSED);
    when(paused.getBusinessUnit()).thenReturn("Retail");
    when(paused.getRecertificationDueAt()).thenReturn(NOW.minusSeconds(1));
    Pilot retired = inProduction(3, 0, 100);
    when(retired.getStatus()).thenReturn(PilotStatus.RETIRED);
    when(retired.inOperation()).thenReturn(false);
    when(retired.getRecertificationDueAt()).thenReturn(NOW.minus(Duration.ofDays(30)));
    Pilot scheduled = inProduction(4, 0, 100);
    when(scheduled.getRecertificationDueAt()).thenReturn(NOW.plus(Duration.ofDays(14)).plusSeconds(1));

    Portfolio.Production production = portfolio(List.of(), Map.of(
        "P-1", new PilotFacts("P-1", handlingTime("5.5"), 2, 1, NOW),
        "P-2", new PilotFacts("P-2", handlingTime("12"), 1, 0, null),
        "P-3", new PilotFacts("P-3", handlingTime("1"), 4, 0, null)), live, paused, retired, scheduled).production();

    assertThat(production.inProduction()).isEqualTo(2);
    assertThat(production.paused()).isEqualTo(1);
    assertThat(production.retired()).isEqualTo(1);
    assertThat(production.projectedValue()).as("three in operation at 1000 each").isEqualByComparingTo("3000");
    assertThat(production.realisedValue()).as("500 + 0; the retired pilot's 1000 no longer counts")
        .isEqualByComparingTo("500");
    assertThat(production.measured()).isEqualTo(2);
    assertThat(production.belowTarget()).isEqualTo(2);
    assertThat(production.recertificationsDue()).isEqualTo(1);
    assertThat(production.recertificationsOverdue()).isEqualTo(1);
    assertThat(production.signalsReceived()).isEqualTo(3);
    assertThat(production.openSignals()).isEqualTo(1);
    assertThat(production.pilots()).extracting(Portfolio.PilotValue::pilotKey, Portfolio.PilotValue::recertification,
            Portfolio.PilotValue::realisedValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("P-1", Portfolio.Recertification.DUE, new BigDecimal("500.00")),
            org.assertj.core.groups.Tuple.tuple("P-3", Portfolio.Recertification.NONE, new BigDecimal("1000.00")),
            org.assertj.core.groups.Tuple.tuple("P-4", Portfolio.Recertification.ON_SCHEDULE, null),
            org.assertj.core.groups.Tuple.tuple("P-2", Portfolio.Recertification.OVERDUE, new BigDecimal("0.00")));
    assertThat(production.businessUnits()).containsExactly(
        new Portfolio.BusinessUnitValue("Claims", 2, new BigDecimal("2000"), new BigDecimal("500.00"), 1, 0, 1),
        new Portfolio.BusinessUnitValue("Retail", 1, new BigDecimal("1000"), new BigDecimal("0.00"), 0, 1, 0));
  }

  private static Portfolio portfolio(Pilot... pilots) {
    return portfolio(List.of(), Map.of(), pilots);
  }

  /** The portfolio at NOW of the pilots, with the audit events and the production facts given. */
  private static Portfolio portfolio(List<AuditEntry> events, Map<String, PilotFacts> facts, Pilot... pilots) {
    PortfolioPilots registry = mock(PortfolioPilots.class);
    PortfolioEvents auditTrail = mock(PortfolioEvents.class);
    ProductionFacts productionFacts = mock(ProductionFacts.class);
    // Both read the mocked pilots and entries: not inside when().
    List<PortfolioPilot> visible = java.util.Arrays.stream(pilots).map(PortfolioPilot::of).toList();
    PortfolioEvents.AuditFacts auditFacts = PortfolioEvents.AuditFacts.of(events);
    when(registry.visible(any(), any())).thenReturn(visible);
    when(auditTrail.of(anyBoolean(), any(), any(), any())).thenReturn(auditFacts);
    when(productionFacts.of(any())).thenReturn(facts);
    when(productionFacts.signalHandlingTime()).thenReturn(Duration.ofDays(7));
    when(productionFacts.recertificationWindow()).thenReturn(Duration.ofDays(14));
    return new PortfolioService(registry, auditTrail, productionFacts, org.pilotlifecycle.pilot.Viewer::system,
        Clock.fixed(NOW, ZoneOffset.UTC)).portfolio(null, null);
  }

  @Test
  void anEmptyPortfolioIsAdHocWithoutTrend() {
    Portfolio portfolio = portfolio();
    assertThat(portfolio.pilots()).isZero();
    assertThat(portfolio.maturity().level()).isEqualTo("L1");
    assertThat(portfolio.timeToProductionTrend()).isEqualTo(new Portfolio.Trend(0, null, null, null, false));
  }

  @Test
  void pilotsInProductionWithoutVerifiedMlopsAndGovernanceAreProductionIslands() {
    Portfolio portfolio = portfolio(inProduction(1, 0, 200), inProduction(2, 300, 100));
    assertThat(portfolio.maturity().level()).isEqualTo("L3");
    assertThat(portfolio.maturity().evidence()).anyMatch(e -> e.contains("time to production shrinks (200.0 → 100.0 days)"));
  }

  @Test
  void timeToProductionShrinksAt20PercentFasterThanTheFirstPilot() {
    Portfolio.Trend trend = portfolio(inProduction(1, 0, 100), inProduction(2, 300, 80)).timeToProductionTrend();
    assertThat(trend).isEqualTo(new Portfolio.Trend(2, 100.0, 80.0, -20.0, true));
  }

  @Test
  void timeToProductionLessThan20PercentFasterDoesNotShrink() {
    Portfolio.Trend trend = portfolio(inProduction(1, 0, 100), inProduction(2, 300, 81)).timeToProductionTrend();
    assertThat(trend.changePercent()).isEqualTo(-19.0);
    assertThat(trend.shrinking()).isFalse();
  }

  @Test
  void oneInProductionIsNotYetComparable() {
    Portfolio portfolio = portfolio(inProduction(1, 0, 100));
    assertThat(portfolio.timeToProductionTrend()).isEqualTo(new Portfolio.Trend(1, 100.0, 100.0, 0.0, false));
    assertThat(portfolio.maturity().evidence()).anyMatch(e -> e.contains("not yet comparable"));
  }

  @Test
  void theTrendComparesByTimeOfReachingProductionNotByRegistration() {
    // P-2 registered later but reached production first
    Portfolio.Trend trend = portfolio(inProduction(1, 0, 300), inProduction(2, 5, 50)).timeToProductionTrend();
    assertThat(trend.firstDays()).isEqualTo(50.0);
    assertThat(trend.latestDays()).isEqualTo(300.0);
    assertThat(trend.shrinking()).isFalse();
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 10.0);
    assertThat(PortfolioService.percentile(sorted, 50)).isEqualTo(3.0);
    assertThat(PortfolioService.percentile(sorted, 90)).isEqualTo(10.0);
    assertThat(PortfolioService.percentile(List.of(7.0), 90)).isEqualTo(7.0);
  }

  @Test
  void daysAreRoundedToOneDecimal() {
    assertThat(PortfolioService.days(Duration.ofHours(36))).isEqualTo(1.5);
    assertThat(PortfolioService.days(Duration.ofMinutes(1441))).isEqualTo(1.0);
  }
}
