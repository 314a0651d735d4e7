package org.pilotlifecycle.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotNotFoundException;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code POST /api/pilots/{key}/signals} as monitoring tools call it: 201 for a new signal, 200 with the same signal
 * for a repeated idempotency key, problem details for bad input, 404 for an unknown pilot, 409 for a pilot not in
 * production, and only for the machine credential's authority and administrators.
 */
class SignalApiTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired SignalController controller;
  @Autowired MonitoringSignals signals;

  @AfterEach
  void resetClockAndCaller() {
    ClockUtil.reset();
    SecurityContextHolder.clearContext();
  }

  private static Map<String, Object> signal(String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DRIFT");
    body.put("severity", "HIGH");
    body.put("source", "evidently drift monitor");
    body.put("description", "Prediction drift 14% on claim type MOTOR");
    body.put("idempotencyKey", idempotencyKey);
    return body;
  }

  @Test
  void aSignalIsCreatedOnceAndARepeatedIdempotencyKeyAnswersTheSameSignal() {
    ProcessInstance instance = new ProductionDriver(engine).inProduction(intake, "API");
    String key = instance.getBusinessKey();
    Http http = http();

    Http.Response created = http.postJson("/api/pilots/" + key + "/signals", "admin", Http.toJson(signal("evt-1")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.path("type").asText()).isEqualTo("DRIFT");
    assertThat(body.path("status").asText()).isEqualTo("OPEN");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/pilots/" + key + "/signals/" + body.path("id").asLong());

    Http.Response repeated = http.postJson("/api/pilots/" + key + "/signals", "admin", Http.toJson(signal("evt-1")));
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().path("id").asLong()).isEqualTo(body.path("id").asLong());
    assertThat(signals.open(key)).hasSize(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ProductionOperationsProcess.TASK_ASSESS_MONITORING_SIGNALS).count()).isOne();
  }

  /** A sender that reuses a key for a new signal would lose it silently; it is told instead, and nothing changes. */
  @Test
  void theSameIdempotencyKeyWithAnotherSignalIsRefused() {
    ProcessInstance instance = new ProductionDriver(engine).inProduction(intake, "REUSE");
    String key = instance.getBusinessKey();
    Http http = http();
    assertThat(http.postJson("/api/pilots/" + key + "/signals", "admin", Http.toJson(signal("evt-r"))).status()).isEqualTo(201);

    Map<String, Object> other = signal("evt-r");
    other.put("description", "Drift 31% on the March invoices");
    Http.Response reused = http.postJson("/api/pilots/" + key + "/signals", "admin", Http.toJson(other));

    assertThat(reused.status()).as(reused.body()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().path("detail").asText()).contains("evt-r").contains("a new signal needs a new key");
    assertThat(signals.open(key)).hasSize(1);
    assertThat(signals.open(key).get(0).getDescription()).isEqualTo(signal("evt-r").get("description"));
  }

  @Test
  void badInputIsAProblemNamingEveryBadField() {
    Http http = http();
    Map<String, Object> bad = signal("evt 2 with spaces");
    bad.put("type", "WEATHER");
    bad.put("severity", null);
    bad.put("source", "x".repeat(201));
    bad.remove("description");
    Http.Response refused = http.postJson("/api/pilots/NO-SUCH-PILOT/signals", "admin", Http.toJson(bad));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    List<String> fields = new java.util.ArrayList<>();
    refused.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactly("description", "idempotencyKey", "severity", "source", "type");

    for (String raw : List.of("", "[]", "{\"type\":", "not json", "{\"type\":{\"a\":1}}")) {
      Http.Response response = http.postJson("/api/pilots/NO-SUCH-PILOT/signals", "admin", raw);
      assertThat(response.status()).as(raw + ": " + response.body()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void anUnknownPilotIs404AndAPilotNotInProductionIs409() {
    Http http = http();
    assertThat(http.postJson("/api/pilots/NO-SUCH-PILOT/signals", "admin", Http.toJson(signal("evt-3"))).status())
        .isEqualTo(404);
    String key = Registrations.newKey("NOTPROD");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    Http.Response conflict = http.postJson("/api/pilots/" + key + "/signals", "admin", Http.toJson(signal("evt-4")));
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.json().path("detail").asText()).contains("ACTIVE").contains("monitoring signals");
  }

  @Test
  void onlyTheMachineCredentialAndAdministratorsMaySendSignals() {
    Http http = http();
    for (String user : List.of("olivia", "tara", "rita", "sam", "paul")) {
      Http.Response refused = http.postJson("/api/pilots/NO-SUCH-PILOT/signals", user, Http.toJson(signal("evt-5")));
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(http.postJson("/api/pilots/NO-SUCH-PILOT/signals", null, Http.toJson(signal("evt-5"))).status())
        .isEqualTo(401);
  }

  @Test
  void theMachineCredentialSendsSignalsForAnyPilotInProduction() {
    ProcessInstance instance = new ProductionDriver(engine).inProduction(intake, "MACHINE");
    String key = instance.getBusinessKey();
    SecurityContextHolder.getContext().setAuthentication(
        new TestingAuthenticationToken("monitoring-bot", null, SignalController.SIGNALS_SEND));

    var response = controller.send(key, new SignalRequest("INCIDENT", "critical", "pagerduty", "Endpoint 5xx above 2%", "pd-1"));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(signals.open(key)).extracting(MonitoringSignal::getReceivedBy).containsExactly("monitoring-bot");
    assertThatThrownBy(() -> controller.send("NO-SUCH-PILOT", new SignalRequest("DRIFT", "LOW", "x", "y", "z")))
        .isInstanceOf(PilotNotFoundException.class);
  }

  @Test
  void aConcurrentBurstOpensOneReviewAndARepeatedKeyStoresOneSignal() throws Exception {
    ProcessInstance instance = new ProductionDriver(engine).inProduction(intake, "BURST");
    String key = instance.getBusinessKey();
    Http http = http();
    List<String> idempotencyKeys = List.of("b-1", "b-2", "b-3", "b-4", "b-4", "b-5");
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(idempotencyKeys.size());
    try {
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (String idempotencyKey : idempotencyKeys) {
        answers.add(pool.submit(() -> {
          start.await();
          return http.postJson("/api/pilots/" + key + "/signals", "admin", Http.toJson(signal(idempotencyKey))).status();
        }));
      }
      start.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).as("no server error").allMatch(status -> status == 201 || status == 200);
      assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(signals.open(key)).hasSize(5);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ProductionOperationsProcess.TASK_ASSESS_MONITORING_SIGNALS).count()).as("one review").isOne();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), ProductionOperationsProcess.Variables.OPEN_SIGNAL_COUNT))
        .as("the review lists every signal").isEqualTo(5);
  }
}
