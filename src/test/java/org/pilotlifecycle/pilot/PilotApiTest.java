package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** The pilot registry's API: registering, reading back, and every kind of bad input. */
@Tag("reliability")
class PilotApiTest extends IntegrationTestSupport {

  @Autowired RuntimeService runtimeService;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private Http.Response register(String user, Object body) {
    return http.postJson("/api/pilots", user, body instanceof String s ? s : Http.toJson(body));
  }

  private long instancesWithBusinessKey(String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count();
  }

  @Test
  void registersAPilotAndReadsItBackWithItsProcessInstance() {
    String key = Registrations.newKey("API");
    Http.Response created = register("paul", Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/pilots/" + key);
    JsonNode pilot = http.get("/api/pilots/" + key, "olivia").json();
    assertThat(pilot.path("key").asText()).isEqualTo(key);
    assertThat(pilot.path("framework").asText()).isEqualTo("FIVE_PHASE");
    assertThat(pilot.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(pilot.path("currentStep").asText()).isEqualTo("INTAKE");
    assertThat(pilot.path("risk").path("riskTier").asText()).isEqualTo("LOW");
    assertThat(pilot.path("people").path("executiveOwner").asText()).isEqualTo("olivia");
    assertThat(pilot.path("cost").path("projectedProductionCost").decimalValue()).isEqualByComparingTo("480000");
    assertThat(pilot.path("registeredBy").asText()).isEqualTo("paul");
    var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    assertThat(instance.getProcessInstanceId()).isEqualTo(pilot.path("processInstanceId").asText());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
        .processDefinitionKey(PilotIntakeProcess.PROCESS_ID).count()).isOne();
  }

  @Test
  void listsPilotsPagedAndFilteredByStatusAndFramework() {
    String five = Registrations.newKey("LIST");
    String four = Registrations.newKey("LIST");
    assertThat(register("paul", Registrations.asJson(Registrations.lowRisk(five, Framework.FIVE_PHASE))).status()).isEqualTo(201);
    assertThat(register("paul", Registrations.asJson(Registrations.lowRisk(four, Framework.FOUR_STAGE))).status()).isEqualTo(201);

    JsonNode fourStage = http.get("/api/pilots?framework=FOUR_STAGE&status=ACTIVE&size=200", "tara").json();
    List<String> keys = new ArrayList<>();
    fourStage.path("content").forEach(p -> keys.add(p.path("key").asText()));
    assertThat(keys).contains(four).doesNotContain(five);
    fourStage.path("content").forEach(p -> assertThat(p.path("framework").asText()).isEqualTo("FOUR_STAGE"));

    JsonNode firstPage = http.get("/api/pilots?size=1", "tara").json();
    assertThat(firstPage.path("content")).hasSize(1);
    assertThat(firstPage.path("size").asInt()).isEqualTo(1);
    assertThat(firstPage.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void missingAndInvalidFieldsAreEachNamedInAProblem() {
    Map<String, Object> body = new java.util.HashMap<>(Registrations.asJson(Registrations.lowRisk("x", Framework.FIVE_PHASE)));
    body.remove("name");
    body.put("businessUnit", " ");
    body.put("pilotCost", -5);
    body.remove("autonomy");

    Http.Response response = register("paul", body);

    assertProblem(response, 400);
    assertThat(fields(response)).containsExactlyInAnyOrder("autonomy", "businessUnit", "key", "name", "pilotCost");
  }

  @Test
  void anEmptyObjectNamesEveryRequiredField() {
    Http.Response response = register("paul", "{}");

    assertProblem(response, 400);
    assertThat(fields(response)).contains("key", "name", "businessUnit", "useCaseDescription", "framework",
        "executiveOwner", "aiProductOwner", "affectsIndividuals", "regulatedDomain", "processesPersonalData",
        "autonomy");
  }

  @Test
  void malformedJsonIsABadRequest() {
    Http.Response response = register("paul", "{\"key\": \"BROKEN\", ");

    assertProblem(response, 400);
    assertThat(response.json().path("title").asText()).isEqualTo("Malformed request body");
  }

  @Test
  void anUnknownFrameworkIsNamed() {
    String key = Registrations.newKey("FW");
    Map<String, Object> body = new java.util.HashMap<>(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));
    body.put("framework", "SIX_SIGMA");

    Http.Response response = register("paul", body);

    assertProblem(response, 400);
    assertThat(fields(response)).containsExactly("framework");
    assertThat(response.json().path("errors").get(0).path("message").asText()).contains("FIVE_PHASE", "FOUR_STAGE");
    assertThat(instancesWithBusinessKey(key)).isZero();
  }

  @Test
  void anUnknownFieldIsNamed() {
    Map<String, Object> body = new java.util.HashMap<>(Registrations.asJson(Registrations.lowRisk(Registrations.newKey("UF"), Framework.FIVE_PHASE)));
    body.put("budget", 12);

    Http.Response response = register("paul", body);

    assertProblem(response, 400);
    assertThat(fields(response)).containsExactly("budget");
  }

  @Test
  void aDuplicateKeyIsAConflictAndLeavesTheFirstPilotAlone() {
    String key = Registrations.newKey("DUP");
    assertThat(register("paul", Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE))).status()).isEqualTo(201);

    Http.Response second = register("paul", Registrations.asJson(Registrations.highRisk(key, Framework.FOUR_STAGE)));

    assertProblem(second, 409);
    assertThat(instancesWithBusinessKey(key)).isOne();
    assertThat(http.get("/api/pilots/" + key, "paul").json().path("framework").asText()).isEqualTo("FIVE_PHASE");
  }

  @Test
  void concurrentRegistrationsOfOneKeyYieldOnePilot() throws Exception {
    String key = Registrations.newKey("RACE");
    String body = Http.toJson(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));
    int racers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<Http.Response>> responses = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        responses.add(pool.submit(() -> register("paul", body)));
      }
      for (Future<Http.Response> response : responses) {
        statuses.add(response.get().status());
      }
    } finally {
      pool.shutdownNow();
    }
    long pilots = registry.exists(key) ? 1 : 0;
    Counts.report("registration race: %d racers, %d created, %d conflict(s), %d 5xx; %d pilot(s), %d instance(s)",
        racers, statuses.stream().filter(s -> s == 201).count(), statuses.stream().filter(s -> s == 409).count(),
        statuses.stream().filter(s -> s >= 500).count(), pilots, instancesWithBusinessKey(key));
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(instancesWithBusinessKey(key)).isOne();
  }

  @Test
  void ownPhaseDurationsAreValidatedAndKept() {
    String key = Registrations.newKey("DUR");
    Map<String, Object> body = new java.util.HashMap<>(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));
    body.put("stepDurations", Map.of("DATA_READINESS", "P10W", "SOMEDAY", "P1D", "OPERATING_MODEL", "three months"));

    Http.Response refused = register("paul", body);

    assertProblem(refused, 400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("stepDurations.SOMEDAY", "stepDurations.OPERATING_MODEL");
    assertThat(registry.exists(key)).isFalse();

    body.put("stepDurations", Map.of("DATA_READINESS", "P10W", "OUTCOME_DEFINITION", "P14D"));
    assertThat(register("paul", body).status()).isEqualTo(201);
    JsonNode pilot = http.get("/api/pilots/" + key, "paul").json();
    assertThat(pilot.path("stepDurationsDays").path("DATA_READINESS").asInt()).isEqualTo(70);
    assertThat(pilot.path("stepDurationsDays").path("OUTCOME_DEFINITION").asInt()).isEqualTo(14);
  }

  @Test
  void anUnknownPilotIsNotFound() {
    assertProblem(http.get("/api/pilots/NO-SUCH-PILOT", "paul"), 404);
  }

  @Test
  void badQueryParametersAreNamed() {
    Http.Response response = http.get("/api/pilots?status=SLEEPING", "paul");
    assertProblem(response, 400);
    assertThat(fields(response)).containsExactly("status");

    Http.Response tooBig = http.get("/api/pilots?size=100000", "paul");
    assertProblem(tooBig, 400);
    assertThat(fields(tooBig)).containsExactly("size");
  }

  @Test
  void whenTheProcessFailsAfterThePilotRowIsWrittenNeitherRowNorInstanceRemain() {
    String key = Registrations.newKey("ATOM");
    doAnswer(invocation -> {
      invocation.callRealMethod();
      throw new IllegalStateException("simulated failure after the pilot row was written");
    }).when(registry).recordRiskTier(anyString(), any(), org.mockito.ArgumentMatchers.anyBoolean(), any(), any());

    Http.Response response = register("paul", Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));

    assertProblem(response, 500);
    assertThat(response.body()).doesNotContain("simulated", "Exception", "at org.");
    reset(registry);
    assertThat(registry.exists(key)).isFalse();
    assertThat(instancesWithBusinessKey(key)).isZero();
  }

  @Test
  void whenWritingThePilotRowFailsNoProcessInstanceRemains() {
    String key = Registrations.newKey("ATOM");
    doThrow(new IllegalStateException("simulated database failure"))
        .when(registry).register(any(), anyString(), any());

    Http.Response response = register("paul", Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE)));

    assertProblem(response, 500);
    reset(registry);
    assertThat(registry.exists(key)).isFalse();
    assertThat(instancesWithBusinessKey(key)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("pilotKey", key).count()).isZero();
  }

  static void assertProblem(Http.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "SQL");
  }

  static List<String> fields(Http.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }
}
