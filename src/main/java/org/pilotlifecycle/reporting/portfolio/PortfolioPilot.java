package org.pilotlifecycle.reporting.portfolio;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.SuccessMetric;

/**
 * What the portfolio reads of a pilot (issue 19): a dozen of the registry's fifty columns, read as values rather than
 * as managed entities (see {@link PortfolioPilots}). The getters are the {@link Pilot}'s own.
 */
final class PortfolioPilot {

  private final long id;
  private final String key;
  private final String name;
  private final String businessUnit;
  private final Framework framework;
  private final PilotStatus status;
  private final String currentStep;
  private final Instant registeredAt;
  private final Instant inProductionAt;
  private final Instant retiredAt;
  private final Instant recertificationDueAt;
  private final SuccessMetric successMetric;

  PortfolioPilot(long id, String key, String name, String businessUnit, Framework framework, PilotStatus status,
      String currentStep, Instant registeredAt, Instant inProductionAt, Instant retiredAt, Instant recertificationDueAt,
      SuccessMetric successMetric) {
    this.id = id;
    this.key = key;
    this.name = name;
    this.businessUnit = businessUnit;
    this.framework = framework;
    this.status = status;
    this.currentStep = currentStep;
    this.registeredAt = registeredAt;
    this.inProductionAt = inProductionAt;
    this.retiredAt = retiredAt;
    this.recertificationDueAt = recertificationDueAt;
    this.successMetric = successMetric;
  }

  static PortfolioPilot of(Pilot pilot) {
    return new PortfolioPilot(pilot.getId(), pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(),
        pilot.getFramework(), pilot.getStatus(), pilot.getCurrentStep(), pilot.getRegisteredAt(),
        pilot.getInProductionAt(), pilot.getRetiredAt(), pilot.getRecertificationDueAt(), pilot.getSuccessMetric());
  }

  /** As {@link Pilot#getSuccessMetric()}: none without a KPI name. */
  static SuccessMetric successMetric(String category, String name, String unit, BigDecimal baseline, BigDecimal target,
      String measurementMethod, BigDecimal annualValue, String lineManager) {
    return name == null ? null
        : new SuccessMetric(category, name, unit, baseline, target, measurementMethod, annualValue, lineManager);
  }

  long getId() {
    return id;
  }

  String getKey() {
    return key;
  }

  String getName() {
    return name;
  }

  String getBusinessUnit() {
    return businessUnit;
  }

  Framework getFramework() {
    return framework;
  }

  PilotStatus getStatus() {
    return status;
  }

  String getCurrentStep() {
    return currentStep;
  }

  Instant getRegisteredAt() {
    return registeredAt;
  }

  Instant getInProductionAt() {
    return inProductionAt;
  }

  Instant getRetiredAt() {
    return retiredAt;
  }

  Instant getRecertificationDueAt() {
    return recertificationDueAt;
  }

  SuccessMetric getSuccessMetric() {
    return successMetric;
  }

  /** As {@link Pilot#timeToProduction()}. */
  Duration timeToProduction() {
    return inProductionAt == null ? null : Duration.between(registeredAt, inProductionAt);
  }

  /** As {@link Pilot#inOperation()}. */
  boolean inOperation() {
    return status == PilotStatus.IN_PRODUCTION || status == PilotStatus.PAUSED;
  }
}
