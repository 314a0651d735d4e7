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

  /** One pilot's entries on a diagram, by the activity they show at (every stuck pilot listed). */
  private Map<String, List<StuckPilot>> onDiagram(String processDefinitionId, String pilotKey) {
    Map<String, List<StuckPilot>> byActivity = new HashMap<>();
    for (StuckOnDiagram.StuckActivity activity : stuckPilots.onDiagram(processDefinitionId, Integer.MAX_VALUE).activities()) {
      assertThat(activity.pilots()).as("every pilot listed").hasSize((int) activity.total());
      assertThat(activity.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(activity.total());
      activity.pilots().stream().filter(pilot -> pilot.pilotKey().equals(pilotKey))
          .forEach(pilot -> byActivity.computeIfAbsent(activity.activityId(), id -> new ArrayList<>()).add(pilot));
    }
    return byActivity;
  }

  private String intakeDefinitionOf(String pilotKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("PilotIntake")
        .processInstanceBusinessKey(pilotKey).singleResult().getProcessDefinitionId();
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
    // Where in a diagram: the task in the framework's instance (called from PilotIntake), not the intake's.
    assertThat(row.path("activityId").asText()).isEqualTo(TASK_DEFINE_SUCCESS_METRIC);
    assertThat(row.path("processInstanceId").asText()).isEqualTo(instance.getId());
    assertThat(row.path("processDefinitionId").asText()).isEqualTo(instance.getProcessDefinitionId());
    assertThat(row.path("processDefinitionKey").asText()).isEqualTo(PROCESS_ID);

    Map<String, List<StuckPilot>> framework = onDiagram(instance.getProcessDefinitionId(), instance.getBusinessKey());
    assertThat(framework).containsOnlyKeys(TASK_DEFINE_SUCCESS_METRIC);
    assertThat(framework.get(TASK_DEFINE_SUCCESS_METRIC)).singleElement().satisfies(stuck -> {
      assertThat(stuck.reason()).isEqualTo(StuckReason.STEP_OVERDUE);
      assertThat(stuck.processInstanceId()).isEqualTo(instance.getId());
      assertThat(stuck.name()).isEqualTo(registry.get(instance.getBusinessKey()).getName());
    });
    Map<String, List<StuckPilot>> intakeDiagram = onDiagram(intakeDefinitionOf(instance.getBusinessKey()),
        instance.getBusinessKey());
    assertThat(intakeDiagram).as("on the intake's diagram, at the call activity").containsOnlyKeys(
        "CallActivity_FivePhaseOperationalization");
    assertThat(intakeDiagram.get("CallActivity_FivePhaseOperationalization")).singleElement()
        .satisfies(stuck -> assertThat(stuck.activityId()).isEqualTo(TASK_DEFINE_SUCCESS_METRIC));
    JsonNode diagram = http().get("/api/pilots/stuck/activities?listed=1&processDefinitionId="
        + instance.getProcessDefinitionId(), "olivia").json();
    assertThat(diagram.path("processDefinitionKey").asText()).isEqualTo(PROCESS_ID);
    JsonNode defineMetric = null;
    for (JsonNode activity : diagram.path("activities")) {
      if (activity.path("activityId").asText().equals(TASK_DEFINE_SUCCESS_METRIC)) {
        defineMetric = activity;
      }
    }
    assertThat(defineMetric).as("the task's activity on the diagram").isNotNull();
    assertThat(defineMetric.path("activityName").asText()).isEqualTo("Define success metric and baseline");
    assertThat(defineMetric.path("counts").path("STEP_OVERDUE").asLong()).isPositive();
    assertThat(defineMetric.path("pilots")).hasSize(1);

    driver.fireDueTimers(instance, "Timer_Phase1Overdue");
    driver.work("sam", instance, "Task_DecideOnOverduePhase", Map.of("overdueDecision", "EXTEND",
        "newDueDate", java.time.LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)),
            java.time.ZoneOffset.UTC).toString(), "overdueReason", "Baseline data late"));

    assertThat(stuckRows("olivia", instance.getBusinessKey())).as("no longer stuck").isEmpty();
    assertThat(onDiagram(instance.getProcessDefinitionId(), instance.getBusinessKey())).isEmpty();
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
    assertThat(rows.get(0).path("activityId").asText()).isEqualTo(TASK_CHECK_SUCCESS_METRIC);
    assertThat(onDiagram(instance.getProcessDefinitionId(), instance.getBusinessKey()).get(TASK_CHECK_SUCCESS_METRIC))
        .singleElement().satisfies(stuck -> assertThat(stuck.reason()).isEqualTo(StuckReason.CHECK_INCIDENT));

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
    assertThat(row.path("activityId").asText()).isEqualTo(TASK_SIGN_OFF_SUCCESS_METRIC);
    assertThat(onDiagram(instance.getProcessDefinitionId(), instance.getBusinessKey()))
        .containsOnlyKeys(TASK_SIGN_OFF_SUCCESS_METRIC)
        .extractingByKey(TASK_SIGN_OFF_SUCCESS_METRIC).asList().singleElement()
        .satisfies(stuck -> assertThat(((StuckPilot) stuck).reason()).isEqualTo(StuckReason.GATE_WAITING));
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
  void aDiagramOfAnUnknownOrMalformedDefinitionIsAProblemNotAServerError() {
    Http.Response unknown = http().get("/api/pilots/stuck/activities?processDefinitionId=Nope:1:x", "olivia");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("detail").asText()).isEqualTo("No process definition with id Nope:1:x");
    for (String bad : new String[] {"", "%27", "%3Cscript%3E", "x".repeat(65), "a%2Fb"}) {
      assertThat(http().get("/api/pilots/stuck/activities?processDefinitionId=" + bad, "olivia").status())
          .as(bad).isEqualTo(400);
    }
    assertThat(http().get("/api/pilots/stuck/activities", "olivia").status()).isEqualTo(400);
    assertThat(http().get("/api/pilots/stuck/activities?processDefinitionId=PilotIntake:1:x&listed=101", "olivia")
        .status()).isEqualTo(400);
    assertThat(http().get("/api/pilots/stuck/activities?processDefinitionId=Nope:1:x", null).status()).isEqualTo(401);
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
