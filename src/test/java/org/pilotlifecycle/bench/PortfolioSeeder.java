package org.pilotlifecycle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Seeds a large portfolio into the application's own database while the application runs, the way a second
 * node of a cluster would: a process engine in the benchmark's JVM (no job executor) starts each pilot's
 * five-phase process on the deployed diagram and writes its registry row in the same transaction, a hundred
 * pilots a transaction, several threads. Registering through the API (intake, confirmation, call activity)
 * costs about 25 ms a pilot on this machine: 100k pilots would take most of an hour. Each seeded pilot
 * waits at "Define success metric and baseline" (an open task for the AI product owners, with its
 * candidate-group authorization); one in ten is past its due date (stuck), by up to six days, so its
 * overdue timer fires once in the application, which creates the steering committee's escalation task.
 *
 * <p>The registry row, the audit trail, the KPI measurements and the monitoring signals follow
 * {@link PortfolioShape} (issue 19): pilots spread over the phases and stages of both frameworks, a tenth in
 * production, some stopped, retired, paused or on hold, with the audit rows of the steps they passed, so the portfolio
 * dashboard has real work. The processes are as before, so the task and stuck figures keep their meaning.
 */
final class PortfolioSeeder implements AutoCloseable {

  private static final int BATCH = 100;
  private static final String INSERT = "insert into pilot (pilot_key, name, business_unit, use_case_description,"
      + " framework, executive_owner, ai_product_owner, tech_lead, risk_compliance_owner, change_manager, line_manager,"
      + " affects_individuals, regulated_domain, processes_personal_data, autonomy, risk_tier, human_in_the_loop_required,"
      + " pilot_cost, projected_production_cost, status, current_step, step_entered_at, step_due_at,"
      + " process_instance_id, registered_by, registered_at, updated_at, version,"
      + " gate_passed_step, in_production_at, retired_at, time_in_production_seconds, recertification_due_at,"
      + " last_recertified_at, kpi_category, kpi_name, kpi_unit, kpi_baseline, kpi_target, measurement_method, annual_value,"
      + " status_reason, stop_root_cause, stop_root_cause_text, stopped_at, retirement_root_cause,"
      + " retirement_root_cause_text)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, false,"
      + " 'ADVISORY', 'LOW', false, 120000, 480000, ?, ?, ?, ?, ?, 'paul', ?, ?, 0,"
      + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT = "insert into pilot_event (pilot_id, occurred_at, type, step, name, actor,"
      + " outcome, reason, details) values ((select id from pilot where pilot_key = ?), ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_KPI = "insert into kpi_measurement (pilot_key, checkpoint, kind, kpi, unit, measured,"
      + " baseline, target, below_target, recorded_by, confirmed_by, measured_at)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sam', ?)";
  private static final String INSERT_SIGNAL = "insert into monitoring_signal (pilot_key, idempotency_key, type, severity,"
      + " source, description, received_at, received_by, status, handled_at, outcome)"
      + " values (?, ?, ?, ?, 'seeded-monitoring', 'A seeded monitoring signal', ?, 'svc-monitoring', ?, ?, ?)";

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;
  private final Map<String, Instant> dueDates = new ConcurrentHashMap<>();
  private int seeded;

  /**
   * Who the seeded pilots name (issue 18, "the shape users have"): 100 AI product owners, of whom the busiest
   * ({@link #BUSIEST}) owns one pilot in twenty and the others share the rest evenly ({@link #TYPICAL} is one of
   * them); 50 executive owners, 100 tech leads, 20 risk owners, 30 change managers; twelve business units of
   * different sizes. With {@code -Dpilot.bench.people=group} the processes name nobody, so every task waits for
   * the role's group: the old worst case of one group owning every task.
   */
  static final String BUSIEST = "product000";
  static final String TYPICAL = "product042";
  /** An executive owner as any other: named executive owner of one pilot in fifty and line manager of another. */
  static final String TYPICAL_EXECUTIVE = "exec21";
  static final boolean NAMED = !"group".equals(BenchSettings.value("people", "named"));

  private final boolean named;

  PortfolioSeeder(BenchSettings settings, String database) {
    this.dataSource = NoOpEngine.dataSource(settings, database, 8);
    this.engine = NoOpEngine.build("bench-seeder", dataSource, NoOpEngine.beans(dueDates::get), false, "false");
    this.named = NAMED;
    createPeople();
  }

  /** The named people of pilot i: executive owner, AI product owner, tech lead, risk owner, change manager, line manager. */
  static String[] people(int i) {
    String productOwner = i % 20 == 0 ? BUSIEST : String.format("product%03d", 1 + i % 99);
    return new String[] {String.format("exec%02d", i % 50), productOwner, String.format("tech%03d", i % 100),
        String.format("risk%02d", i % 20), String.format("change%02d", i % 30), String.format("exec%02d", (i + 7) % 50)};
  }

  /** Business units of different sizes: the largest has about a third of the pilots, the smallest 1 %. */
  static String businessUnit(int i) {
    int[] sizes = {33, 20, 12, 9, 7, 5, 4, 3, 3, 2, 1, 1};
    int slot = i % 100;
    for (int unit = 0; unit < sizes.length; unit++) {
      if (slot < sizes[unit]) {
        return "Business unit " + unit;
      }
      slot -= sizes[unit];
    }
    return "Business unit 0";
  }

  private void createPeople() {
    var identity = engine.getIdentityService();
    createAll(identity, "exec%02d", 50, "business-owner");
    createAll(identity, "product%03d", 100, "ai-product-owner");
    createAll(identity, "tech%03d", 100, "tech-lead");
    createAll(identity, "risk%02d", 20, "risk-compliance");
    createAll(identity, "change%02d", 30, "change-manager");
  }

  private static void createAll(org.camunda.bpm.engine.IdentityService identity, String pattern, int count,
      String group) {
    for (int n = 0; n < count; n++) {
      String id = String.format(pattern, n);
      if (identity.createUserQuery().userId(id).count() == 0) {
        var user = identity.newUser(id);
        user.setFirstName("Seeded");
        user.setLastName(id);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, group);
      }
    }
  }

  int seeded() {
    return seeded;
  }

  /** Seeds pilots until there are {@code total}; returns the seconds it took. */
  double seedUpTo(int total, int threads) throws Exception {
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger(seeded);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int from = next.getAndAdd(BATCH); from < total; from = next.getAndAdd(BATCH)) {
            seedBatch(from, Math.min(from + BATCH, total));
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    seeded = total;
    return (System.nanoTime() - started) / 1e9;
  }

  static String key(int i) {
    return String.format("SEED-%06d", i);
  }

  /** Every tenth pilot is stuck: due between one hour and six days ago. */
  static boolean stuck(int i) {
    return i % 10 == 0;
  }

  private void seedBatch(int from, int to) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Instant now = Instant.now();
    config.getCommandExecutorTxRequired().execute((Command<Void>) commandContext -> {
      Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement insert = connection.prepareStatement(INSERT);
          PreparedStatement event = connection.prepareStatement(INSERT_EVENT);
          PreparedStatement kpi = connection.prepareStatement(INSERT_KPI);
          PreparedStatement signal = connection.prepareStatement(INSERT_SIGNAL)) {
        for (int i = from; i < to; i++) {
          String key = key(i);
          Instant due = stuck(i) ? now.minus(Duration.ofMinutes(60 + (i * 7919L) % (6 * 24 * 60 - 60)))
              : now.plus(Duration.ofMinutes(60 + (i * 7919L) % (21 * 24 * 60)));
          dueDates.put(key, due);
          String[] people = people(i);
          java.util.Map<String, Object> variables = NoOpEngine.registrationVariables(key);
          String[] fields = {"executiveOwner", "aiProductOwner", "techLead", "riskComplianceOwner", "changeManager",
              "lineManager"};
          for (int f = 0; f < fields.length; f++) {
            if (named) {
              variables.put(fields[f], people[f]);
            } else {
              variables.remove(fields[f]);
            }
          }
          String instanceId = engine.getRuntimeService().startProcessInstanceByKey("FivePhaseOperationalization", key,
              variables).getId();
          dueDates.remove(key);
          PortfolioShape shape = new PortfolioShape(i, now, due, people);
          int c = 1;
          insert.setString(c++, key);
          insert.setString(c++, "Seeded pilot " + i);
          insert.setString(c++, businessUnit(i));
          insert.setString(c++, "A seeded pilot of the benchmark's portfolio.");
          insert.setString(c++, shape.framework.name());
          for (int f = 0; f < 6; f++) {
            insert.setString(c++, people[f]);
          }
          insert.setString(c++, shape.status);
          insert.setString(c++, shape.currentStep);
          insert.setTimestamp(c++, Timestamp.from(shape.stepEnteredAt));
          insert.setTimestamp(c++, timestamp(shape.stepDueAt));
          insert.setString(c++, instanceId);
          insert.setTimestamp(c++, Timestamp.from(shape.registeredAt));
          insert.setTimestamp(c++, Timestamp.from(now));
          insert.setString(c++, shape.gatePassedStep);
          insert.setTimestamp(c++, timestamp(shape.inProductionAt));
          insert.setTimestamp(c++, timestamp(shape.retiredAt));
          insert.setObject(c++, shape.timeInProductionSeconds, java.sql.Types.BIGINT);
          insert.setTimestamp(c++, timestamp(shape.recertificationDueAt));
          insert.setTimestamp(c++, timestamp(shape.lastRecertifiedAt));
          boolean metric = shape.successMetric;
          insert.setString(c++, metric ? shape.kpiCategory : null);
          insert.setString(c++, metric ? shape.kpiName : null);
          insert.setString(c++, metric ? shape.kpiUnit : null);
          insert.setBigDecimal(c++, metric ? shape.kpiBaseline : null);
          insert.setBigDecimal(c++, metric ? shape.kpiTarget : null);
          insert.setString(c++, metric ? "Monthly sample of 200 cases against the baseline quarter" : null);
          insert.setBigDecimal(c++, metric ? shape.annualValue : null);
          insert.setString(c++, shape.statusReason);
          insert.setString(c++, shape.stopRootCause);
          insert.setString(c++, shape.stopRootCause == null ? null : shape.rootCauseText);
          insert.setTimestamp(c++, timestamp(shape.stoppedAt));
          insert.setString(c++, shape.retirementRootCause);
          insert.setString(c++, shape.retirementRootCause == null ? null : shape.rootCauseText);
          insert.addBatch();
          for (PortfolioShape.Event e : shape.events) {
            event.setString(1, key);
            event.setTimestamp(2, Timestamp.from(e.at()));
            event.setString(3, e.type());
            event.setString(4, e.step());
            event.setString(5, e.name());
            event.setString(6, e.actor());
            event.setString(7, e.outcome());
            event.setString(8, e.reason());
            event.setString(9, e.details());
            event.addBatch();
          }
          for (PortfolioShape.Measurement m : shape.measurements) {
            kpi.setString(1, key);
            kpi.setString(2, m.checkpoint());
            kpi.setString(3, m.kind());
            kpi.setString(4, m.kpi());
            kpi.setString(5, m.unit());
            kpi.setBigDecimal(6, m.measured());
            kpi.setBigDecimal(7, m.baseline());
            kpi.setBigDecimal(8, m.target());
            kpi.setBoolean(9, m.belowTarget());
            kpi.setString(10, people[1]);
            kpi.setTimestamp(11, Timestamp.from(m.at()));
            kpi.addBatch();
          }
          for (PortfolioShape.Signal s : shape.signals) {
            signal.setString(1, key);
            signal.setString(2, s.key());
            signal.setString(3, s.type());
            signal.setString(4, s.severity());
            signal.setTimestamp(5, Timestamp.from(s.receivedAt()));
            signal.setString(6, s.open() ? "OPEN" : "HANDLED");
            signal.setTimestamp(7, s.open() ? null : Timestamp.from(s.receivedAt().plus(Duration.ofHours(30))));
            signal.setString(8, s.outcome());
            signal.addBatch();
          }
        }
        insert.executeBatch();
        event.executeBatch();
        kpi.executeBatch();
        signal.executeBatch();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
