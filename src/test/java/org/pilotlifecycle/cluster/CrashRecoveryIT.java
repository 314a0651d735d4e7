package org.pilotlifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.EvidenceUpload;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.PostgresTestDatabase;
import org.pilotlifecycle.support.Registrations;

/**
 * The application process is killed with SIGKILL while 8 clients register and confirm pilots, and
 * restarted on the same PostgreSQL database. Everything a client was told had happened is there;
 * nothing half-done is; no task is lost or doubled; and the phase timers that fell due while the node
 * was down fire once each after the restart.
 */
class CrashRecoveryIT {

  static final int WAITING_PILOTS = 20;
  static final int ACKNOWLEDGED_BEFORE_KILL = 40;
  static final String PHASE_1_TIMER = TwoNodesOneDatabaseIT.PHASE_1_TIMER;
  static final String ESCALATION_TASK = TwoNodesOneDatabaseIT.ESCALATION_TASK;

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.requireServer();
  }

  static final String EVIDENCE_PILOT = "WAITING-0";
  static final byte[] EVIDENCE = "source,owner\ncrm,lena\nclaims,tara\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private String evidenceUrl;

  @Test
  void aKilledNodeRestartsWithEveryAcknowledgedStepAndFiresTheTimersThatFellDueOnce() throws Exception {
    String url = PostgresTestDatabase.freshDatabase("pilot_lifecycle_crash");
    Database db = new Database(url);
    Set<String> registered = ConcurrentHashMap.newKeySet();
    Set<String> confirmed = ConcurrentHashMap.newKeySet();
    AtomicInteger failedRequests = new AtomicInteger();
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    int exitCode;

    try (ApplicationNode node = new ApplicationNode("crash", url).launch()) {
      node.awaitReady(Duration.ofMinutes(3));
      Portfolio.importPilots("WAITING", WAITING_PILOTS, List.of(node));
      assertThat(Portfolio.confirmAll(List.of(node))).isEqualTo(WAITING_PILOTS);
      // An evidence file of a waiting pilot, acknowledged before the kill (issue 16: evidence survives a restart).
      String metricTask = node.http().get("/engine-rest/task?processInstanceBusinessKey=" + EVIDENCE_PILOT
          + "&taskDefinitionKey=Task_DefineSuccessMetric", "paul").json().get(0).path("id").asText();
      Http.Response uploaded = EvidenceUpload.upload(node.http(), EVIDENCE_PILOT, "paul", metricTask, "baseline.csv",
          EVIDENCE);
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
      evidenceUrl = uploaded.json().path("downloadUrl").asText();

      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      for (int client = 0; client < 8; client++) {
        int id = client;
        clients.submit(() -> {
          try {
            load(node.http(), id, killed, registered, confirmed, failedRequests);
          } catch (Throwable e) {
            unexpected.compareAndSet(null, e);
          }
        });
      }
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (registered.size() < ACKNOWLEDGED_BEFORE_KILL && unexpected.get() == null && Instant.now().isBefore(deadline)) {
        ApplicationNode.pause(Duration.ofMillis(50));
      }
      assertThat(registered).as("registrations acknowledged under load").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
      killed.set(true);
      exitCode = node.kill();
      clients.shutdown();
      assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(unexpected.get()).as("no client failed before the kill").isNull();
    assertThat(exitCode).as("killed by SIGKILL").isEqualTo(128 + 9);

    // While the node is down, the phase 1 of every waiting pilot runs past its due date.
    int due = db.update("update act_ru_job set duedate_ = now() - interval '1 hour'"
        + " where handler_type_ = 'timer-transition' and handler_cfg_ like ?", PHASE_1_TIMER + "%");
    long escalationsBefore = db.count("select count(*) from act_ru_task where task_def_key_ = ?", ESCALATION_TASK);

    try (ApplicationNode node = new ApplicationNode("crash", url).launch()) {
      node.awaitReady(Duration.ofMinutes(3));
      long escalations = TwoNodesOneDatabaseIT.awaitCount(db, "select count(*) from act_ru_task where task_def_key_ = ?",
          due, Duration.ofMinutes(3), ESCALATION_TASK);
      TwoNodesOneDatabaseIT.awaitCount(db, "select count(*) from act_ru_job where handler_cfg_ like ?"
          + " and (duedate_ <= now() or lock_owner_ is not null)", 0, Duration.ofMinutes(2), PHASE_1_TIMER + "%");
      escalations = db.count("select count(*) from act_ru_task where task_def_key_ = ?", ESCALATION_TASK);
      long duplicateEscalations = db.count("select count(*) from (select proc_inst_id_ from act_ru_task"
          + " where task_def_key_ = ? group by proc_inst_id_ having count(*) > 1) d", ESCALATION_TASK);

      Http http = node.http();
      Http.Response evidence = http.get(evidenceUrl, "olivia");
      assertThat(evidence.status()).as("the evidence file after the restart").isEqualTo(200);
      assertThat(evidence.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(EVIDENCE);
      assertThat(http.get("/api/pilots/" + EVIDENCE_PILOT + "/evidence", "olivia").json().get(0).path("sha256").asText())
          .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(EVIDENCE)));
      assertThat(http.get("/api/pilots/" + EVIDENCE_PILOT + "/history/verify", "olivia").json().path("intact").asBoolean())
          .as("its audit chain, written before the kill, intact after it").isTrue();
      int registeredFound = 0;
      for (String key : registered) {
        if (http.get("/api/pilots/" + key, "paul").status() == 200
            && db.count("select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = 'PilotIntake'",
                key) == 1) {
          registeredFound++;
        }
      }
      int confirmedFound = 0;
      for (String key : confirmed) {
        if (db.count("select count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_"
            + " where p.business_key_ = ? and t.task_def_key_ = 'Task_ConfirmRegistration' and t.end_time_ is not null",
            key) == 1
            && db.count("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
            + " where e.business_key_ = ? and t.task_def_key_ = 'Task_DefineSuccessMetric'", key) == 1) {
          confirmedFound++;
        }
      }
      long pilots = db.count("select count(*) from pilot");
      long pilotsWithoutInstance = db.count("select count(*) from pilot p where not exists (select 1 from act_hi_procinst h"
          + " where h.id_ = p.process_instance_id and h.business_key_ = p.pilot_key and h.proc_def_key_ = 'PilotIntake')");
      long instancesWithoutPilot = db.count("select count(*) from act_hi_procinst h where h.proc_def_key_ = 'PilotIntake'"
          + " and not exists (select 1 from pilot p where p.pilot_key = h.business_key_)");
      long duplicateTasks = db.count("select count(*) from (select proc_inst_id_, task_def_key_ from act_ru_task"
          + " group by proc_inst_id_, task_def_key_ having count(*) > 1) d");
      long stranded = db.count("select count(*) from act_ru_execution e where e.id_ = e.proc_inst_id_"
          + " and e.super_exec_ is null and e.proc_def_id_ like 'PilotIntake:%'"
          + " and not exists (select 1 from act_ru_task t join act_ru_execution x on x.id_ = t.proc_inst_id_"
          + "   where x.root_proc_inst_id_ = e.id_)"
          + " and not exists (select 1 from act_ru_job j join act_ru_execution x on x.id_ = j.process_instance_id_"
          + "   where x.root_proc_inst_id_ = e.id_ and j.handler_type_ <> 'timer-transition')");

      Counts.report("crash: node exited %d on SIGKILL; pilots acknowledged before the kill %d, found after restart %d;"
          + " confirmations acknowledged %d, found %d; requests cut off %d; pilots in the database %d, without instance %d,"
          + " instances without pilot %d; duplicate open tasks %d, instances without a task or job %d;"
          + " timers due during downtime %d, fired %d (escalations before restart %d), duplicates %d%n",
          exitCode, registered.size(), registeredFound, confirmed.size(), confirmedFound, failedRequests.get(), pilots,
          pilotsWithoutInstance, instancesWithoutPilot, duplicateTasks, stranded, due, escalations, escalationsBefore,
          duplicateEscalations);

      assertThat(registeredFound).isEqualTo(registered.size());
      assertThat(confirmedFound).isEqualTo(confirmed.size());
      assertThat(pilots).isGreaterThanOrEqualTo(WAITING_PILOTS + registered.size());
      assertThat(pilotsWithoutInstance).isZero();
      assertThat(instancesWithoutPilot).isZero();
      assertThat(duplicateTasks).isZero();
      assertThat(stranded).isZero();
      assertThat(due).isGreaterThanOrEqualTo(WAITING_PILOTS);
      assertThat(escalationsBefore).isZero();
      assertThat(escalations).isEqualTo(due);
      assertThat(duplicateEscalations).isZero();
    }
  }

  /** One client: registers a pilot, then confirms it, until the node is gone. */
  private static void load(Http http, int client, AtomicBoolean killed, Set<String> registered, Set<String> confirmed,
      AtomicInteger failedRequests) {
    for (int i = 0; !killed.get(); i++) {
      String key = "LOAD-" + client + "-" + i;
      try {
        Http.Response response = http.postJson("/api/pilots", "paul",
            Http.toJson(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE))));
        if (response.status() != 201) {
          throw new AssertionError("registration answered " + response.status() + ": " + response.body());
        }
        registered.add(key);
        JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + key
            + "&taskDefinitionKey=" + Portfolio.CONFIRM_REGISTRATION, "paul").json();
        Http.Response done = http.postJson("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form",
            "paul", Portfolio.CONFIRMED);
        if (done.status() != 204) {
          throw new AssertionError("confirmation answered " + done.status() + ": " + done.body());
        }
        confirmed.add(key);
      } catch (AssertionError e) {
        if (killed.get()) {
          failedRequests.incrementAndGet();
          return;
        }
        throw e;
      }
    }
  }
}
