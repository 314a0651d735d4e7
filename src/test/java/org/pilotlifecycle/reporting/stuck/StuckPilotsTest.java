package org.pilotlifecycle.reporting.stuck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/pilots/stuck: each reason listed with where and since when; a pilot no longer stuck leaves. */
class StuckPilotsTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService managementService;
  @Autowired PilotIntakeService intake;
  @Autowired StuckPilots stuckPilots;
  ProcessDriver driver;
  Instant start;

  @BeforeEach
  void setUp() {
    start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
    driver = new ProcessDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance fivePhasePilot(String prefix) {
    return driver.start(intake, Registrations.lowRisk(Registrations.newKey(prefix), Framework.FIVE_PHASE), PROCESS_ID);
  }

  private static Map<String, Object> successMetric() {
    Map<String, Object> form = new HashMap<>();
    form.put("kpiCategory", "COST");
    form.put("kpiName", "Cost per claim");
    form.put("kpiUnit", "USD");
    form.put("kpiBaseline", 40);
    form.put("kpiTarget", 25);
    form.put("measurementMethod", "Finance report");
    form.put("annualValue", 900000);
    form.put("lineManager", "lena");
    return form;
  }

  /** The stuck list as a given user reads it, only the rows of one pilot. */
  private List<JsonNode> stuckRows(String user, String pilotKey) {
    JsonNode page = http().get("/api/pilots/stuck?size=200", user).json();
    List<JsonNode> rows = new ArrayList<>();
    page.path("content").forEach(row -> {
      if (row.path("pilotKey").asText().equals(pilotKey)) {
        rows.add(row);
      }
    });
    return rows;
  }

  @Test
  void aPhasePastItsDueDateIsListedWithTheTaskItWaitsAtUntilTheDeadlineIsExtended() {
    ProcessInstance instance = fivePhasePilot("OVERDUE");
    assertThat(stuckRows("olivia", instance.getBusinessKey())).isEmpty();

    driver.moveClockBy(Duration.ofDays(22));

    List<JsonNode> rows = stuckRows("olivia", instance.getBusinessKey());
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.path("reason").asText()).isEqualTo("STEP_OVERDUE");
    assertThat(row.path("framework").asText()).isEqualTo("FIVE_PHASE");
    assertThat(row.path("currentStep").asText()).isEqualTo("OUTCOME_DEFINITION");
    assertThat(row.path("waitingActivity").asText()).isEqualTo("Define success metric and baseline");
    // The pilot's named AI product owner, not the whole group.
    assertThat(row.path("waitingFor").get(0).asText()).isEqualTo("paul");
    assertThat(Instant.parse(row.path("since").asText())).isEqualTo(registry.get(instance.getBusinessKey()).getStepDueAt());
    assertThat(row.path("overdueSeconds").asLong()).isBetween(Duration.ofHours(23).toSeconds(), Duration.ofHours(25).toSeconds());

    driver.fireDueTimers(instance, "Timer_Phase1Overdue");
    driver.work("sam", instance, "Task_DecideOnOverduePhase", Map.of("overdueDecision", "EXTEND",
        "newDueDate", java.time.LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)),
            java.time.ZoneOffset.UTC).toString(), "overdueReason", "Baseline data late"));

    assertThat(stuckRows("olivia", instance.getBusinessKey())).as("no longer stuck").isEmpty();
  }

  @Test
  @Tag("reliability")
  void aCheckThatFailedIntoAnIncidentIsListedUntilItIsRetriedSuccessfully() {
    ProcessInstance instance = fivePhasePilot("INCIDENT");
    org.mockito.Mockito.doThrow(new IllegalStateException("registry database unavailable"))
        .when(registry).defineSuccessMetric(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
    driver.complete("paul", driver.task(instance, TASK_DEFINE_SUCCESS_METRIC), successMetric());
    for (int attempt = 0; attempt < 5; attempt++) {
      Job job = managementService.createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
      driver.moveClockBy(Duration.ofMinutes(2));
    }

    List<JsonNode> rows = stuckRows("olivia", instance.getBusinessKey());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("reason").asText()).isEqualTo("CHECK_INCIDENT");
    assertThat(rows.get(0).path("waitingActivity").asText()).isEqualTo("Check success metric");
    assertThat(rows.get(0).path("detail").asText()).contains("registry database unavailable");
    assertThat(rows.get(0).path("processInstanceId").asText()).isEqualTo(instance.getId());

    org.mockito.Mockito.reset(registry);
    Job failed = managementService.createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    managementService.setJobRetries(failed.getId(), 1);
    managementService.executeJob(failed.getId());
    assertThat(stuckRows("olivia", instance.getBusinessKey())).isEmpty();
  }

  @Test
  void aGateWaitingLongerThanAllowedIsListedWithWhoItWaitsForUntilSignedOff() {
    ProcessInstance instance = fivePhasePilot("GATE");
    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, successMetric());
    driver.moveClockBy(Duration.ofDays(6));
    assertThat(stuckRows("paul", instance.getBusinessKey())).isEmpty();

    driver.moveClockBy(Duration.ofDays(2));

    List<JsonNode> rows = stuckRows("paul", instance.getBusinessKey());
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.path("reason").asText()).isEqualTo("GATE_WAITING");
    assertThat(row.path("waitingActivity").asText()).isEqualTo("Sign off success metric");
    // The pilot's named executive owner, not the whole group.
    assertThat(row.path("waitingFor").get(0).asText()).isEqualTo("olivia");
    assertThat(row.path("overdueSeconds").asLong()).isBetween(Duration.ofHours(23).toSeconds(), Duration.ofHours(25).toSeconds());

    driver.work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, Map.of("gateDecision", "APPROVE"));
    assertThat(stuckRows("paul", instance.getBusinessKey())).isEmpty();
  }

  @Test
  void theListIsSortedByHowLongPilotsAreStuckAndPaged() {
    fivePhasePilot("SORTA");
    driver.moveClockBy(Duration.ofDays(3));
    fivePhasePilot("SORTB");
    driver.moveClockBy(Duration.ofDays(30));

    JsonNode page = http().get("/api/pilots/stuck?size=200", "sam").json();
    List<Long> overdue = new ArrayList<>();
    page.path("content").forEach(row -> overdue.add(row.path("overdueSeconds").asLong()));
    assertThat(overdue).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    JsonNode first = http().get("/api/pilots/stuck?size=1&page=0", "sam").json();
    assertThat(first.path("content")).hasSize(1);
    assertThat(http().get("/api/pilots/stuck?size=0", "sam").status()).isEqualTo(400);
    assertThat(http().get("/api/pilots/stuck", null).status()).isEqualTo(401);
  }

  @Test
  void pagesAreReadInTheDatabaseInTheOrderOfTheWholeList() {
    for (int i = 0; i < 4; i++) {
      fivePhasePilot("PAGED");
    }
    ProcessInstance gate = fivePhasePilot("PAGEDGATE");
    driver.complete("paul", driver.task(gate, TASK_DEFINE_SUCCESS_METRIC), successMetric());
    driver.runChecks(gate);
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(30))));

    List<String> whole = stuckPilots.all().stream().map(s -> s.pilotKey() + "/" + s.reason()).toList();
    List<String> paged = new ArrayList<>();
    long total = -1;
    for (int page = 0; paged.size() < whole.size(); page++) {
      // The steering committee sees every pilot, as the whole list (read as the system) does.
      JsonNode view = http().get("/api/pilots/stuck?size=3&page=" + page, "sam").json();
      total = view.path("totalElements").asLong();
      assertThat(view.path("content")).as("page " + page).isNotEmpty();
      view.path("content").forEach(row -> paged.add(row.path("pilotKey").asText() + "/" + row.path("reason").asText()));
    }

    assertThat(whole).as("overdue phases and a gate waiting too long").hasSizeGreaterThanOrEqualTo(6)
        .anySatisfy(row -> assertThat(row).endsWith("/GATE_WAITING"));
    assertThat(paged).containsExactlyElementsOf(whole);
    assertThat(total).isEqualTo(whole.size());
    assertThat(stuckPilots.countByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(whole.size());
  }
}
