package org.pilotlifecycle.reporting.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.SuccessMetric;

/** Trend and maturity of the portfolio, with the registry and the audit trail mocked (no events). */
class PortfolioServiceTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

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
    return pilot;
  }

  private static Portfolio portfolio(Pilot... pilots) {
    PilotRegistry registry = mock(PilotRegistry.class);
    PilotAuditTrail auditTrail = mock(PilotAuditTrail.class);
    when(registry.portfolio(any(), any())).thenReturn(List.of(pilots));
    when(auditTrail.events(any(), any())).thenReturn(List.of());
    return new PortfolioService(registry, auditTrail, org.pilotlifecycle.pilot.Viewer::system).portfolio(null);
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
