package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** Twenty sign-offs of one gate at the same moment: one wins, the others are told of the conflict. */
@Tag("reliability")
class GateRaceTest extends IntegrationTestSupport {

  static final int RACERS = 20;

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;

  @Test
  void concurrentCompletionsOfOneGateYieldOneDecision() throws Exception {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("RACE"), Framework.FIVE_PHASE));
    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String gate = driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).getId();
    String body = "{\"variables\":{\"gateDecision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}";
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> racers = new ArrayList<>();
    try {
      for (int i = 0; i < RACERS; i++) {
        racers.add(pool.submit(() -> {
          start.await();
          return http().postJson("/engine-rest/task/" + gate + "/submit-form", "olivia", body);
        }));
      }
      start.countDown();
      int winners = 0;
      int conflicts = 0;
      int other = 0;
      for (Future<Http.Response> racer : racers) {
        Http.Response response = racer.get();
        if (response.status() == 204) {
          winners++;
        } else if (response.status() == 409 && response.body().contains("reload it")) {
          conflicts++;
        } else {
          other++;
          System.out.println("unexpected answer: " + response.status() + " " + response.body());
        }
      }
      long decisions = auditTrail.history(instance.getBusinessKey(), Pageable.ofSize(500)).stream()
          .filter(event -> event.getType() == AuditEntryType.GATE_DECISION).count();
      Counts.report("gate race: %d racers, %d winner(s), %d conflict(s), %d other; %d decision(s) recorded%n",
          RACERS, winners, conflicts, other, decisions);
      assertThat(winners).isOne();
      assertThat(conflicts).isEqualTo(RACERS - 1);
      assertThat(decisions).isOne();
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(gate).finished().count()).isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCompletionArrivingAfterTheGateWasSignedIsAConflictNotAMissingPermission() {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("LATE"), Framework.FIVE_PHASE));
    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String gate = driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).getId();
    String body = "{\"variables\":{\"gateDecision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}";
    assertThat(http().postJson("/engine-rest/task/" + gate + "/submit-form", "olivia", body).status()).isEqualTo(204);

    Http.Response late = http().postJson("/engine-rest/task/" + gate + "/submit-form", "olivia", body);

    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.body()).contains("reload it");
    assertThat(auditTrail.history(instance.getBusinessKey(), Pageable.ofSize(500)).stream()
        .filter(event -> event.getType() == AuditEntryType.GATE_DECISION).count()).isOne();
  }

  @Test
  void aTaskThatNeverExistedIsNotFoundNotAConflict() {
    String body = "{\"variables\":{\"gateDecision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}";
    for (String user : java.util.List.of("olivia", "admin")) {
      Http.Response made = http().postJson("/engine-rest/task/no-such-task-" + user + "/submit-form", user, body);
      assertThat(made.status()).as(user + ": " + made.body()).isEqualTo(404);
      assertThat(made.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void anEngineNullPointerOnATaskCompletedMeanwhileIsAConflictToo() throws Exception {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("MIDWAY"), Framework.FIVE_PHASE));
    String done = driver.task(instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId();
    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String open = driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).getId();
    var mapper = new org.pilotlifecycle.enginerest.TaskGoneMidwayMapper(engine.getTaskService(), engine.getHistoryService(),
        engine.getIdentityService());

    assertThat(mapper.toResponse(npeOn(mapper, "task/" + done + "/submit-form")).getStatus())
        .as("completed meanwhile").isEqualTo(409);
    assertThat(mapper.toResponse(npeOn(mapper, "task/" + open + "/submit-form")).getStatus())
        .as("still open: a real failure").isEqualTo(500);
    assertThat(mapper.toResponse(npeOn(mapper, "task/never-there/submit-form")).getStatus()).isEqualTo(500);
  }

  /** The request path the mapper sees, as JAX-RS would inject it. */
  private static NullPointerException npeOn(Object mapper, String path) throws Exception {
    java.lang.reflect.Field uriInfo = mapper.getClass().getDeclaredField("uriInfo");
    uriInfo.setAccessible(true);
    uriInfo.set(mapper, java.lang.reflect.Proxy.newProxyInstance(GateRaceTest.class.getClassLoader(),
        new Class<?>[] {jakarta.ws.rs.core.UriInfo.class},
        (proxy, method, args) -> "getPath".equals(method.getName()) ? path : null));
    return new NullPointerException("Cannot invoke ExecutionEntity.removeTask because execution is null");
  }
}
