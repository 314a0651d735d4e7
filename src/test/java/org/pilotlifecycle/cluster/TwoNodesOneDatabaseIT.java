package org.pilotlifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.PostgresTestDatabase;

/**
 * The engine's own clustering: two nodes of the packaged application on one PostgreSQL database,
 * started at the same moment on an empty database. They deploy each resource once, and when 1,000
 * phase timers fall due together, both nodes execute them and each fires exactly once: one
 * escalation task, one audit entry and one mail per pilot.
 */
class TwoNodesOneDatabaseIT {

  static final int TIMERS = Integer.getInteger("pilot.cluster.timers", 1000);
  static final String PHASE_1_TIMER = "Timer_Phase1Overdue";
  static final String ESCALATION_TASK = "Task_DecideOnOverduePhase";

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.requireServer();
  }

  @Test
  void twoNodesStartTogetherDeployOnceAndFireEachDueTimerExactlyOnce() throws Exception {
    String url = PostgresTestDatabase.freshDatabase("pilot_lifecycle_cluster");
    Database db = new Database(url);
    try (ApplicationNode a = new ApplicationNode("node-a", url).launch();
         ApplicationNode b = new ApplicationNode("node-b", url).launch()) {
      a.awaitReady(Duration.ofMinutes(3));
      b.awaitReady(Duration.ofMinutes(3));
      List<ApplicationNode> nodes = List.of(a, b);

      long deployments = db.count("select count(*) from act_re_deployment");
      long resources = db.count("select count(*) from act_ge_bytearray where deployment_id_ is not null");
      long duplicateResources = db.count("select count(*) from (select name_ from act_ge_bytearray"
          + " where deployment_id_ is not null group by name_ having count(*) > 1) d");
      long laterVersions = db.count("select (select count(*) from act_re_procdef where version_ > 1)"
          + " + (select count(*) from act_re_decision_def where version_ > 1)"
          + " + (select count(*) from act_re_camformdef where version_ > 1)");
      long duplicateFilters = db.count("select count(*) from (select name_ from act_ru_filter group by name_"
          + " having count(*) > 1) d");
      Counts.report("cluster start-up: 2 nodes, %d deployment(s), %d resources, %d duplicate resource(s),"
          + " %d later version(s), %d duplicate filter(s)%n", deployments, resources, duplicateResources, laterVersions,
          duplicateFilters);
      assertThat(deployments).as("one deployment for both nodes").isOne();
      assertThat(duplicateResources).isZero();
      assertThat(laterVersions).isZero();
      assertThat(duplicateFilters).isZero();

      List<String> keys = Portfolio.importPilots("CLUSTER", TIMERS, nodes);
      assertThat(Portfolio.confirmAll(nodes)).isEqualTo(TIMERS);
      assertThat(phase1Timers(db)).as("each pilot waits in phase 1 with its overdue timer").isEqualTo(TIMERS);

      // Phase 1 of every pilot runs over at the same moment.
      int due = db.update("update act_ru_job set duedate_ = now() - interval '1 second'"
          + " where handler_type_ = 'timer-transition' and handler_cfg_ like ?", PHASE_1_TIMER + "%");
      Instant dueAt = Instant.now();
      long escalations = awaitCount(db, "select count(*) from act_ru_task where task_def_key_ = ?", TIMERS,
          Duration.ofMinutes(5), ESCALATION_TASK);
      double drainSeconds = Duration.between(dueAt, Instant.now()).toMillis() / 1000.0;
      awaitCount(db, "select count(*) from act_ru_job where handler_cfg_ like ? and (duedate_ <= now()"
          + " or lock_owner_ is not null)", 0, Duration.ofMinutes(2), PHASE_1_TIMER + "%");

      escalations = db.count("select count(*) from act_ru_task where task_def_key_ = ?", ESCALATION_TASK);
      long duplicateTasks = db.count("select count(*) from (select proc_inst_id_ from act_ru_task where task_def_key_ = ?"
          + " group by proc_inst_id_ having count(*) > 1) d", ESCALATION_TASK);
      long overdueEntries = db.count("select count(*) from pilot_event where type = 'STEP_OVERDUE'");
      long duplicateEntries = db.count("select count(*) from (select pilot_id from pilot_event where type = 'STEP_OVERDUE'"
          + " group by pilot_id having count(*) > 1) d");
      long mails = db.count("select count(*) from mail_outbox where subject like 'Overdue: %'");
      long duplicateMails = db.count("select count(*) from (select subject from mail_outbox where subject like 'Overdue: %'"
          + " group by subject having count(*) > 1) d");
      List<String> firedByNode = db.strings("select hostname_ || '=' || count(*) from act_hi_job_log"
          + " where job_def_type_ = 'timer-transition' and job_state_ = 2 and act_id_ = ? group by hostname_ order by 1",
          PHASE_1_TIMER);
      long nextReminders = db.count("select count(*) from act_ru_job where handler_cfg_ like ?"
          + " and duedate_ > now() + interval '6 days'", PHASE_1_TIMER + "%");
      Counts.report("cluster timers: %d due, %d escalation tasks (%d duplicate), %d audit entries (%d duplicate),"
          + " %d mails (%d duplicate), fired by %s, %d next reminders armed, drained in %.1f s%n", due, escalations,
          duplicateTasks, overdueEntries, duplicateEntries, mails, duplicateMails, firedByNode, nextReminders,
          drainSeconds);

      assertThat(due).isEqualTo(TIMERS);
      assertThat(escalations).isEqualTo(TIMERS);
      assertThat(duplicateTasks).isZero();
      assertThat(overdueEntries).isEqualTo(TIMERS);
      assertThat(duplicateEntries).isZero();
      assertThat(mails).isEqualTo(TIMERS);
      assertThat(duplicateMails).isZero();
      assertThat(nextReminders).as("each cycle timer re-armed once for its next reminder").isEqualTo(TIMERS);
      assertThat(firedByNode).as("both nodes executed timers").hasSize(2)
          .anySatisfy(n -> assertThat(n).startsWith("node-a=")).anySatisfy(n -> assertThat(n).startsWith("node-b="));
      assertThat(firedByNode.stream().mapToLong(n -> Long.parseLong(n.substring(n.indexOf('=') + 1))).sum())
          .as("timer executions in total").isEqualTo(TIMERS);
      assertThat(keys).hasSize(TIMERS);
    }
  }

  static long phase1Timers(Database db) {
    return db.count("select count(*) from act_ru_job where handler_type_ = 'timer-transition' and handler_cfg_ like ?",
        PHASE_1_TIMER + "%");
  }

  /**
   * Polls the database (the nodes' job executors do the work) until the count is reached, overshoots it or
   * time is up.
   */
  static long awaitCount(Database db, String sql, long expected, Duration timeout, Object... parameters) {
    Instant deadline = Instant.now().plus(timeout);
    long count = db.count(sql, parameters);
    while (count != expected && !(expected > 0 && count > expected) && Instant.now().isBefore(deadline)) {
      ApplicationNode.pause(Duration.ofMillis(200));
      count = db.count(sql, parameters);
    }
    return count;
  }
}
