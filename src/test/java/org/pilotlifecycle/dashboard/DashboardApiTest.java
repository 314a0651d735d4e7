package org.pilotlifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.production.MonitoringSignals;
import org.pilotlifecycle.production.RealisedValue;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * What the dashboards read, on a known portfolio ({@link DashboardPortfolio}): the pages and the chart library are
 * served, and each read the pages make follows the pilot's visibility (404 for a pilot the caller does not see).
 */
class DashboardApiTest extends IntegrationTestSupport {

  @Autowired PilotAuditTrail auditTrail;
  @Autowired RealisedValue realisedValue;
  @Autowired MonitoringSignals signals;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  /** Seeded once, in the first test (the coverage library wants a test running when processes start). */
  static DashboardPortfolio seeded;
  Http http;

  @BeforeEach
  void seed() {
    if (seeded == null) {
      seeded = new DashboardPortfolio(registry, auditTrail, realisedValue, signals, engine).seed();
    }
    http = http();
  }

  private String unit() {
    return URLEncoder.encode(seeded.businessUnit, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void thePagesAndTheChartLibraryTheyNameAreServedWithoutDataToAnyone() throws Exception {
    for (String path : List.of("/dashboard", "/dashboard/pilots/" + seeded.claims)) {
      Http.Response page = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://localhost:" + port + path)).GET().build());
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.contentType()).startsWith("text/html");
      assertThat(page.body()).as("no pilot data in the page itself").doesNotContain(seeded.claims);
      String library = page.body().replaceAll("(?s).*<script src=\"/webjars/([^\"]+)\".*", "$1");
      assertThat(new ClassPathResource("META-INF/resources/webjars/" + library).exists())
          .as("the chart library the page names is on the class path (pom's echarts.version): " + library).isTrue();
    }
  }

  @Test
  void aPilotsOpenTasksNameWhoHoldsThemForWhoSeesThePilotAnd404ForOthers() {
    JsonNode tasks = http.get("/api/pilots/" + seeded.invoices + "/tasks", "olivia").json();
    assertThat(tasks).as(tasks.toString()).isNotEmpty();
    List<String> holders = new ArrayList<>();
    tasks.forEach(task -> {
      assertThat(task.path("tasklistUrl").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
      assertThat(task.path("processDefinitionKey").asText()).isEqualTo("ProductionOperations");
      task.path("candidateUsers").forEach(user -> holders.add(task.path("name").asText() + ":" + user.asText()));
    });
    assertThat(holders).anyMatch(holder -> holder.endsWith(":tara") || holder.endsWith(":olivia"));
    for (String path : List.of("/api/pilots/" + seeded.invoices + "/tasks", "/api/pilots/" + seeded.invoices + "/kpis")) {
      Http.Response refused = http.get(path, "oscar");
      assertThat(refused.status()).as(path).isEqualTo(404);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(http.get(path.replace(seeded.invoices, "NO-SUCH-PILOT"), "olivia").status()).isEqualTo(404);
    }
  }

  @Test
  void aPilotsKpisAreItsConfirmedMeasurements() {
    JsonNode kpis = http.get("/api/pilots/" + seeded.claims + "/kpis", "olivia").json();
    assertThat(kpis).hasSize(1);
    assertThat(kpis.get(0).path("checkpoint").asText()).isEqualTo("DAY_30");
    assertThat(kpis.get(0).path("kind").asText()).isEqualTo("BUSINESS");
    assertThat(kpis.get(0).path("measured").decimalValue()).isEqualByComparingTo("32.5");
    assertThat(kpis.get(0).path("belowTarget").asBoolean()).isTrue();
  }

  @Test
  void stuckCountsListEveryReasonOfWhatTheCallerSees() {
    JsonNode counts = http.get("/api/pilots/stuck/counts", "sam").json();
    assertThat(counts.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
        org.pilotlifecycle.reporting.stuck.StuckReason.values()).map(Enum::name).toList());
    assertThat(counts.path("STEP_OVERDUE").asLong()).as("the four-stage pilot's stage 3 is overdue").isPositive();
    JsonNode mine = http.get("/api/pilots/stuck/counts", "oscar").json();
    assertThat(mine.path("STEP_OVERDUE").asLong()).as("oscar sees none of these pilots")
        .isLessThan(counts.path("STEP_OVERDUE").asLong());
  }

  @Test
  void theBusinessUnitsAndThePilotsOfAStepFollowVisibility() {
    assertThat(http.get("/api/pilots/business-units", "olivia").json().toString()).contains(seeded.businessUnit);
    assertThat(http.get("/api/pilots/business-units", "oscar").json().toString()).doesNotContain(seeded.businessUnit);
    JsonNode stoppedInPhase2 = http.get("/api/pilots?businessUnit=" + unit() + "&step=DATA_READINESS&status=STOPPED",
        "sam").json();
    assertThat(stoppedInPhase2.path("totalElements").asInt()).isEqualTo(1);
    assertThat(stoppedInPhase2.path("content").get(0).path("key").asText()).isEqualTo(seeded.stopped);
    Http.Response badStep = http.get("/api/pilots?step=" + URLEncoder.encode("<x>", StandardCharsets.UTF_8), "sam");
    assertThat(badStep.status()).isEqualTo(400);
    assertThat(badStep.contentType()).startsWith("application/problem+json");
  }

  @Test
  void thePortfolioOfOneFrameworkAndBusinessUnit() {
    JsonNode fourStage = http.get("/api/portfolio?businessUnit=" + unit() + "&framework=FOUR_STAGE", "sam").json();
    assertThat(fourStage.path("pilots").asInt()).isEqualTo(1);
    assertThat(fourStage.path("framework").asText()).isEqualTo("FOUR_STAGE");
    JsonNode both = http.get("/api/portfolio?businessUnit=" + unit(), "sam").json();
    assertThat(both.path("pilots").asInt()).isEqualTo(4);
    assertThat(both.path("production").path("inProduction").asInt()).isEqualTo(2);
    assertThat(both.path("production").path("openSignals").asInt()).isEqualTo(1);
    assertThat(both.path("pilotsPerStep").get(0).path("step").asText()).as("phases in the catalogue's order")
        .isEqualTo("DATA_READINESS");
  }
}
