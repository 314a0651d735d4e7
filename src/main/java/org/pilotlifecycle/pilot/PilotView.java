package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.StepDurations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A pilot as the API shows it. */
public record PilotView(
    String key,
    String name,
    String businessUnit,
    String useCaseDescription,
    Framework framework,
    People people,
    RiskProfile risk,
    CostModel cost,
    PilotStatus status,
    String statusReason,
    StopRootCause stopRootCause,
    RetirementRootCause retirementRootCause,
    String currentStep,
    Instant stepEnteredAt,
    Instant stepDueAt,
    String processInstanceId,
    String registeredBy,
    Instant registeredAt,
    Instant updatedAt,
    Instant inProductionAt,
    SuccessMetric successMetric,
    Map<String, Integer> stepDurationsDays,
    List<CheckOutcomes.CheckOutcome> checks,
    Production production) {

  /**
   * In production: when the next re-certification is due and when it was last re-certified; once retired, when and
   * after how many days in production. Null before production.
   */
  public record Production(Instant recertificationDueAt, Instant lastRecertifiedAt, Instant retiredAt,
      Double timeInProductionDays) {

    static Production of(Pilot pilot) {
      if (pilot.getInProductionAt() == null) {
        return null;
      }
      return new Production(pilot.getRecertificationDueAt(), pilot.getLastRecertifiedAt(), pilot.getRetiredAt(),
          pilot.timeInProduction() == null ? null : pilot.timeInProduction().toHours() / 24.0);
    }
  }

  public record People(String executiveOwner, String aiProductOwner, String techLead, String riskComplianceOwner,
      String changeManager, String lineManager) {
  }

  public record RiskProfile(boolean affectsIndividuals, boolean regulatedDomain, boolean processesPersonalData,
      Autonomy autonomy, RiskTier riskTier, Boolean humanInTheLoopRequired) {
  }

  public record CostModel(BigDecimal pilotCost, BigDecimal projectedProductionCost) {
  }

  /** Why the steering committee stopped the pilot: the root cause, its label, the text (OTHER only), when. */
  public record StopRootCause(org.pilotlifecycle.framework.RootCause rootCause, String label, String text,
      Instant stoppedAt) {

    static StopRootCause of(Pilot pilot) {
      return pilot.getStopRootCause() == null ? null : new StopRootCause(pilot.getStopRootCause(),
          pilot.getStopRootCause().label(), pilot.getStopRootCauseText(), pilot.getStoppedAt());
    }
  }

  /**
   * Why the pilot was retired: the root cause the retirement decision named, its label, the text (OTHER only), when.
   * Null until retired (and for pilots retired before retirements named one).
   */
  public record RetirementRootCause(org.pilotlifecycle.framework.RootCause rootCause, String label, String text,
      Instant retiredAt) {

    static RetirementRootCause of(Pilot pilot) {
      return pilot.getRetirementRootCause() == null ? null : new RetirementRootCause(pilot.getRetirementRootCause(),
          pilot.getRetirementRootCause().label(), pilot.getRetirementRootCauseText(), pilot.getRetiredAt());
    }
  }

  /** With the latest outcome of each readiness check, for the single-pilot view. */
  public static PilotView of(Pilot pilot, List<CheckOutcomes.CheckOutcome> latestChecks) {
    PilotView view = of(pilot);
    return new PilotView(view.key, view.name, view.businessUnit, view.useCaseDescription, view.framework, view.people,
        view.risk, view.cost, view.status, view.statusReason, view.stopRootCause, view.retirementRootCause, view.currentStep, view.stepEnteredAt, view.stepDueAt,
        view.processInstanceId, view.registeredBy, view.registeredAt, view.updatedAt, view.inProductionAt,
        view.successMetric, view.stepDurationsDays, List.copyOf(latestChecks), view.production);
  }

  public static PilotView of(Pilot pilot) {
    return new PilotView(pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(), pilot.getUseCaseDescription(),
        pilot.getFramework(),
        new People(pilot.getExecutiveOwner(), pilot.getAiProductOwner(), pilot.getTechLead(),
            pilot.getRiskComplianceOwner(), pilot.getChangeManager(), pilot.getLineManager()),
        new RiskProfile(pilot.isAffectsIndividuals(), pilot.isRegulatedDomain(), pilot.isProcessesPersonalData(),
            pilot.getAutonomy(), pilot.getRiskTier(), pilot.getHumanInTheLoopRequired()),
        new CostModel(pilot.getPilotCost(), pilot.getProjectedProductionCost()),
        pilot.getStatus(), pilot.getStatusReason(), StopRootCause.of(pilot), RetirementRootCause.of(pilot), pilot.getCurrentStep(), pilot.getStepEnteredAt(),
        pilot.getStepDueAt(), pilot.getProcessInstanceId(), pilot.getRegisteredBy(), pilot.getRegisteredAt(),
        pilot.getUpdatedAt(), pilot.getInProductionAt(), pilot.getSuccessMetric(),
        StepDurations.read(pilot.getDurationOverrides()).orElse(null), null, Production.of(pilot));
  }
}
