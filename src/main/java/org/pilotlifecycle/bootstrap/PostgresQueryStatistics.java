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
 * On PostgreSQL, statistics on the permission bits the engine's task query tests ({@code PERMS_ & 2 = 2}),
 * created once the engine has created its tables. Without them PostgreSQL estimates a handful of matching
 * authorizations where every open task has one (the candidate group's), and joins every task with every
 * authorization: a task query grows with the square of the open tasks. With them it probes the
 * authorization index once per task (see docs/benchmark.md).
 */
@Component
public class PostgresQueryStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresQueryStatistics.class);

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
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("Could not create the task query's statistics on act_ru_authorization: {}", e.getMessage());
    }
  }
}
