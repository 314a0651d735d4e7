package org.pilotlifecycle.reporting.portfolio;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewer;
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

  private final EntityManager entityManager;
  private final PilotRegistry registry;

  PortfolioPilots(EntityManager entityManager, PilotRegistry registry) {
    this.entityManager = entityManager;
    this.registry = registry;
  }

  /** In the registry's order (registered, then key); of one business unit when not null or blank. */
  List<PortfolioPilot> visible(String businessUnit, Viewer viewer) {
    if (!viewer.seesAll()) {
      return registry.portfolio(businessUnit, viewer).stream().map(PortfolioPilot::of).toList();
    }
    String unit = businessUnit == null || businessUnit.isBlank() ? null : businessUnit;
    TypedQuery<Object[]> query = entityManager.createQuery("select p.id, p.key, p.name, p.businessUnit, p.framework,"
        + " p.status, p.currentStep, p.registeredAt, p.inProductionAt, p.retiredAt, p.recertificationDueAt,"
        + " p.kpiCategory, p.kpiName, p.kpiUnit, p.kpiBaseline, p.kpiTarget, p.measurementMethod, p.annualValue,"
        + " p.lineManager from Pilot p" + (unit == null ? "" : " where p.businessUnit = :businessUnit")
        + " order by p.registeredAt, p.key", Object[].class);
    if (unit != null) {
      query.setParameter("businessUnit", unit);
    }
    return query.getResultList().stream().map(row -> new PortfolioPilot((Long) row[0], (String) row[1],
        (String) row[2], (String) row[3], (org.pilotlifecycle.framework.Framework) row[4],
        (org.pilotlifecycle.pilot.PilotStatus) row[5], (String) row[6], (java.time.Instant) row[7],
        (java.time.Instant) row[8], (java.time.Instant) row[9], (java.time.Instant) row[10],
        PortfolioPilot.successMetric((String) row[11], (String) row[12], (String) row[13], (java.math.BigDecimal) row[14],
            (java.math.BigDecimal) row[15], (String) row[16], (java.math.BigDecimal) row[17], (String) row[18])))
        .toList();
  }
}
