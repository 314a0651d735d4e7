package org.pilotlifecycle.reporting.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.framework.Framework;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * What the portfolio reads of the audit trail (issue 19, "the dashboards stay fast"): each pilot's timeline of phase
 * or stage starts and production (time in step), the number of gate sign-offs approved, and which pilots had their
 * MLOps verified and their governance gate approved (maturity). Only those entries, and of them only the pilot, type,
 * step and time: every entry of the four types with all its columns, the evidence snapshot (details, about a kilobyte
 * for a gate decision) included, was most of the portfolio's time at 10k pilots (about 90,000 entries).
 *
 * <p>Which pilots: for a viewer who sees every pilot, the portfolio's filter itself, in the query (a business unit, a
 * framework, or none); for anyone else, their pilots' ids, {@value #IDS_PER_QUERY} a query.
 */
@Component
class PortfolioEvents {

  /** Ids per query: well below PostgreSQL's limit of bind parameters in one statement. */
  static final int IDS_PER_QUERY = 1000;

  private static final List<String> MLOPS_CHECKS = List.of("MLOPS_CAPABILITY", "PRODUCTION_READINESS");
  private static final List<String> GOVERNANCE_STEPS = List.of("GOVERNANCE_AND_RISK_CONTROLS", "ENTERPRISE_SCALE");

  /** A phase or stage start (type STEP_STARTED, the step's own, not a named one) or production reached (IN_PRODUCTION). */
  record TimelineEntry(long pilotId, AuditEntryType type, String step, Instant occurredAt) {

    /** Per pilot, in the order it happened (the trail's order: time, then id). */
    static final java.util.Comparator<Object[]> ORDER = java.util.Comparator.<Object[], Long>comparing(row -> (Long) row[0])
        .thenComparing(row -> (Instant) row[3]).thenComparing(row -> (Long) row[4]);
  }

  /**
   * @param timeline per pilot (ascending ids) in the order it happened
   * @param approvedGates gate sign-offs approved, of every pilot in scope
   * @param mlopsVerified the pilots with a passed MLOps capability or production readiness check
   * @param governed the pilots with an approved governance (or enterprise scale) gate
   */
  record AuditFacts(List<TimelineEntry> timeline, long approvedGates, Set<Long> mlopsVerified, Set<Long> governed) {

    /** The same facts read from audit entries in memory (tests). */
    static AuditFacts of(Collection<AuditEntry> events) {
      List<TimelineEntry> timeline = events.stream()
          .filter(e -> (e.getType() == AuditEntryType.STEP_STARTED && e.getName() == null)
              || e.getType() == AuditEntryType.IN_PRODUCTION)
          .map(e -> new TimelineEntry(e.getPilotId(), e.getType(), e.getStep(), e.getOccurredAt()))
          .toList();
      long approved = events.stream().filter(e -> e.getType() == AuditEntryType.GATE_DECISION
          && "APPROVED".equals(e.getOutcome())).count();
      Set<Long> mlops = new HashSet<>();
      Set<Long> governed = new HashSet<>();
      for (AuditEntry e : events) {
        if (e.getType() == AuditEntryType.CHECK && "PASSED".equals(e.getOutcome()) && MLOPS_CHECKS.contains(e.getName())) {
          mlops.add(e.getPilotId());
        }
        if (e.getType() == AuditEntryType.GATE_DECISION && "APPROVED".equals(e.getOutcome())
            && GOVERNANCE_STEPS.contains(e.getStep())) {
          governed.add(e.getPilotId());
        }
      }
      return new AuditFacts(timeline, approved, mlops, governed);
    }
  }

  private final JdbcTemplate jdbc;

  PortfolioEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One pass over the trail: the timeline entries, the approved gates, the passed MLOps checks; nothing else.
   *
   * @param seesAll whether the pilots are every pilot of the business unit and framework (a viewer who sees all);
   *     then {@code pilotIds} is not read
   * @param businessUnit null or blank for every business unit
   * @param framework null for both
   * @param pilotIds the pilots' ids (read when not {@code seesAll})
   */
  AuditFacts of(boolean seesAll, String businessUnit, Framework framework, Collection<Long> pilotIds) {
    String unit = businessUnit == null || businessUnit.isBlank() ? null : businessUnit;
    List<Object[]> rows = new ArrayList<>();
    if (seesAll) {
      List<Object> arguments = new ArrayList<>();
      String scope = "";
      if (unit != null || framework != null) {
        scope = " and pilot_id in (select id from pilot where"
            + (unit == null ? "" : " business_unit = ?") + (unit != null && framework != null ? " and" : "")
            + (framework == null ? "" : " framework = ?") + ")";
        if (unit != null) {
          arguments.add(unit);
        }
        if (framework != null) {
          arguments.add(framework.name());
        }
      }
      rows.addAll(jdbc.query(SELECT + scope + ")", ROW, arguments.toArray()));
    } else {
      for (List<Long> ids : chunks(pilotIds)) {
        rows.addAll(jdbc.query(SELECT + " and pilot_id in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
            + "))", ROW, ids.toArray()));
      }
    }
    List<TimelineEntry> timeline = new ArrayList<>();
    long approved = 0;
    Set<Long> mlops = new HashSet<>();
    Set<Long> governed = new HashSet<>();
    // Sorted here rather than by the database: of the rows only the timeline's need an order, and PostgreSQL's sort
    // of them all spilled to disk at 10k pilots.
    List<Object[]> timelineRows = new ArrayList<>();
    for (Object[] row : rows) {
      Long pilotId = (Long) row[0];
      AuditEntryType type = (AuditEntryType) row[1];
      String step = (String) row[2];
      if (type == AuditEntryType.GATE_DECISION) {
        approved++;
        if (GOVERNANCE_STEPS.contains(step)) {
          governed.add(pilotId);
        }
      } else if (type == AuditEntryType.CHECK) {
        mlops.add(pilotId);
      } else {
        timelineRows.add(row);
      }
    }
    timelineRows.sort(TimelineEntry.ORDER);
    for (Object[] row : timelineRows) {
      timeline.add(new TimelineEntry((Long) row[0], (AuditEntryType) row[1], (String) row[2], (Instant) row[3]));
    }
    return new AuditFacts(timeline, approved, mlops, governed);
  }

  /**
   * The entries the facts rest on: their pilot, type, step, time and id only, in no order (ends with an open
   * parenthesis for the scope). Plain JDBC: at 10k pilots Hibernate's handling of 43,000 rows cost more than the
   * database's answer.
   */
  private static final String SELECT = "select pilot_id, type, step, occurred_at, id from pilot_event"
      + " where (((type = 'STEP_STARTED' and name is null) or type = 'IN_PRODUCTION'"
      + " or (type = 'GATE_DECISION' and outcome = 'APPROVED')"
      + " or (type = 'CHECK' and outcome = 'PASSED' and name in ('MLOPS_CAPABILITY', 'PRODUCTION_READINESS')))";

  private static final RowMapper<Object[]> ROW = (rs, n) -> new Object[] {rs.getLong(1),
      AuditEntryType.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getLong(5)};

  /** Ascending, so that the timelines come per pilot in the order of their ids whatever the chunks. */
  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = ids.stream().sorted().toList();
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
    }
    return chunks;
  }
}
