package org.pilotlifecycle.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A digest of everything a request could record: the pilots (each row's version moves on every change),
 * their audit trail, the mail outbox, the machine tokens issued and revoked, and the engine's running tasks, variables, executions, jobs and
 * variable history. Plain SQL on lowercase table names, so it reads H2 and PostgreSQL alike, and whole
 * tables, so it also holds on a database that already has other tests' data. Two equal digests mean
 * nothing was recorded in between.
 */
public final class RecordedState {

  private static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("pilot", "select count(*), coalesce(sum(version), 0), coalesce(max(id), 0), max(updated_at) from pilot");
    QUERIES.put("pilot rows", "select coalesce(sum(version * (id % 9973 + 1)), 0), count(distinct status), "
        + "count(distinct current_step) from pilot");
    QUERIES.put("pilot_event", "select count(*), coalesce(max(id), 0) from pilot_event");
    QUERIES.put("monitoring_signal", "select count(*), coalesce(max(id), 0), count(handled_at) from monitoring_signal");
    QUERIES.put("kpi_measurement", "select count(*), coalesce(max(id), 0) from kpi_measurement");
    QUERIES.put("mail_outbox", "select count(*), coalesce(max(id), 0), coalesce(sum(attempts), 0), count(sent_at) "
        + "from mail_outbox");
    QUERIES.put("machine_token", "select count(*), count(revoked_at) from machine_token");
    QUERIES.put("act_ru_task", "select count(*), coalesce(sum(rev_), 0), count(assignee_) from act_ru_task");
    QUERIES.put("act_ru_variable", "select count(*), coalesce(sum(rev_), 0) from act_ru_variable");
    QUERIES.put("act_ru_execution", "select count(*), coalesce(sum(rev_), 0) from act_ru_execution");
    QUERIES.put("act_ru_job", "select count(*), coalesce(sum(rev_), 0) from act_ru_job");
    QUERIES.put("act_hi_varinst", "select count(*), coalesce(sum(rev_), 0) from act_hi_varinst");
    QUERIES.put("act_hi_procinst", "select count(*) from act_hi_procinst");
  }

  private RecordedState() {
  }

  /** Table (or aspect) to its digest, in a fixed order. */
  public static Map<String, String> of(JdbcTemplate jdbc) {
    Map<String, String> digest = new LinkedHashMap<>();
    QUERIES.forEach((name, sql) -> digest.put(name, jdbc.query(sql, rs -> {
      rs.next();
      StringBuilder row = new StringBuilder();
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        row.append(column > 1 ? "/" : "").append(rs.getString(column));
      }
      return row.toString();
    })));
    return digest;
  }
}
