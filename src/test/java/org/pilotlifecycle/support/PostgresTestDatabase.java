package org.pilotlifecycle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the postgres-tagged tests run against: {@code PILOT_TEST_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD}, by default a local {@code pilot_lifecycle_test} database.
 * CI ({@code CI=true}) or {@code -Dpostgres.required=true} turns a missing server into a failure;
 * elsewhere the tests are skipped with the reason.
 */
public final class PostgresTestDatabase {

  private PostgresTestDatabase() {
  }

  public static String url() {
    return env("PILOT_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/pilot_lifecycle_test");
  }

  public static String user() {
    return env("PILOT_TEST_POSTGRES_USER", "pilot");
  }

  public static String password() {
    return env("PILOT_TEST_POSTGRES_PASSWORD", "pilot");
  }

  public static void requireServer() {
    try (Connection ignored = DriverManager.getConnection(url() + (url().contains("?") ? "&" : "?") + "connectTimeout=3",
        user(), password())) {
      // reachable
    } catch (SQLException e) {
      String reason = "No PostgreSQL at " + url() + " as " + user() + ": " + e.getMessage()
          + ". Start one (see README, 'Testing on PostgreSQL') or set PILOT_TEST_POSTGRES_URL.";
      if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("postgres.required")) {
        Assertions.fail(reason);
      }
      Assumptions.abort(reason);
    }
  }

  /** True when {@code -Dpilot.test.database=postgres}: the shared test context runs on PostgreSQL. */
  public static boolean selected() {
    return "postgres".equalsIgnoreCase(System.getProperty("pilot.test.database", "h2"));
  }

  private static final Map<String, String> FRESH = new ConcurrentHashMap<>();

  /**
   * Drops and creates the database {@code name} on the configured server, once per JVM, and returns
   * its JDBC URL: each run starts on an empty database whatever earlier runs left behind. Needs a user
   * with CREATEDB (CI creates it so; see README, 'Testing on PostgreSQL').
   */
  public static String freshDatabase(String name) {
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    return FRESH.computeIfAbsent(name, n -> {
      requireServer();
      try (Connection connection = DriverManager.getConnection(url(), user(), password());
           Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + n + " with (force)");
        statement.execute("create database " + n);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot create the test database " + n + " as " + user()
            + " (it needs CREATEDB): " + e.getMessage(), e);
      }
      return urlOf(n);
    });
  }

  /** The configured server's URL with another database name. */
  public static String urlOf(String database) {
    String url = url();
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
