package org.pilotlifecycle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
