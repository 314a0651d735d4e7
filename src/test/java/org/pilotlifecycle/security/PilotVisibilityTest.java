package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.people.Deputies;
import org.pilotlifecycle.pilot.Autonomy;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees a pilot (docs/domain.md, "Who sees a pilot"), on every read endpoint: two pilots with different people,
 * both on the stuck list (A past its due date with its gate waiting too long, B past its due date with a check
 * failed into an incident), read by a named person, a member of the same
 * group who is not named, a registrant, a deputy before, during and before the start of their period, and every
 * oversight role. A pilot someone does not see is 404 on its own endpoints, with the body of an unknown key, and
 * absent from every list, count, stuck list, portfolio and CSV export; lists, counts and exports agree with each
 * other for every user (the filter is in the queries, so paging and totals stay right).
 */
@Tag("reliability")
class PilotVisibilityTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired Deputies deputies;

  private ProcessDriver driver;
  private Http http;
  private final List<String> leaks = new ArrayList<>();
  private int checks;
  private int requests;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(Instant.now()));
    driver = new ProcessDriver(engine);
    http = http();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Pilot A names olivia, paul, tara, rita, chris and lena; registered by the system (the intake service). */
  private static PilotRegistration pilotA(String key, String businessUnit) {
    PilotRegistration r = Registrations.lowRisk(key, Framework.FIVE_PHASE);
    return new PilotRegistration(r.key(), r.name(), businessUnit, r.useCaseDescription(), r.framework(),
        r.executiveOwner(), r.aiProductOwner(), r.techLead(), r.riskComplianceOwner(), r.changeManager(),
        r.lineManager(), false, false, false, Autonomy.ADVISORY, r.pilotCost(), r.projectedProductionCost(), null);
  }

  /** Pilot B names only oscar, priya and theo (nobody for risk, change, line manager); paul registers it. */
  private static PilotRegistration pilotB(String key, String businessUnit) {
    return new PilotRegistration(key, "Confidential merger screening", businessUnit,
        "Screen acquisition targets; confidential until announced.", Framework.FIVE_PHASE,
        // No risk owner (risk & compliance sees every pilot anyway); chris as change manager, so that no change
        // manager's group stands in (a group that stands in sees the pilot: NamedPeopleStoryTest).
        "oscar", "priya", "theo", null, "chris", null,
        false, false, false, Autonomy.ADVISORY, new BigDecimal("50000.00"), new BigDecimal("150000.00"), null);
  }

  @Test
  void everyReadEndpointShowsAPilotOnlyToItsPeopleTheirDeputiesAndTheOversightRoles() {
    String unit = "Visibility " + Registrations.newKey("BU");
    String a = Registrations.newKey("SEEN");
    String b = Registrations.newKey("HIDDEN");
    ProcessInstance instanceA = driver.start(intake, pilotA(a, unit), FivePhaseProcess.PROCESS_ID);
    assertThat(http.postJson("/api/pilots", "paul", Http.toJson(Registrations.asJson(pilotB(b, unit)))).status())
        .isEqualTo(201);
    Task confirmB = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(b)
        .taskDefinitionKey(PilotIntakeProcess.TASK_CONFIRM_REGISTRATION).singleResult();
    driver.complete("priya", confirmB, Map.of(PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, true));
    ProcessInstance instanceB = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FivePhaseProcess.PROCESS_ID).processInstanceBusinessKey(b).singleResult();
    assertThat(instanceA).isNotNull();
    assertThat(instanceB).isNotNull();
    // A's success metric is in: its gate starts waiting. B's check fails into an incident.
    driver.complete("paul", driver.task(instanceA, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC), successMetric("lena"));
    driver.runChecks(instanceA);
    org.mockito.Mockito.doThrow(new IllegalStateException("registry database unavailable"))
        .when(registry).defineSuccessMetric(org.mockito.ArgumentMatchers.eq(b), org.mockito.ArgumentMatchers.any());
    driver.complete("priya", driver.task(instanceB, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC), successMetric("oscar"));
    ManagementService management = engine.getManagementService();
    for (int attempt = 0; attempt < 5; attempt++) {
      Job job = management.createJobQuery().processInstanceId(instanceB.getId()).messages().singleResult();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(RuntimeException.class);
      driver.moveClockBy(Duration.ofMinutes(2));
    }
    org.mockito.Mockito.reset(registry);
    // Both phase 1s run over, A's gate has waited too long: every reason of the stuck list is there.
    driver.moveClockBy(Duration.ofDays(22));

    Map<String, Set<String>> sees = new LinkedHashMap<>();
    sees.put("olivia", Set.of(a));            // named on A (executive owner)
    sees.put("oscar", Set.of(b));             // same group as olivia, not named on A; named on B
    sees.put("lena", Set.of(a));              // named on A as line manager, business-owner like oscar
    sees.put("paul", Set.of(a, b));           // named on A, registered B
    sees.put("priya", Set.of(b));             // named on B only
    sees.put("tara", Set.of(a));
    sees.put("theo", Set.of(b));
    sees.put("chris", Set.of(a, b));          // named on both (change manager)
    sees.put("carmen", Set.of());             // named on neither, nobody's deputy yet
    for (String oversight : List.of("rita", "raj", "sam", "sofia", "ana", "arne", "admin")) {
      sees.put(oversight, Set.of(a, b));
    }
    sees.forEach((user, expected) -> checkUser(user, expected, List.of(a, b), unit));

    LocalDate today = deputies.today();
    List<long[]> periods = new ArrayList<>();
    try {
      // carmen stands in for olivia today, and for oscar only from tomorrow.
      periods.add(new long[] {namePeriod("olivia", "carmen", today, today), 0});
      periods.add(new long[] {namePeriod("oscar", "carmen", today.plusDays(1), today.plusDays(3)), 1});
      checkUser("carmen", Set.of(a), List.of(a, b), unit);
      // Naming carmen changes what carmen sees, nobody else's view.
      checkUser("oscar", Set.of(b), List.of(a, b), unit);
    } finally {
      for (long[] period : periods) {
        String principal = period[1] == 0 ? "olivia" : "oscar";
        assertThat(http.send(http.request("/api/deputies/" + period[0], principal).DELETE()).status()).isEqualTo(204);
      }
    }
    // The period is withdrawn: carmen sees neither pilot again, through /api nor in the engine's task list.
    checkUser("carmen", Set.of(), List.of(a, b), unit);

    Counts.report("visibility: %d endpoint x user checks (%d users and a deputy before, during and before her"
        + " period; 2 pilots; the 14 read endpoints of /api and the engine's task list), %d requests, %d leaks",
        checks, sees.size(), requests, leaks.size());
    assertThat(leaks).as("what someone saw, or did not see, against who sees a pilot").isEmpty();
  }

  @Test
  void aPilotSomeoneDoesNotSeeIsAnswered404ExactlyLikeAnUnknownKey() {
    String hidden = Registrations.newKey("HIDDEN");
    intake.register(pilotB(hidden, "Confidential"));
    String unknown = Registrations.newKey("NOSUCH");

    for (String suffix : List.of("", "/history", "/tasks", "/kpis", "/history/verify", "/evidence")) {
      Http.Response invisible = http.get("/api/pilots/" + hidden + suffix, "olivia");
      Http.Response absent = http.get("/api/pilots/" + unknown + suffix, "olivia");
      assertThat(invisible.status()).isEqualTo(404);
      assertThat(absent.status()).isEqualTo(404);
      assertThat(invisible.contentType()).isEqualTo(absent.contentType());
      assertThat(invisible.json().path("detail").asText()).isEqualTo("No pilot with key " + hidden);
      assertThat(invisible.body().replace(hidden, "KEY")).isEqualTo(absent.body().replace(unknown, "KEY"));
      assertThat(http.get("/api/pilots/" + hidden + suffix, "oscar").status()).isEqualTo(200);
    }
    // Changing its people is 404 too, before any other check.
    Http.Response change = http.send(http.request("/api/pilots/" + hidden + "/people/TECH_LEAD", "olivia")
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"person\":\"tara\"}")));
    assertThat(change.status()).isEqualTo(404);
    assertThat(change.json().path("detail").asText()).isEqualTo("No pilot with key " + hidden);
  }

  @Test
  void aDeputySeesThePilotsOfTheirPrincipalOnlyWhileThePeriodIsOn() {
    String key = Registrations.newKey("DEPUTY");
    intake.register(pilotB(key, "Deputies"));
    LocalDate today = deputies.today();
    long period = namePeriod("theo", "carmen", today.plusDays(1), today.plusDays(2));
    try {
      assertThat(http.get("/api/pilots/" + key, "carmen").status()).as("before the period").isEqualTo(404);
      driver.moveClockBy(Duration.ofDays(1));
      assertThat(http.get("/api/pilots/" + key, "carmen").status()).as("on its first day").isEqualTo(200);
      driver.moveClockBy(Duration.ofDays(2));
      assertThat(http.get("/api/pilots/" + key, "carmen").status()).as("after its last day").isEqualTo(404);
    } finally {
      ClockUtil.reset();
      assertThat(http.send(http.request("/api/deputies/" + period, "theo").DELETE()).status()).isEqualTo(204);
    }
  }

  /**
   * When a deputy period ends or is withdrawn, OpenTaskHolders removes the deputy's candidate link and the task
   * authorization the engine granted with it (Camunda's default authorization provider keeps it:
   * {@code DefaultAuthorizationProvider.deleteTaskUserIdentityLink} returns nothing to delete), so the former
   * deputy no longer reads the task.
   */
  @Test
  void aFormerDeputyNoLongerReadsThePrincipalsTask() {
    String key = Registrations.newKey("FORMER");
    intake.register(pilotB(key, "Deputies"));
    // The intake's confirmation waits for priya, the pilot's AI product owner.
    LocalDate today = deputies.today();
    long period = namePeriod("priya", "carmen", today, today);
    assertThat(tasksOf("carmen", key)).as("while carmen stands in for priya").isEqualTo(1);
    assertThat(http.send(http.request("/api/deputies/" + period, "priya").DELETE()).status()).isEqualTo(204);
    assertThat(tasksOf("carmen", key)).as("once the period is withdrawn").isZero();
  }

  private static Map<String, Object> successMetric(String lineManager) {
    Map<String, Object> form = new java.util.HashMap<>();
    form.put("kpiCategory", "COST");
    form.put("kpiName", "Cost per case");
    form.put("kpiUnit", "USD");
    form.put("kpiBaseline", 40);
    form.put("kpiTarget", 25);
    form.put("measurementMethod", "Finance report");
    form.put("annualValue", 900000);
    form.put("lineManager", lineManager);
    return form;
  }

  private long namePeriod(String principal, String deputy, LocalDate startsOn, LocalDate endsOn) {
    Http.Response named = http.postJson("/api/deputies", principal, Http.toJson(Map.of("deputy", deputy,
        "startsOn", startsOn.toString(), "endsOn", endsOn.toString(), "reason", "visibility test")));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    return named.json().path("id").asLong();
  }

  private void checkUser(String user, Set<String> expected, List<String> pilots, String unit) {
    checkUser(user, expected, pilots, unit, true);
  }

  /** Every read endpoint as the user, against the pilots: those in {@code expected} are seen, the others not. */
  private void checkUser(String user, Set<String> expected, List<String> pilots, String unit, boolean tasks) {
    Set<String> listed = listed(user);
    Set<String> stuck = stuck(user);
    JsonNode portfolio = get("/api/portfolio?businessUnit=" + encode(unit), user, 200).json();
    Set<String> csvRows = csvKeys(get("/api/export/pilots.csv?businessUnit=" + encode(unit), user, 200).body());
    Set<String> csvTrail = csvKeys(get("/api/export/audit-trail.csv?businessUnit=" + encode(unit), user, 200).body());
    for (String pilot : pilots) {
      boolean seen = expected.contains(pilot);
      String who = user + " " + (seen ? "sees " : "must not see ") + pilot + ": ";
      expect(who + "GET /api/pilots/{key}", status(user, "/api/pilots/" + pilot) == (seen ? 200 : 404));
      expect(who + "GET /api/pilots/{key}/history", status(user, "/api/pilots/" + pilot + "/history") == (seen ? 200 : 404));
      // The pilot's page reads these too (issue 19), and the chain's verification (issue 16).
      for (String read : List.of("/tasks", "/kpis", "/history/verify", "/evidence")) {
        expect(who + "GET /api/pilots/{key}" + read, status(user, "/api/pilots/" + pilot + read) == (seen ? 200 : 404));
      }
      expect(who + "GET /api/pilots", listed.contains(pilot) == seen);
      for (String reason : pilot.equals(pilots.get(0)) ? List.of("STEP_OVERDUE", "GATE_WAITING")
          : List.of("STEP_OVERDUE", "CHECK_INCIDENT")) {
        expect(who + "GET /api/pilots/stuck " + reason, stuck.contains(pilot + "/" + reason) == seen);
      }
      expect(who + "GET /api/pilots/stuck (any row)",
          stuck.stream().anyMatch(row -> row.startsWith(pilot + "/")) == seen);
      expect(who + "GET /api/export/pilots.csv", csvRows.contains(pilot) == seen);
      expect(who + "GET /api/export/audit-trail.csv", csvTrail.contains(pilot) == seen);
      if (!seen && tasks) {
        expect(who + "GET /engine-rest/task (its tasks)", tasksOf(user, pilot) == 0);
      }
    }
    expect(user + ": GET /api/portfolio counts the pilots they see", portfolio.path("pilots").asInt() == expected.size());
    JsonNode ofUnit = get("/api/pilots?size=200&businessUnit=" + encode(unit), user, 200).json();
    Set<String> ofUnitKeys = new java.util.HashSet<>();
    ofUnit.path("content").forEach(p -> ofUnitKeys.add(p.path("key").asText()));
    expect(user + ": GET /api/pilots?businessUnit= lists the unit's pilots they see", ofUnitKeys.equals(expected));
    expect(user + ": GET /api/pilots/business-units names the unit only if they see one of its pilots",
        get("/api/pilots/business-units", user, 200).body().contains("\"" + unit + "\"") == !expected.isEmpty());
    long perStep = 0;
    for (JsonNode count : portfolio.path("pilotsPerStep")) {
      perStep += count.path("pilots").asLong();
    }
    expect(user + ": GET /api/portfolio per step", perStep == expected.size());
    expect(user + ": the business unit's pilots.csv rows", csvRows.equals(expected));
    expect(user + ": the business unit's audit-trail.csv pilots", csvTrail.equals(expected));
    long counted = 0;
    for (JsonNode count : get("/api/pilots/counts", user, 200).json()) {
      counted += count.path("pilots").asLong();
    }
    expect(user + ": GET /api/pilots/counts adds up to the list's pilots (" + counted + " vs " + listed.size() + ")",
        counted == listed.size());
  }

  private void expect(String check, boolean holds) {
    checks++;
    if (!holds) {
      leaks.add(check);
    }
  }

  /** Every key of the user's pilot list, page by page; the pages add up to the total they announce. */
  private Set<String> listed(String user) {
    Set<String> keys = new LinkedHashSet<>();
    long total = -1;
    for (int page = 0; total < 0 || (long) page * 200 < total; page++) {
      JsonNode view = get("/api/pilots?size=200&page=" + page, user, 200).json();
      total = view.path("totalElements").asLong();
      view.path("content").forEach(pilot -> keys.add(pilot.path("key").asText()));
    }
    expect(user + ": GET /api/pilots pages add up to totalElements", keys.size() == total);
    return keys;
  }

  /** The user's stuck list as key/reason, page by page; the pages add up to the total they announce. */
  private Set<String> stuck(String user) {
    Set<String> keys = new TreeSet<>();
    long rows = 0;
    long total = -1;
    for (int page = 0; total < 0 || (long) page * 200 < total; page++) {
      JsonNode view = get("/api/pilots/stuck?size=200&page=" + page, user, 200).json();
      total = view.path("totalElements").asLong();
      for (JsonNode row : view.path("content")) {
        keys.add(row.path("pilotKey").asText() + "/" + row.path("reason").asText());
        rows++;
      }
    }
    expect(user + ": GET /api/pilots/stuck pages add up to totalElements", rows == total);
    return keys;
  }

  private int tasksOf(String user, String pilot) {
    return get("/engine-rest/task?processInstanceBusinessKey=" + pilot, user, 200).json().size();
  }

  private int status(String user, String path) {
    requests++;
    return http.get(path, user).status();
  }

  private Http.Response get(String path, String user, int expectedStatus) {
    requests++;
    Http.Response response = http.get(path, user);
    assertThat(response.status()).as(user + " GET " + path + ": " + response.body()).isEqualTo(expectedStatus);
    return response;
  }

  /** The first column (the pilot key) of each row after the header, which an export always has. */
  private Set<String> csvKeys(String csv) {
    expect("a CSV export names its columns", !csv.isBlank());
    Set<String> keys = new TreeSet<>();
    if (csv.isBlank()) {
      return keys;
    }
    try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerFor(List.class).readValues(csv)) {
      rows.next();
      while (rows.hasNextValue()) {
        List<String> row = rows.nextValue();
        if (!row.isEmpty() && !row.get(0).isBlank()) {
          keys.add(row.get(0));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return keys;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
