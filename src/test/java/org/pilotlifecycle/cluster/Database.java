package org.pilotlifecycle.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.pilotlifecycle.support.PostgresTestDatabase;

/** Plain JDBC on the nodes' database: what the tests read behind the application's back. */
final class Database {

  private final String url;

  Database(String url) {
    this.url = url;
  }

  long count(String sql, Object... parameters) {
    List<String> rows = strings(sql, parameters);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0));
  }

  /** The first column of every row, as text. */
  List<String> strings(String sql, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
         ResultSet result = statement.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  int update(String sql, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
