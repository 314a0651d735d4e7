package org.pilotlifecycle.pilot;

import java.math.BigDecimal;
import java.time.Instant;

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
    String currentStep,
    Instant stepEnteredAt,
    Instant stepDueAt,
    String processInstanceId,
    String registeredBy,
    Instant registeredAt,
    Instant updatedAt) {

  public record People(String executiveOwner, String aiProductOwner, String techLead, String riskComplianceOwner,
      String changeManager, String lineManager) {
  }

  public record RiskProfile(boolean affectsIndividuals, boolean regulatedDomain, boolean processesPersonalData,
      Autonomy autonomy, RiskTier riskTier, Boolean humanInTheLoopRequired) {
  }

  public record CostModel(BigDecimal pilotCost, BigDecimal projectedProductionCost) {
  }

  public static PilotView of(Pilot pilot) {
    return new PilotView(pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(), pilot.getUseCaseDescription(),
        pilot.getFramework(),
        new People(pilot.getExecutiveOwner(), pilot.getAiProductOwner(), pilot.getTechLead(),
            pilot.getRiskComplianceOwner(), pilot.getChangeManager(), pilot.getLineManager()),
        new RiskProfile(pilot.isAffectsIndividuals(), pilot.isRegulatedDomain(), pilot.isProcessesPersonalData(),
            pilot.getAutonomy(), pilot.getRiskTier(), pilot.getHumanInTheLoopRequired()),
        new CostModel(pilot.getPilotCost(), pilot.getProjectedProductionCost()),
        pilot.getStatus(), pilot.getStatusReason(), pilot.getCurrentStep(), pilot.getStepEnteredAt(),
        pilot.getStepDueAt(), pilot.getProcessInstanceId(), pilot.getRegisteredBy(), pilot.getRegisteredAt(),
        pilot.getUpdatedAt());
  }
}
