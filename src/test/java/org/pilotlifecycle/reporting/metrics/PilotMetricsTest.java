package org.pilotlifecycle.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** /actuator/prometheus: pilots per phase and status, stuck pilots, incidents, gate decisions; admins only. */
class PilotMetricsTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;

  private static double value(String scrape, String metric, String... labels) {
    StringBuilder pattern = new StringBuilder("(?m)^" + Pattern.quote(metric));
    if (labels.length == 0) {
      pattern.append("(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");
    } else {
      pattern.append("\\{");
      for (String label : labels) {
        pattern.append("(?=[^}]*").append(Pattern.quote(label)).append(")");
      }
      pattern.append("[^}]*\\} ([0-9.eE+-]+)$");
    }
    Matcher matcher = Pattern.compile(pattern.toString()).matcher(scrape);
    assertThat(matcher.find()).as(metric + " " + String.join(",", labels) + " in the scrape").isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  @Test
  void thePortfolioIsExposedAsMetricsToAdministrators() {
    ClockUtil.setCurrentTime(new Date());
    try {
      ProcessDriver driver = new ProcessDriver(engine);
      ProcessInstance approved = driver.start(intake, Registrations.lowRisk(Registrations.newKey("METRIC"), Framework.FIVE_PHASE),
          FivePhaseProcess.PROCESS_ID);
      Map<String, Object> metric = new HashMap<>(Map.of("kpiCategory", "COST", "kpiName", "Cost per claim", "kpiUnit", "USD",
          "kpiBaseline", 40, "kpiTarget", 25, "measurementMethod", "Finance report", "annualValue", 900000,
          "lineManager", "lena"));
      driver.work("paul", approved, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, metric);
      driver.work("olivia", approved, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC, Map.of("gateDecision", "APPROVE"));
      driver.start(intake, Registrations.lowRisk(Registrations.newKey("METRIC"), Framework.FIVE_PHASE),
          FivePhaseProcess.PROCESS_ID);
      driver.moveClockBy(Duration.ofDays(100));

      Http.Response scrape = http().get("/actuator/prometheus", "admin");

      assertThat(scrape.status()).isEqualTo(200);
      String text = scrape.body();
      assertThat(value(text, "pilot_pilots", "framework=\"FIVE_PHASE\"", "step=\"DATA_READINESS\"", "status=\"ACTIVE\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(text, "pilot_pilots", "framework=\"FIVE_PHASE\"", "step=\"OUTCOME_DEFINITION\"", "status=\"ACTIVE\""))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(text, "pilot_stuck", "reason=\"STEP_OVERDUE\"")).isGreaterThanOrEqualTo(2);
      assertThat(value(text, "pilot_stuck", "reason=\"CHECK_INCIDENT\"")).isGreaterThanOrEqualTo(0);
      assertThat(value(text, "pilot_incidents_open")).isGreaterThanOrEqualTo(0);
      assertThat(value(text, "pilot_gate_decisions_total", "step=\"OUTCOME_DEFINITION\"", "outcome=\"APPROVED\""))
          .isGreaterThanOrEqualTo(1);

      assertThat(http().get("/actuator/prometheus", "paul").status()).isEqualTo(403);
      assertThat(http().get("/actuator/prometheus", null).status()).isEqualTo(401);
    } finally {
      ClockUtil.reset();
    }
  }
}
