package org.pilotlifecycle.reporting.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.SuccessMetric;
import org.pilotlifecycle.production.KpiMeasurement;
import org.pilotlifecycle.production.KpiReading;
import org.pilotlifecycle.production.MonitoringSignals;
import org.pilotlifecycle.production.RealisedValue;
import org.pilotlifecycle.production.SignalRequest;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/portfolio on a known set of pilots, built through the registry with the clock moved. */
class PortfolioTest extends IntegrationTestSupport {

  static final List<String> PHASES = List.of("OUTCOME_DEFINITION", "DATA_READINESS", "MLOPS_INFRASTRUCTURE",
      "GOVERNANCE_AND_RISK_CONTROLS", "OPERATING_MODEL");

  @Autowired PilotAuditTrail auditTrail;
  @Autowired RealisedValue realisedValue;
  @Autowired MonitoringSignals monitoringSignals;
  Instant now;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void at(Instant moment) {
    now = moment;
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  private String register(String businessUnit) {
    PilotRegistration base = Registrations.lowRisk(Registrations.newKey("PF"), Framework.FIVE_PHASE);
    PilotRegistration registration = new PilotRegistration(base.key(), base.name(), businessUnit,
        base.useCaseDescription(), base.framework(), base.executiveOwner(), base.aiProductOwner(), null, null, null, null,
        false, false, false, base.autonomy(), null, null, null);
    registry.register(registration, "instance-" + base.key(), "paul");
    return base.key();
  }

  /** Enters each phase in turn, spending the given days in it, as the process bookkeeping would record it. */
  private void phases(String key, int... days) {
    for (int i = 0; i < days.length; i++) {
      // The registry's transition records STEP_STARTED in the audit trail (PilotEvent.StepStarted); a pilot
      // enters the next phase only once the previous phase's gate is passed.
      if (i > 0) {
        registry.passGate(key, PHASES.get(i - 1));
      }
      registry.enterStep(key, PHASES.get(i), now.plus(Duration.ofDays(30)));
      if (i == 0) {
        registry.defineSuccessMetric(key, new SuccessMetric("COST", "Cost per claim", "USD", new BigDecimal("40"),
            new BigDecimal("25"), "Finance report", new BigDecimal("900000"), "lena"));
        auditTrail.record(key, AuditRecord.of(AuditEntryType.GATE_DECISION, PHASES.get(0)).outcome("APPROVED"));
      }
      at(now.plus(Duration.ofDays(days[i])));
    }
  }

  private void reachProduction(String key, boolean governed) {
    auditTrail.record(key, AuditRecord.of(AuditEntryType.CHECK, "MLOPS_INFRASTRUCTURE").name("MLOPS_CAPABILITY")
        .outcome("PASSED"));
    if (governed) {
      auditTrail.record(key, AuditRecord.of(AuditEntryType.GATE_DECISION, "GOVERNANCE_AND_RISK_CONTROLS")
          .outcome("APPROVED"));
    }
    registry.passGate(key, "OPERATING_MODEL");
    registry.markInProduction(key); // records IN_PRODUCTION in the audit trail (PilotEvent.ReachedProduction)
  }

  /** The executive owner confirms the business KPI (cost per claim, baseline 40, target 25) at DAY_30. */
  private void measure(String key, String costPerClaim) {
    BigDecimal measured = new BigDecimal(costPerClaim);
    realisedValue.store(key, "DAY_30", List.of(new KpiReading(KpiMeasurement.Kind.BUSINESS, "Cost per claim", "USD",
        measured, new BigDecimal("40"), new BigDecimal("25"), measured.compareTo(new BigDecimal("25")) > 0)), "lena", "olivia");
  }

  /** A monitoring tool sends a signal, and its review handles it. */
  private void signalHandled(String key) {
    monitoringSignals.receive(registry.get(key), new SignalRequest("DRIFT", "LOW", "mlflow", "Drift 2%",
        "handled-" + key), "monitor");
    monitoringSignals.handleOpen(key, "CONTINUE");
  }

  private JsonNode portfolio(String businessUnit) {
    return http().get("/api/portfolio?businessUnit=" + businessUnit, "olivia").json();
  }

  @Test
  void aManagedPortfolioWhoseTimeToProductionShrinks() {
    String unit = "Portfolio-" + UUID.randomUUID();
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    at(start);
    String first = register(unit);
    phases(first, 10, 10, 10, 10, 10);
    reachProduction(first, true);
    at(start.plus(Duration.ofDays(60)));
    String second = register(unit);
    phases(second, 5, 5, 5, 5, 5);
    reachProduction(second, true);
    at(start.plus(Duration.ofDays(90)));
    String third = register(unit);
    phases(third, 7, 3);

    JsonNode portfolio = portfolio(unit);

    assertThat(portfolio.path("pilots").asInt()).isEqualTo(3);
    assertThat(portfolio.path("pilotsPerStep").toString())
        .contains("{\"framework\":\"FIVE_PHASE\",\"step\":\"IN_PRODUCTION\",\"status\":\"IN_PRODUCTION\",\"pilots\":2}")
        .contains("{\"framework\":\"FIVE_PHASE\",\"step\":\"DATA_READINESS\",\"status\":\"ACTIVE\",\"pilots\":1}");
    JsonNode outcome = step(portfolio, "OUTCOME_DEFINITION");
    assertThat(outcome.path("samples").asInt()).isEqualTo(3);
    assertThat(outcome.path("medianDays").asDouble()).isEqualTo(7.0);
    assertThat(outcome.path("p90Days").asDouble()).isEqualTo(10.0);
    JsonNode operating = step(portfolio, "OPERATING_MODEL");
    assertThat(operating.path("samples").asInt()).isEqualTo(2);
    assertThat(operating.path("medianDays").asDouble()).isEqualTo(5.0);
    assertThat(portfolio.path("timeToProduction")).hasSize(2);
    assertThat(portfolio.path("timeToProduction").get(0).path("pilotKey").asText()).isEqualTo(first);
    assertThat(portfolio.path("timeToProduction").get(0).path("days").asDouble()).isEqualTo(50.0);
    assertThat(portfolio.path("timeToProduction").get(1).path("days").asDouble()).isEqualTo(25.0);
    JsonNode trend = portfolio.path("timeToProductionTrend");
    assertThat(trend.path("changePercent").asDouble()).isEqualTo(-50.0);
    assertThat(trend.path("shrinking").asBoolean()).isTrue();
    assertThat(portfolio.path("maturity").path("level").asText()).as("gates passed, value not measured yet")
        .isEqualTo("L3");
    assertThat(portfolio.path("maturity").path("evidence").toString()).contains("value measured for 0 of 2");

    measure(first, "32.5");
    measure(second, "25");
    portfolio = portfolio(unit);
    assertThat(portfolio.path("maturity").path("level").asText()).as("value measured, no monitoring signal yet")
        .isEqualTo("L3");
    signalHandled(first);
    signalHandled(second);
    monitoringSignals.receive(registry.get(second), new SignalRequest("DRIFT", "LOW", "mlflow", "Drift 4%",
        "open-" + second), "monitor");
    portfolio = portfolio(unit);
    assertThat(portfolio.path("maturity").path("level").asText()).isEqualTo("L4");
    assertThat(portfolio.path("maturity").path("label").asText()).isEqualTo("Managed portfolio");
    assertThat(portfolio.path("maturity").path("evidence").toString()).contains("2 in production").contains("shrinks")
        .contains("value measured for 2 of 2 in production, 1 on target")
        .contains("monitoring works for 2 of 2 in production (3 signal(s) received, 1 open");
    JsonNode production = portfolio.path("production");
    assertThat(production.path("inProduction").asInt()).isEqualTo(2);
    assertThat(production.path("projectedValue").decimalValue()).isEqualByComparingTo("1800000");
    assertThat(production.path("realisedValue").decimalValue()).as("half way from 40 to 25, and on target")
        .isEqualByComparingTo("1350000");
    assertThat(production.path("belowTarget").asInt()).isEqualTo(1);
    assertThat(production.path("openSignals").asInt()).isEqualTo(1);
    assertThat(production.path("recertificationsOverdue").asInt()).isZero();
    JsonNode firstValue = pilot(production, first);
    assertThat(firstValue.path("achievedPercent").asDouble()).isEqualTo(50.0);
    assertThat(firstValue.path("realisedValue").decimalValue()).isEqualByComparingTo("450000");
    assertThat(firstValue.path("checkpoint").asText()).isEqualTo("DAY_30");
    assertThat(firstValue.path("belowTarget").asBoolean()).isTrue();
    assertThat(pilot(production, second).path("openSignals").asInt()).isEqualTo(1);
    assertThat(production.path("businessUnits").get(0).path("realisedValue").decimalValue())
        .isEqualByComparingTo("1350000");

    at(now.plus(Duration.ofDays(8)));
    assertThat(portfolio(unit).path("maturity").path("level").asText())
        .as("a signal waiting longer than the handling time: monitoring does not work").isEqualTo("L3");
    assertThat(portfolio.path("kpis")).hasSize(3);
    assertThat(portfolio.path("kpis").get(0).path("baseline").decimalValue()).isEqualByComparingTo("40");
    assertThat(portfolio.path("kpis").get(0).path("target").decimalValue()).isEqualByComparingTo("25");
  }

  @Test
  void theMaturityLevelFollowsWhatThePortfolioShows() {
    at(Instant.parse("2026-03-02T09:00:00Z"));
    String empty = "Portfolio-" + UUID.randomUUID();
    assertThat(portfolio(empty).path("maturity").path("level").asText()).isEqualTo("L1");

    String repeatable = "Portfolio-" + UUID.randomUUID();
    phases(register(repeatable), 4, 2);
    assertThat(portfolio(repeatable).path("maturity").path("level").asText()).isEqualTo("L2");

    String islands = "Portfolio-" + UUID.randomUUID();
    String governed = register(islands);
    phases(governed, 4, 4, 4, 4, 4);
    reachProduction(governed, true);
    String ungoverned = register(islands);
    phases(ungoverned, 4, 4, 4, 4, 4);
    reachProduction(ungoverned, false);
    JsonNode portfolio = portfolio(islands);
    assertThat(portfolio.path("maturity").path("level").asText()).as("a production pilot without governance sign-off")
        .isEqualTo("L3");
    assertThat(portfolio.path("timeToProductionTrend").path("shrinking").asBoolean()).isFalse();
  }

  private static JsonNode pilot(JsonNode production, String key) {
    for (JsonNode value : production.path("pilots")) {
      if (value.path("pilotKey").asText().equals(key)) {
        return value;
      }
    }
    throw new AssertionError("no production figures of " + key + ": " + production.path("pilots"));
  }

  private static JsonNode step(JsonNode portfolio, String step) {
    for (JsonNode time : portfolio.path("timeInStep")) {
      if (time.path("step").asText().equals(step)) {
        return time;
      }
    }
    throw new AssertionError("no time in step " + step + ": " + portfolio.path("timeInStep"));
  }
}
