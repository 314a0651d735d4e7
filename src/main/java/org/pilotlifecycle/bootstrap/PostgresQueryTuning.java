package org.pilotlifecycle.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, what the engine's own schema lacks for this application's shape, created once the engine has
 * created its tables (idempotent; each measured in docs/benchmark.md):
 * <ul>
 *   <li>statistics on the permission bits the engine's task query tests ({@code PERMS_ & 2 = 2}). Without them
 *       PostgreSQL estimates a handful of matching authorizations where every open task has one, and joins every
 *       task with every authorization: a task query grows with the square of the open tasks;</li>
 *   <li>an index on the jobs' due date ({@code pilot_idx_job_duedate}). Every pilot waits with an overdue timer,
 *       so {@code ACT_RU_JOB} holds a job per pilot, and the job executor's acquisition query, run every few
 *       seconds on every node, scanned all of them: 24 ms at 100k pilots (460 ms with PostgreSQL's JIT), 0.06 ms
 *       with the index.</li>
 * </ul>
 * A failure is logged, not fatal: the engine works without them, only slower.
 */
@Component
public class PostgresQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresQueryTuning.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(config.getDatabaseType())) {
      return;
    }
    try (Connection connection = config.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create statistics if not exists pilot_auth_perms_read on ((perms_ & 2)) from act_ru_authorization");
      statement.execute("create statistics if not exists pilot_auth_perms_read_task on ((perms_ & 64)) from act_ru_authorization");
      statement.execute("create index if not exists pilot_idx_job_duedate on act_ru_job (duedate_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("Could not create the statistics and indexes of the engine's queries: {}", e.getMessage());
    }
  }
}
