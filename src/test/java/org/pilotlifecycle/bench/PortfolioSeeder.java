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
 */
final class PortfolioSeeder implements AutoCloseable {

  private static final int BATCH = 100;
  private static final String INSERT = "insert into pilot (pilot_key, name, business_unit, use_case_description,"
      + " framework, executive_owner, ai_product_owner, tech_lead, risk_compliance_owner, change_manager, line_manager,"
      + " affects_individuals, regulated_domain, processes_personal_data, autonomy, risk_tier, human_in_the_loop_required,"
      + " pilot_cost, projected_production_cost, status, current_step, step_entered_at, step_due_at,"
      + " process_instance_id, registered_by, registered_at, updated_at, version)"
      + " values (?, ?, ?, ?, 'FIVE_PHASE', ?, ?, ?, ?, ?, ?, false, false, false,"
      + " 'ADVISORY', 'LOW', false, 120000, 480000, 'ACTIVE', 'OUTCOME_DEFINITION', ?, ?, ?, 'paul', ?, ?, 0)";

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
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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
          Instant entered = due.minus(Duration.ofDays(21));
          insert.setString(1, key);
          insert.setString(2, "Seeded pilot " + i);
          insert.setString(3, businessUnit(i));
          insert.setString(4, "A seeded pilot of the benchmark's portfolio.");
          for (int f = 0; f < 6; f++) {
            insert.setString(5 + f, people[f]);
          }
          insert.setTimestamp(11, Timestamp.from(entered));
          insert.setTimestamp(12, Timestamp.from(due));
          insert.setString(13, instanceId);
          insert.setTimestamp(14, Timestamp.from(entered));
          insert.setTimestamp(15, Timestamp.from(now));
          insert.addBatch();
        }
        insert.executeBatch();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
