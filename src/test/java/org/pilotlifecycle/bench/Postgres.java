package org.pilotlifecycle.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PostgreSQL server the benchmark runs against: its own bench_* databases, and counters to explain costs. */
final class Postgres {

  private final BenchSettings settings;

  Postgres(BenchSettings settings) {
    this.settings = settings;
  }

  /** Drops and creates a database owned by the benchmark's user. */
  void recreate(String database) {
    if (!database.startsWith("bench_")) {
      throw new IllegalArgumentException("The benchmark only touches bench_* databases: " + database);
    }
    try (Connection c = superConnection("postgres"); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database + " owner " + settings.user());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database + " on " + settings.host() + ":"
          + settings.port() + " as " + settings.superUser(), e);
    }
  }

  Connection superConnection(String database) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(database), settings.superUser(), settings.superPassword());
  }

  Connection connection(String database) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(database), settings.user(), settings.password());
  }

  long queryLong(String database, String sql) {
    try (Connection c = connection(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  int update(String database, String sql) {
    try (Connection c = connection(database); Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void analyze(String database) {
    try (Connection c = superConnection(database); Statement s = c.createStatement()) {
      s.execute("analyze");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String serverVersion() {
    try (Connection c = superConnection("postgres"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show server_version")) {
      r.next();
      return r.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counters of one database, to be subtracted: transactions and rows read and written, per table too. */
  record Counters(Map<String, Long> database, Map<String, long[]> tables) {

    /** Per unit of work (e.g. per step): the database's deltas and the tables that take the most writes. */
    Map<String, Object> perUnit(Counters before, double units) {
      Map<String, Object> out = new LinkedHashMap<>();
      database.forEach((name, value) -> out.put(name, round((value - before.database.getOrDefault(name, 0L)) / units)));
      List<Map.Entry<String, long[]>> deltas = new ArrayList<>();
      tables.forEach((table, v) -> {
        long[] b = before.tables.getOrDefault(table, new long[v.length]);
        long[] d = new long[v.length];
        for (int i = 0; i < v.length; i++) {
          d[i] = v[i] - b[i];
        }
        deltas.add(Map.entry(table, d));
      });
      deltas.sort((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1] + b.getValue()[2],
          a.getValue()[0] + a.getValue()[1] + a.getValue()[2]));
      Map<String, Object> top = new LinkedHashMap<>();
      deltas.stream().limit(12).filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0).forEach(e ->
          top.put(e.getKey(), Map.of("inserts", round(e.getValue()[0] / units), "updates", round(e.getValue()[1] / units),
              "deletes", round(e.getValue()[2] / units), "indexScans", round(e.getValue()[3] / units),
              "seqScans", round(e.getValue()[4] / units))));
      out.put("rowWritesByTable", top);
      return out;
    }

    private static double round(double value) {
      return Math.round(value * 10) / 10.0;
    }
  }

  Counters counters(String database) {
    Map<String, Long> db = new LinkedHashMap<>();
    Map<String, long[]> tables = new LinkedHashMap<>();
    try (Connection c = superConnection(database); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet r = s.executeQuery("select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted,"
          + " tup_updated, tup_deleted, blks_hit, blks_read from pg_stat_database where datname = current_database()")) {
        r.next();
        for (String name : List.of("xact_commit", "xact_rollback", "tup_returned", "tup_fetched", "tup_inserted",
            "tup_updated", "tup_deleted", "blks_hit", "blks_read")) {
          db.put(name, r.getLong(name));
        }
      }
      try (ResultSet r = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0),"
          + " coalesce(seq_scan, 0) from pg_stat_user_tables")) {
        while (r.next()) {
          tables.put(r.getString(1).toLowerCase(),
              new long[] {r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Counters(db, tables);
  }

  /** The statistics collector reports with a delay: wait until it has caught up. */
  static void settle() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
