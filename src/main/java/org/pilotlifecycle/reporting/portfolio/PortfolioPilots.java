package org.pilotlifecycle.reporting.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pilots of the portfolio a viewer sees (issue 19, "the dashboards stay fast"). A viewer who sees every pilot (the
 * oversight roles) reads the columns the portfolio needs of every pilot of the business unit, as values: at 10k pilots
 * reading every pilot as a managed entity, fifty columns each, was the larger part of the portfolio's time. Anyone
 * else reads their pilots through the registry's visibility rule ({@link PilotRegistry#portfolio}), a few hundred at
 * most.
 */
@Component
class PortfolioPilots {

  private final JdbcTemplate jdbc;
  private final PilotRegistry registry;

  PortfolioPilots(JdbcTemplate jdbc, PilotRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
  }

  /** In the registry's order (registered, then key); of one business unit when not null or blank. */
  List<PortfolioPilot> visible(String businessUnit, Viewer viewer) {
    if (!viewer.seesAll()) {
      return registry.portfolio(businessUnit, viewer).stream().map(PortfolioPilot::of).toList();
    }
    String unit = businessUnit == null || businessUnit.isBlank() ? null : businessUnit;
    // Plain JDBC: at 10k pilots Hibernate's handling of the rows cost more than the database's answer.
    return jdbc.query("select id, pilot_key, name, business_unit, framework, status, current_step, registered_at,"
        + " in_production_at, retired_at, recertification_due_at, kpi_category, kpi_name, kpi_unit, kpi_baseline,"
        + " kpi_target, measurement_method, annual_value, line_manager from pilot"
        + (unit == null ? "" : " where business_unit = ?") + " order by registered_at, pilot_key",
        (rs, n) -> new PortfolioPilot(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Framework.valueOf(rs.getString(5)), PilotStatus.valueOf(rs.getString(6)), rs.getString(7), instant(rs, 8),
            instant(rs, 9), instant(rs, 10), instant(rs, 11),
            PortfolioPilot.successMetric(rs.getString(12), rs.getString(13), rs.getString(14), rs.getBigDecimal(15),
                rs.getBigDecimal(16), rs.getString(17), rs.getBigDecimal(18), rs.getString(19))),
        unit == null ? new Object[0] : new Object[] {unit});
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
