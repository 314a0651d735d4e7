package org.pilotlifecycle.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Nodes of a cluster start one after the other on PostgreSQL. The first plugin takes a session-level
 * advisory lock before the engine creates or checks its schema; the last one releases it after every
 * other plugin has deployed the models and created the groups, users, grants and Tasklist filters. A
 * node starting at the same moment waits, then finds everything in place instead of creating it a
 * second time. A node that dies while holding the lock drops its connection, and with it the lock.
 */
@Configuration(proxyBeanMethods = false)
public class StartupLock {

  /** The advisory lock's key: "pilotlif" in ASCII. */
  static final long LOCK_KEY = 0x70696c6f746c6966L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection holder;

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  AbstractProcessEnginePlugin startupLockAcquire(DataSource dataSource) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire(dataSource);
      }
    };
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  AbstractProcessEnginePlugin startupLockRelease() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
      }
    };
  }

  synchronized void acquire(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long started = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
      }
      holder = connection;
      long waitedMs = (System.nanoTime() - started) / 1_000_000;
      if (waitedMs > 100) {
        LOG.info("Waited {} ms for another node to finish starting", waitedMs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
    }
  }

  synchronized void release() {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Releasing the start-up lock failed; it ends with the connection: {}", e.getMessage());
    } finally {
      holder = null;
    }
  }
}
