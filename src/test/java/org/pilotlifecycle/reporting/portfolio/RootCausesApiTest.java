package org.pilotlifecycle.reporting.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/portfolio/root-causes}: the pilots that ended, stopped or retired, by root cause, in total, per
 * business unit and per month of the stop or retirement, each with how it ended, of the pilots the caller sees only.
 */
class RootCausesApiTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDistributionPerBusinessUnitAndMonthOfThePilotsTheCallerSees() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String claims = "Claims " + run;
    String finance = "Finance " + run;
    stop(register(claims, "olivia"), "2026-01-15T10:00:00Z", RootCause.WORKFLOW_MYOPIA, null);
    stop(register(claims, "olivia"), "2026-02-03T10:00:00Z", RootCause.OTHER, "The business unit was sold");
    stop(register(claims, "oscar"), "2026-02-20T10:00:00Z", RootCause.WORKFLOW_MYOPIA, null);
    stop(register(finance, "olivia"), "2026-02-28T23:30:00Z", RootCause.MISSING_MLOPS_PIPELINE, null);
    retire(register(claims, "olivia"), "2026-02-10T09:00:00Z", RootCause.CHANGE_MANAGEMENT_DEFICIT, null);
    retire(register(claims, "oscar"), "2026-03-05T09:00:00Z", RootCause.WORKFLOW_MYOPIA, null);
    register(claims, "olivia"); // running: not counted
    inProduction(register(claims, "olivia"), "2026-01-02T09:00:00Z"); // in production: not counted

    JsonNode all = get("/api/portfolio/root-causes?businessUnit=" + encoded(claims), "sam");
    assertThat(all.path("businessUnit").asText()).isEqualTo(claims);
    assertThat(all.path("ended").asInt()).isEqualTo(5);
    assertThat(all.path("stopped").asInt()).isEqualTo(3);
    assertThat(all.path("retired").asInt()).isEqualTo(2);
    assertThat(all.path("total").path("WORKFLOW_MYOPIA").asInt()).isEqualTo(3);
    assertThat(all.path("total").path("OTHER").asInt()).isEqualTo(1);
    assertThat(all.path("total").path("CHANGE_MANAGEMENT_DEFICIT").asInt()).isEqualTo(1);
    assertThat(all.path("byEnding").path("STOPPED").path("WORKFLOW_MYOPIA").asInt()).isEqualTo(2);
    assertThat(all.path("byEnding").path("STOPPED").path("CHANGE_MANAGEMENT_DEFICIT").asInt()).isZero();
    assertThat(all.path("byEnding").path("RETIRED").path("WORKFLOW_MYOPIA").asInt()).isEqualTo(1);
    assertThat(all.path("byEnding").path("RETIRED").path("CHANGE_MANAGEMENT_DEFICIT").asInt()).isEqualTo(1);
    assertThat(all.path("byEnding").path("RETIRED").size()).as("every cause listed, zeros too")
        .isEqualTo(RootCause.values().length);
    assertThat(all.path("total").path("GOVERNANCE_PARALYSIS").asInt()).as("every cause listed, zeros too").isZero();
    assertThat(all.path("total").size()).isEqualTo(RootCause.values().length);
    assertThat(all.path("causes").get(0).path("label").asText()).isEqualTo("No hard business owner");
    assertThat(all.path("byMonth").findValuesAsText("month")).containsExactly("2026-01", "2026-02", "2026-03");
    assertThat(all.path("byMonth").get(0).path("rootCauses").path("WORKFLOW_MYOPIA").asInt()).isEqualTo(1);
    JsonNode february = all.path("byMonth").get(1);
    assertThat(february.path("ended").asInt()).isEqualTo(3);
    assertThat(february.path("stopped").asInt()).isEqualTo(2);
    assertThat(february.path("retired").asInt()).isEqualTo(1);
    assertThat(february.path("byEnding").path("RETIRED").path("CHANGE_MANAGEMENT_DEFICIT").asInt()).isEqualTo(1);
    assertThat(all.path("byMonth").get(2).path("retired").asInt()).isEqualTo(1);
    assertThat(all.path("byMonth").get(2).path("stopped").asInt()).isZero();
    assertThat(all.path("pilots")).hasSize(5);
    assertThat(all.path("pilots").findValuesAsText("ended"))
        .containsExactly("STOPPED", "STOPPED", "RETIRED", "STOPPED", "RETIRED");
    assertThat(all.path("pilots").get(1).path("rootCauseText").asText()).isEqualTo("The business unit was sold");
    JsonNode retired = all.path("pilots").get(2);
    assertThat(retired.path("rootCause").asText()).isEqualTo("CHANGE_MANAGEMENT_DEFICIT");
    assertThat(retired.path("endedAt").asText()).isEqualTo("2026-02-10T09:00:00Z");
    assertThat(retired.path("step").asText()).isEqualTo("IN_PRODUCTION");

    JsonNode everywhere = get("/api/portfolio/root-causes", "sam");
    JsonNode claimsUnit = unit(everywhere, claims);
    JsonNode financeUnit = unit(everywhere, finance);
    assertThat(claimsUnit.path("stopped").asInt()).isEqualTo(3);
    assertThat(claimsUnit.path("retired").asInt()).isEqualTo(2);
    assertThat(claimsUnit.path("ended").asInt()).isEqualTo(5);
    assertThat(claimsUnit.path("byEnding").path("RETIRED").path("WORKFLOW_MYOPIA").asInt()).isEqualTo(1);
    assertThat(financeUnit.path("stopped").asInt()).isEqualTo(1);
    assertThat(financeUnit.path("retired").asInt()).isZero();
    assertThat(financeUnit.path("rootCauses").path("MISSING_MLOPS_PIPELINE").asInt()).isEqualTo(1);

    // Visibility as everywhere in the portfolio: olivia sees her pilots, oscar his one.
    JsonNode olivias = get("/api/portfolio/root-causes?businessUnit=" + encoded(claims), "olivia");
    assertThat(olivias.path("stopped").asInt()).isEqualTo(2);
    assertThat(olivias.path("retired").asInt()).isEqualTo(1);
    JsonNode oscars = get("/api/portfolio/root-causes?businessUnit=" + encoded(claims), "oscar");
    assertThat(oscars.path("stopped").asInt()).isEqualTo(1);
    assertThat(oscars.path("retired").asInt()).isEqualTo(1);
    assertThat(oscars.path("total").path("WORKFLOW_MYOPIA").asInt()).isEqualTo(2);
    assertThat(unit(get("/api/portfolio/root-causes", "olivia"), finance).path("stopped").asInt()).isEqualTo(1);
    assertThat(get("/api/portfolio/root-causes", "oscar").path("byBusinessUnit").findValuesAsText("businessUnit"))
        .doesNotContain(finance);
  }

  @Test
  void aBadBusinessUnitIsAProblem() {
    Http.Response response = http().get("/api/portfolio/root-causes?businessUnit=" + "x".repeat(101), "sam");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  private String register(String businessUnit, String executiveOwner) {
    PilotRegistration base = Registrations.lowRisk(Registrations.newKey("RC"), Framework.FIVE_PHASE);
    PilotRegistration registration = new PilotRegistration(base.key(), base.name(), businessUnit,
        base.useCaseDescription(), base.framework(), executiveOwner, base.aiProductOwner(), base.techLead(),
        base.riskComplianceOwner(), base.changeManager(), base.lineManager(), base.affectsIndividuals(),
        base.regulatedDomain(), base.processesPersonalData(), base.autonomy(), base.pilotCost(),
        base.projectedProductionCost(), null);
    intake.register(registration);
    return registration.key();
  }

  private void stop(String key, String at, RootCause cause, String text) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
    registry.stop(key, "stopped by the steering committee", new RootCause.Stated(cause, text), "sam");
    ClockUtil.reset();
    // The distribution reads the pilots only: the intake waiting for its confirmation is not needed.
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test: stopped directly"));
  }

  /**
   * Puts the pilot in production on that day, as if its framework had passed every gate (the distribution reads the
   * pilots only; the lifecycle to production is the process tests' and ProductionTasklistTest's).
   */
  private void inProduction(String key, String at) {
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test: in production directly"));
    jdbc.update("update pilot set status = 'IN_PRODUCTION', current_step = 'IN_PRODUCTION', in_production_at = ? "
        + "where pilot_key = ?", java.sql.Timestamp.from(Instant.parse(at)), key);
  }

  /** Retired 40 days after it went into production, naming the root cause. */
  private void retire(String key, String at, RootCause cause, String text) {
    inProduction(key, Instant.parse(at).minus(java.time.Duration.ofDays(40)).toString());
    ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
    registry.retire(key, "retired by its executive owner", new RootCause.Stated(cause, text), "olivia");
    ClockUtil.reset();
  }

  private JsonNode get(String path, String user) {
    Http.Response response = http().get(path, user);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode unit(JsonNode distribution, String businessUnit) {
    for (JsonNode unit : distribution.path("byBusinessUnit")) {
      if (unit.path("businessUnit").asText().equals(businessUnit)) {
        return unit;
      }
    }
    throw new AssertionError("no " + businessUnit + " in " + distribution.path("byBusinessUnit"));
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
