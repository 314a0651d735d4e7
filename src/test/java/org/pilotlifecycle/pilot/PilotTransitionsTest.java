package org.pilotlifecycle.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Registrations;

/** The guards of the pilot's transitions and the events they record; no Spring, no engine. */
class PilotTransitionsTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofDays(1));
  private static final Instant DUE = T0.plus(Duration.ofDays(30));
  private static final SuccessMetric METRIC = new SuccessMetric("COST", "Handling time", "minutes",
      new BigDecimal("30"), new BigDecimal("18"), "Median per claim", new BigDecimal("250000"), "maria");

  private static Pilot registered() {
    Pilot pilot = Pilot.register(Registrations.lowRisk("PILOT-1", Framework.FIVE_PHASE), "{\"DATA_READINESS\":70}",
        "pi-1", "olivia", T0);
    return pilot;
  }

  private static Pilot activeInStep() {
    Pilot pilot = registered();
    pilot.enterStep("OUTCOME_DEFINITION", DUE, T0);
    pilot.clearDomainEvents();
    return pilot;
  }

  private static Pilot onHold() {
    Pilot pilot = activeInStep();
    pilot.putOnHold("waiting", "sam", T0);
    pilot.clearDomainEvents();
    return pilot;
  }

  private static final org.pilotlifecycle.framework.RootCause.Stated NO_OWNER =
      new org.pilotlifecycle.framework.RootCause.Stated(org.pilotlifecycle.framework.RootCause.NO_HARD_BUSINESS_OWNER, null);
  private static final org.pilotlifecycle.framework.RootCause.Stated WORKFLOW_MYOPIA =
      new org.pilotlifecycle.framework.RootCause.Stated(org.pilotlifecycle.framework.RootCause.WORKFLOW_MYOPIA, null);
  private static final org.pilotlifecycle.framework.RootCause.Stated OTHER_MERGER =
      new org.pilotlifecycle.framework.RootCause.Stated(org.pilotlifecycle.framework.RootCause.OTHER, "the business unit was sold");

  private static Pilot stopped() {
    Pilot pilot = activeInStep();
    pilot.stop("no value", WORKFLOW_MYOPIA, "sam", T0);
    pilot.clearDomainEvents();
    return pilot;
  }

  /** Through every phase and its gate, up to the last gate passed. */
  private static Pilot pastTheLastGate() {
    Pilot pilot = registered();
    for (org.pilotlifecycle.framework.Step phase : org.pilotlifecycle.framework.Step.phases()) {
      pilot.enterStep(phase.name(), DUE, T0);
      pilot.passGate(phase.name(), T0);
    }
    pilot.clearDomainEvents();
    return pilot;
  }

  private static Pilot inProduction() {
    Pilot pilot = pastTheLastGate();
    pilot.reachProduction(T0.plus(Duration.ofDays(200)));
    pilot.clearDomainEvents();
    return pilot;
  }

  /** The transition is refused with PilotStateException and the pilot is as it was, with no event. */
  private static void assertRefused(Pilot pilot, Consumer<Pilot> transition) {
    PilotStatus status = pilot.getStatus();
    String step = pilot.getCurrentStep();
    Instant due = pilot.getStepDueAt();
    Instant updated = pilot.getUpdatedAt();
    String reason = pilot.getStatusReason();
    RiskTier tier = pilot.getRiskTier();
    SuccessMetric metric = pilot.getSuccessMetric();
    assertThatThrownBy(() -> transition.accept(pilot)).isInstanceOf(PilotStateException.class)
        .hasMessageContaining(pilot.getKey()).hasMessageContaining(status.name());
    assertThat(pilot.getStatus()).isEqualTo(status);
    assertThat(pilot.getCurrentStep()).isEqualTo(step);
    assertThat(pilot.getStepDueAt()).isEqualTo(due);
    assertThat(pilot.getUpdatedAt()).isEqualTo(updated);
    assertThat(pilot.getStatusReason()).isEqualTo(reason);
    assertThat(pilot.getRiskTier()).isEqualTo(tier);
    assertThat(pilot.getSuccessMetric()).isEqualTo(metric);
    assertThat(pilot.domainEvents()).isEmpty();
  }

  // registration

  @Test
  void aRegisteredPilotIsActiveAtIntakeAndRecordsRegistered() {
    Pilot pilot = registered();
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.ACTIVE);
    assertThat(pilot.getCurrentStep()).isEqualTo(Pilot.INTAKE);
    assertThat(pilot.getRegisteredAt()).isEqualTo(T0);
    assertThat(pilot.getStepEnteredAt()).isEqualTo(T0);
    assertThat(pilot.getDurationOverrides()).isEqualTo("{\"DATA_READINESS\":70}");
    assertThat(pilot.getProcessInstanceId()).isEqualTo("pi-1");
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.Registered("PILOT-1", Pilot.INTAKE, Framework.FIVE_PHASE, "olivia"));
  }

  @Test
  void registrationStripsTextAndTurnsBlankOptionalPeopleIntoNone() {
    PilotRegistration r = Registrations.lowRisk("PILOT-2", Framework.FOUR_STAGE);
    PilotRegistration padded = new PilotRegistration(r.key(), "  " + r.name() + " ", " Ops ", " use \n", r.framework(),
        r.executiveOwner(), r.aiProductOwner(), " ", "", null, "lena", r.affectsIndividuals(), r.regulatedDomain(),
        r.processesPersonalData(), r.autonomy(), r.pilotCost(), r.projectedProductionCost(), null);
    Pilot pilot = Pilot.register(padded, null, "pi", "olivia", T0);
    assertThat(pilot.getName()).isEqualTo(r.name());
    assertThat(pilot.getBusinessUnit()).isEqualTo("Ops");
    assertThat(pilot.getUseCaseDescription()).isEqualTo("use");
    assertThat(pilot.getTechLead()).isNull();
    assertThat(pilot.getRiskComplianceOwner()).isNull();
    assertThat(pilot.getChangeManager()).isNull();
    assertThat(pilot.getLineManager()).isEqualTo("lena");
  }

  @Test
  void domainEventsAreACopyAndClearingForgetsThem() {
    Pilot pilot = registered();
    assertThatThrownBy(() -> pilot.domainEvents().clear()).isInstanceOf(UnsupportedOperationException.class);
    pilot.clearDomainEvents();
    assertThat(pilot.domainEvents()).isEmpty();
  }

  // enterStep

  @Test
  void anActivePilotStartsItsNextStep() {
    Pilot pilot = activeInStep();
    pilot.passGate("OUTCOME_DEFINITION", T0);
    pilot.clearDomainEvents();
    pilot.enterStep("DATA_READINESS", DUE, T1);
    assertThat(pilot.getCurrentStep()).isEqualTo("DATA_READINESS");
    assertThat(pilot.getStepEnteredAt()).isEqualTo(T1);
    assertThat(pilot.getStepDueAt()).isEqualTo(DUE);
    assertThat(pilot.getUpdatedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(new PilotEvent.StepStarted("PILOT-1", "DATA_READINESS", DUE));
  }

  @Test
  void aPilotOnHoldCannotStartItsNextStep() {
    assertRefused(onHold(), p -> p.enterStep("DATA_READINESS", DUE, T1));
  }

  @Test
  void aStoppedPilotCannotStartAStep() {
    assertRefused(stopped(), p -> p.enterStep("DATA_READINESS", DUE, T1));
  }

  @Test
  void aPilotInProductionCannotStartAStep() {
    assertRefused(inProduction(), p -> p.enterStep("DATA_READINESS", DUE, T1));
  }

  // extendDeadline

  @Test
  void anActivePilotsDeadlineCanBeExtended() {
    Pilot pilot = activeInStep();
    Instant later = DUE.plus(Duration.ofDays(14));
    pilot.extendDeadline(later, "sam", "more data", T1);
    assertThat(pilot.getStepDueAt()).isEqualTo(later);
    assertThat(pilot.getCurrentStep()).isEqualTo("OUTCOME_DEFINITION");
    assertThat(pilot.getUpdatedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.DeadlineExtended("PILOT-1", "OUTCOME_DEFINITION", later, "sam", "more data"));
  }

  @Test
  void theDeadlineOfAPilotThatIsNotActiveCannotBeExtended() {
    assertRefused(onHold(), p -> p.extendDeadline(DUE, "sam", "r", T1));
    assertRefused(stopped(), p -> p.extendDeadline(DUE, "sam", "r", T1));
    assertRefused(inProduction(), p -> p.extendDeadline(DUE, "sam", "r", T1));
  }

  // putOnHold

  @Test
  void anActivePilotCanBePutOnHold() {
    Pilot pilot = activeInStep();
    pilot.putOnHold("budget freeze", "sam", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.ON_HOLD);
    assertThat(pilot.getStatusReason()).isEqualTo("budget freeze");
    assertThat(pilot.getUpdatedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.PutOnHold("PILOT-1", "OUTCOME_DEFINITION", "sam", "budget freeze"));
  }

  @Test
  void onlyAnActivePilotCanBePutOnHold() {
    assertRefused(onHold(), p -> p.putOnHold("again", "sam", T1));
    assertRefused(stopped(), p -> p.putOnHold("r", "sam", T1));
    assertRefused(inProduction(), p -> p.putOnHold("r", "sam", T1));
  }

  // resume

  @Test
  void aPilotOnHoldCanBeResumedWithANewDueDate() {
    Pilot pilot = onHold();
    Instant newDue = DUE.plus(Duration.ofDays(7));
    pilot.resume(newDue, "sam", "budget back", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.ACTIVE);
    assertThat(pilot.getStatusReason()).isNull();
    assertThat(pilot.getStepDueAt()).isEqualTo(newDue);
    assertThat(pilot.getUpdatedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.Resumed("PILOT-1", "OUTCOME_DEFINITION", newDue, "sam", "budget back"));
  }

  @Test
  void aRunningPilotCannotBeResumed() {
    assertRefused(activeInStep(), p -> p.resume(DUE, "sam", "n", T1));
  }

  @Test
  void aStoppedOrProductionPilotCannotBeResumed() {
    assertRefused(stopped(), p -> p.resume(DUE, "sam", "n", T1));
    assertRefused(inProduction(), p -> p.resume(DUE, "sam", "n", T1));
  }

  // stop

  @Test
  void anActivePilotCanBeStopped() {
    Pilot pilot = activeInStep();
    pilot.stop("no business case", NO_OWNER, "sam", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStatusReason()).isEqualTo("no business case");
    assertThat(pilot.getCurrentStep()).isEqualTo("OUTCOME_DEFINITION");
    assertThat(pilot.getStopRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.NO_HARD_BUSINESS_OWNER);
    assertThat(pilot.getStopRootCauseText()).isNull();
    assertThat(pilot.getStoppedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.Stopped("PILOT-1", "OUTCOME_DEFINITION", "sam", "no business case",
            org.pilotlifecycle.framework.RootCause.NO_HARD_BUSINESS_OWNER, null));
  }

  @Test
  void aPilotOnHoldCanBeStopped() {
    Pilot pilot = onHold();
    pilot.stop("gave up", OTHER_MERGER, "sam", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStatusReason()).isEqualTo("gave up");
    assertThat(pilot.getStopRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.OTHER);
    assertThat(pilot.getStopRootCauseText()).isEqualTo("the business unit was sold");
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.Stopped("PILOT-1", "OUTCOME_DEFINITION", "sam", "gave up",
            org.pilotlifecycle.framework.RootCause.OTHER, "the business unit was sold"));
  }

  @Test
  void aStopNamesItsRootCause() {
    Pilot pilot = activeInStep();
    assertThatThrownBy(() -> pilot.stop("no reason to go on", null, "sam", T1))
        .isInstanceOf(org.pilotlifecycle.web.InvalidFieldsException.class).hasMessageContaining("root cause");
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.ACTIVE);
  }

  @Test
  void aStoppedPilotCannotBeStoppedAgain() {
    assertRefused(stopped(), p -> p.stop("again", NO_OWNER, "sam", T1));
  }

  @Test
  void aPilotInProductionCannotBeStopped() {
    assertRefused(inProduction(), p -> p.stop("r", NO_OWNER, "sam", T1));
  }

  // withdraw

  @Test
  void anActivePilotAtIntakeCanBeWithdrawn() {
    Pilot pilot = registered();
    pilot.clearDomainEvents();
    pilot.withdraw("duplicate", "olivia", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.STOPPED);
    assertThat(pilot.getStatusReason()).isEqualTo("duplicate");
    assertThat(pilot.getCurrentStep()).isEqualTo(Pilot.INTAKE);
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.Withdrawn("PILOT-1", Pilot.INTAKE, "olivia", "duplicate"));
  }

  @Test
  void aPilotThatLeftTheIntakeCannotBeWithdrawn() {
    Pilot pilot = activeInStep();
    assertRefused(pilot, p -> p.withdraw("r", "olivia", T1));
    assertThatThrownBy(() -> pilot.withdraw("r", "olivia", T1)).hasMessageContaining("left the intake");
  }

  @Test
  void aWithdrawnPilotCannotBeWithdrawnAgain() {
    Pilot pilot = registered();
    pilot.withdraw("duplicate", "olivia", T1);
    pilot.clearDomainEvents();
    assertRefused(pilot, p -> p.withdraw("again", "olivia", T1));
  }

  @Test
  void onlyAnActivePilotCanBeWithdrawn() {
    assertRefused(onHold(), p -> p.withdraw("r", "olivia", T1));
    assertRefused(inProduction(), p -> p.withdraw("r", "olivia", T1));
  }

  // the frameworks' order, whatever a diagram says

  @Test
  void aPilotStartsWithItsFrameworksFirstStep() {
    Pilot pilot = registered();
    pilot.clearDomainEvents();
    assertRefused(pilot, p -> p.enterStep("DATA_READINESS", DUE, T1));
    assertRefused(pilot, p -> p.enterStep("PILOT_VALIDATION", DUE, T1));
  }

  @Test
  void aPilotCannotEnterTheNextStepBeforeItsGateIsPassed() {
    assertRefused(activeInStep(), p -> p.enterStep("DATA_READINESS", DUE, T1));
  }

  @Test
  void aPilotCannotSkipAStep() {
    Pilot pilot = activeInStep();
    pilot.passGate("OUTCOME_DEFINITION", T0);
    pilot.clearDomainEvents();
    assertRefused(pilot, p -> p.enterStep("MLOPS_INFRASTRUCTURE", DUE, T1));
  }

  @Test
  void aGateIsPassedOnlyForTheCurrentStep() {
    assertRefused(activeInStep(), p -> p.passGate("DATA_READINESS", T1));
    assertRefused(onHold(), p -> p.passGate("OUTCOME_DEFINITION", T1));
  }

  @Test
  void aStepWithoutASignOffGateNeedsNoneAndTheSameStepMayBeEnteredAgain() {
    Pilot pilot = Pilot.register(Registrations.lowRisk("PILOT-4", Framework.FOUR_STAGE), null, "pi-4", "olivia", T0);
    pilot.enterStep("PILOT_VALIDATION", DUE, T0);
    pilot.enterStep("PILOT_VALIDATION", DUE, T0);
    pilot.passGate("PILOT_VALIDATION", T0);
    pilot.enterStep("PRODUCTION_ARCHITECTURE", DUE, T0);
    pilot.enterStep("ORGANIZATIONAL_EMBEDDING", DUE, T1);
    assertThat(pilot.getCurrentStep()).isEqualTo("ORGANIZATIONAL_EMBEDDING");
  }

  @Test
  void aPilotGoesIntoProductionOnlyPastItsLastGate() {
    assertRefused(activeInStep(), p -> p.reachProduction(T1));
    Pilot atLastStep = pastTheLastGate();
    assertThat(atLastStep.getGatePassedStep()).isEqualTo("OPERATING_MODEL");
  }

  // reachProduction

  @Test
  void anActivePilotReachesProductionAndRecordsItsTimeToProduction() {
    Pilot pilot = pastTheLastGate();
    Instant at = T0.plus(Duration.ofDays(180));
    pilot.reachProduction(at);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(pilot.getCurrentStep()).isEqualTo(Pilot.IN_PRODUCTION);
    assertThat(pilot.getInProductionAt()).isEqualTo(at);
    assertThat(pilot.getStepEnteredAt()).isEqualTo(at);
    assertThat(pilot.getStepDueAt()).isNull();
    assertThat(pilot.getStatusReason()).isNull();
    assertThat(pilot.timeToProduction()).isEqualTo(Duration.ofDays(180));
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.ReachedProduction("PILOT-1", Pilot.IN_PRODUCTION, at, Duration.ofDays(180)));
  }

  @Test
  void onlyAnActivePilotGoesIntoProduction() {
    assertRefused(onHold(), p -> p.reachProduction(T1));
    assertRefused(stopped(), p -> p.reachProduction(T1));
    assertRefused(inProduction(), p -> p.reachProduction(T1));
  }

  @Test
  void aPilotNotInProductionHasNoTimeToProduction() {
    assertThat(registered().timeToProduction()).isNull();
    assertThat(stopped().timeToProduction()).isNull();
  }

  // classifyRisk

  @Test
  void anActivePilotIsClassified() {
    Pilot pilot = registered();
    pilot.clearDomainEvents();
    pilot.classifyRisk(RiskTier.HIGH, true, "RiskTier", Map.of("autonomy", "AUTONOMOUS"), T1);
    assertThat(pilot.getRiskTier()).isEqualTo(RiskTier.HIGH);
    assertThat(pilot.getHumanInTheLoopRequired()).isTrue();
    assertThat(pilot.getUpdatedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(new PilotEvent.RiskTierClassified("PILOT-1", Pilot.INTAKE,
        RiskTier.HIGH, true, "RiskTier", Map.of("autonomy", "AUTONOMOUS")));
  }

  @Test
  void aPilotOnHoldCanStillBeClassified() {
    Pilot pilot = onHold();
    pilot.classifyRisk(RiskTier.LOW, false, "RiskTier", Map.of(), T1);
    assertThat(pilot.getRiskTier()).isEqualTo(RiskTier.LOW);
    assertThat(pilot.domainEvents()).hasSize(1).first().isInstanceOf(PilotEvent.RiskTierClassified.class);
  }

  @Test
  void aStoppedPilotIsNotClassified() {
    assertRefused(stopped(), p -> p.classifyRisk(RiskTier.HIGH, true, "RiskTier", Map.of(), T1));
  }

  @Test
  void aPilotInProductionIsNotClassifiedAgain() {
    assertRefused(inProduction(), p -> p.classifyRisk(RiskTier.HIGH, true, "RiskTier", Map.of(), T1));
  }

  // defineSuccessMetric

  @Test
  void anActivePilotGetsItsSuccessMetricAndItsLineManager() {
    Pilot pilot = activeInStep();
    pilot.defineSuccessMetric(METRIC, T1);
    assertThat(pilot.getSuccessMetric()).isEqualTo(METRIC);
    assertThat(pilot.getLineManager()).isEqualTo("maria");
    assertThat(pilot.getUpdatedAt()).isEqualTo(T1);
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.SuccessMetricDefined("PILOT-1", "OUTCOME_DEFINITION", METRIC));
  }

  @Test
  void aBlankLineManagerInTheMetricKeepsTheRegisteredOne() {
    Pilot pilot = activeInStep();
    SuccessMetric metric = new SuccessMetric("COST", "Handling time", "minutes", BigDecimal.TEN, BigDecimal.ONE,
        "m", BigDecimal.ONE, " ");
    pilot.defineSuccessMetric(metric, T1);
    assertThat(pilot.getLineManager()).isEqualTo("lena");
  }

  @Test
  void aPilotOnHoldCanHaveItsSuccessMetricDefined() {
    Pilot pilot = onHold();
    pilot.defineSuccessMetric(METRIC, T1);
    assertThat(pilot.getSuccessMetric()).isNotNull();
    assertThat(pilot.domainEvents()).hasSize(1);
  }

  @Test
  void aStoppedPilotsSuccessMetricCannotBeDefined() {
    assertRefused(stopped(), p -> p.defineSuccessMetric(METRIC, T1));
  }

  @Test
  void aPilotInProductionsSuccessMetricCannotBeRedefined() {
    assertRefused(inProduction(), p -> p.defineSuccessMetric(METRIC, T1));
  }

  @Test
  void aStateConflictIsA409NamingPilotStatusStepAndTransition() {
    Pilot pilot = onHold();
    assertThatThrownBy(() -> pilot.enterStep("DATA_READINESS", DUE, T1))
        .isInstanceOfSatisfying(PilotStateException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(409);
          assertThat(e.getMessage()).isEqualTo(
              "Pilot PILOT-1 is ON_HOLD in OUTCOME_DEFINITION: it cannot start DATA_READINESS.");
        });
  }

  // In production: IN_PRODUCTION -> PAUSED -> IN_PRODUCTION, IN_PRODUCTION | PAUSED -> RETIRED.

  private static final org.pilotlifecycle.framework.RootCause.Stated RETIRED_FOR =
      new org.pilotlifecycle.framework.RootCause.Stated(org.pilotlifecycle.framework.RootCause.WORKFLOW_MYOPIA, null);

  private static Pilot paused() {
    Pilot pilot = inProduction();
    pilot.pause("drift", "olivia", T1);
    pilot.clearDomainEvents();
    return pilot;
  }

  private static Pilot retired() {
    Pilot pilot = inProduction();
    pilot.retire("replaced", RETIRED_FOR, "olivia", T1);
    pilot.clearDomainEvents();
    return pilot;
  }

  @Test
  void aPilotInProductionCanBePausedAndResumed() {
    Pilot pilot = inProduction();
    pilot.pause("Drift above the threshold", "olivia", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.PAUSED);
    assertThat(pilot.getStatusReason()).isEqualTo("Drift above the threshold");
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.Paused("PILOT-1", Pilot.IN_PRODUCTION, "olivia", "Drift above the threshold"));
    pilot.clearDomainEvents();

    pilot.resumeProduction("olivia", "Retrained", T1);
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(pilot.getStatusReason()).isNull();
    assertThat(pilot.domainEvents()).containsExactly(
        new PilotEvent.ResumedInProduction("PILOT-1", Pilot.IN_PRODUCTION, "olivia", "Retrained"));
  }

  @Test
  void onlyAPilotInProductionCanBePaused() {
    assertRefused(activeInStep(), p -> p.pause("r", "olivia", T1));
    assertRefused(onHold(), p -> p.pause("r", "olivia", T1));
    assertRefused(stopped(), p -> p.pause("r", "olivia", T1));
    assertRefused(paused(), p -> p.pause("r", "olivia", T1));
    assertRefused(retired(), p -> p.pause("r", "olivia", T1));
  }

  @Test
  void onlyAPausedPilotCanBeResumedInProduction() {
    assertRefused(activeInStep(), p -> p.resumeProduction("olivia", "n", T1));
    assertRefused(onHold(), p -> p.resumeProduction("olivia", "n", T1));
    assertRefused(inProduction(), p -> p.resumeProduction("olivia", "n", T1));
    assertRefused(retired(), p -> p.resumeProduction("olivia", "n", T1));
  }

  @Test
  void aPilotInProductionOrPausedCanBeRetiredWithTheDateAndItsTimeInProduction() {
    for (Pilot pilot : java.util.List.of(inProduction(), paused())) {
      Instant inProductionAt = pilot.getInProductionAt();
      Instant retiredAt = inProductionAt.plus(Duration.ofDays(365));
      pilot.scheduleRecertification(retiredAt.plus(Duration.ofDays(30)), null, null, inProductionAt);
      pilot.clearDomainEvents();

      pilot.retire("Replaced by a vendor product", RETIRED_FOR, "olivia", retiredAt);

      assertThat(pilot.getStatus()).isEqualTo(PilotStatus.RETIRED);
      assertThat(pilot.getRetiredAt()).isEqualTo(retiredAt);
      assertThat(pilot.timeInProduction()).isEqualTo(Duration.ofDays(365));
      assertThat(pilot.getRecertificationDueAt()).as("no re-certification once retired").isNull();
      assertThat(pilot.domainEvents()).containsExactly(new PilotEvent.Retired("PILOT-1", Pilot.IN_PRODUCTION,
          retiredAt, Duration.ofDays(365), "olivia", "Replaced by a vendor product",
          org.pilotlifecycle.framework.RootCause.WORKFLOW_MYOPIA, null));
      assertThat(pilot.getRetirementRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.WORKFLOW_MYOPIA);
      assertThat(pilot.getRetirementRootCauseText()).isNull();
    }
  }

  @Test
  void aRetiredPilotNamesItsRootCause() {
    Pilot pilot = inProduction();
    assertThatThrownBy(() -> pilot.retire("Replaced", null, "olivia", T1))
        .isInstanceOf(org.pilotlifecycle.web.InvalidFieldsException.class).hasMessageContaining("rootCause");
    assertThat(pilot.getStatus()).isEqualTo(PilotStatus.IN_PRODUCTION);
    assertThat(pilot.domainEvents()).isEmpty();

    pilot.retire("Replaced", new org.pilotlifecycle.framework.RootCause.Stated(
        org.pilotlifecycle.framework.RootCause.OTHER, "The vendor's product does it"), "olivia", T1);
    assertThat(pilot.getRetirementRootCause()).isEqualTo(org.pilotlifecycle.framework.RootCause.OTHER);
    assertThat(pilot.getRetirementRootCauseText()).isEqualTo("The vendor's product does it");
  }

  @Test
  void onlyAPilotInProductionOrPausedCanBeRetired() {
    assertRefused(activeInStep(), p -> p.retire("r", RETIRED_FOR, "olivia", T1));
    assertRefused(onHold(), p -> p.retire("r", RETIRED_FOR, "olivia", T1));
    assertRefused(stopped(), p -> p.retire("r", RETIRED_FOR, "olivia", T1));
    assertRefused(retired(), p -> p.retire("r", RETIRED_FOR, "olivia", T1));
  }

  @Test
  void aPilotInProductionHasItsReCertificationScheduledAndRecordsWhenItWasReCertified() {
    Pilot pilot = inProduction();
    Instant due = T1.plus(Duration.ofDays(90));
    pilot.scheduleRecertification(due, null, null, T1);
    assertThat(pilot.getRecertificationDueAt()).isEqualTo(due);
    assertThat(pilot.getLastRecertifiedAt()).isNull();
    pilot.clearDomainEvents();

    pilot.scheduleRecertification(due.plus(Duration.ofDays(90)), "rita", "rita", due);
    assertThat(pilot.getLastRecertifiedAt()).isEqualTo(due);
    assertThat(pilot.domainEvents()).containsExactly(new PilotEvent.RecertificationScheduled("PILOT-1",
        Pilot.IN_PRODUCTION, due.plus(Duration.ofDays(90)), "rita", "rita"));
    assertRefused(activeInStep(), p -> p.scheduleRecertification(due, null, null, T1));
    assertRefused(retired(), p -> p.scheduleRecertification(due, null, null, T1));
  }

  @Test
  void aPausedPilotsPeopleCanStillBeChanged() {
    Pilot pilot = paused();
    pilot.changePerson(org.pilotlifecycle.framework.PilotRole.TECH_LEAD, "theo", "olivia", "handover", T1);
    assertThat(pilot.getTechLead()).isEqualTo("theo");
    assertRefused(retired(), p -> p.changePerson(org.pilotlifecycle.framework.PilotRole.TECH_LEAD, "theo", "olivia",
        "r", T1));
  }
}
