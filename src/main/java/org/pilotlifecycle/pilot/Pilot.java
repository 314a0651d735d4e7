package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

import java.util.List;

import org.pilotlifecycle.framework.Step;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * One AI use case with a working proof of concept on its way to production: the aggregate of the pilot
 * module. Its key is the business key of its process instances. State changes only through its transitions,
 * named after what happened; each checks that the pilot's status allows it (ACTIVE, ON_HOLD, IN_PRODUCTION,
 * STOPPED, PAUSED, RETIRED; see {@link PilotStateException}) and records a {@link PilotEvent}. In production:
 * IN_PRODUCTION to PAUSED and back, IN_PRODUCTION or PAUSED to RETIRED.
 */
@Entity
@Table(name = "pilot")
public class Pilot {

  /** Where a pilot is while its registration waits for confirmation. */
  public static final String INTAKE = "INTAKE";

  /** Where a pilot is once it has reached production. */
  public static final String IN_PRODUCTION = "IN_PRODUCTION";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pilot_key", nullable = false, unique = true, updatable = false, length = 32)
  private String key;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "business_unit", nullable = false, length = 100)
  private String businessUnit;

  @Column(name = "use_case_description", nullable = false, length = 4000)
  private String useCaseDescription;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Framework framework;

  @Column(name = "executive_owner", nullable = false, length = 64)
  private String executiveOwner;

  @Column(name = "ai_product_owner", nullable = false, length = 64)
  private String aiProductOwner;

  @Column(name = "tech_lead", length = 64)
  private String techLead;

  @Column(name = "risk_compliance_owner", length = 64)
  private String riskComplianceOwner;

  @Column(name = "change_manager", length = 64)
  private String changeManager;

  @Column(name = "line_manager", length = 64)
  private String lineManager;

  @Column(name = "affects_individuals", nullable = false)
  private boolean affectsIndividuals;

  @Column(name = "regulated_domain", nullable = false)
  private boolean regulatedDomain;

  @Column(name = "processes_personal_data", nullable = false)
  private boolean processesPersonalData;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Autonomy autonomy;

  @Enumerated(EnumType.STRING)
  @Column(name = "risk_tier", length = 8)
  private RiskTier riskTier;

  @Column(name = "human_in_the_loop_required")
  private Boolean humanInTheLoopRequired;

  @Column(name = "pilot_cost", precision = 15, scale = 2)
  private BigDecimal pilotCost;

  @Column(name = "projected_production_cost", precision = 15, scale = 2)
  private BigDecimal projectedProductionCost;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PilotStatus status;

  @Column(name = "current_step", nullable = false, length = 64)
  private String currentStep;

  /** The step whose gate the pilot passed last (null until its first gate). */
  @Column(name = "gate_passed_step", length = 64)
  private String gatePassedStep;

  @Column(name = "step_entered_at", nullable = false)
  private Instant stepEnteredAt;

  @Column(name = "step_due_at")
  private Instant stepDueAt;

  @Column(name = "in_production_at")
  private Instant inProductionAt;

  /** When the pilot was retired (null until then). */
  @Column(name = "retired_at")
  private Instant retiredAt;

  /** How long it was in production, from production to retirement, in seconds (null until retired). */
  @Column(name = "time_in_production_seconds")
  private Long timeInProductionSeconds;

  /** When its next re-certification is due, while in production (null before production and once retired). */
  @Column(name = "recertification_due_at")
  private Instant recertificationDueAt;

  /** When it was last re-certified in production (null until the first re-certification). */
  @Column(name = "last_recertified_at")
  private Instant lastRecertifiedAt;

  /** Per-pilot allowed durations of phases or stages, JSON: {"DATA_READINESS": 70, ...} in days. */
  @Column(name = "duration_overrides", length = 1000)
  private String durationOverrides;

  @Column(name = "kpi_category", length = 16)
  private String kpiCategory;

  @Column(name = "kpi_name", length = 200)
  private String kpiName;

  @Column(name = "kpi_unit", length = 50)
  private String kpiUnit;

  @Column(name = "kpi_baseline", precision = 19, scale = 4)
  private BigDecimal kpiBaseline;

  @Column(name = "kpi_target", precision = 19, scale = 4)
  private BigDecimal kpiTarget;

  @Column(name = "measurement_method", length = 2000)
  private String measurementMethod;

  @Column(name = "annual_value", precision = 15, scale = 2)
  private BigDecimal annualValue;

  @Column(name = "status_reason", length = 2000)
  private String statusReason;

  /** Why the steering committee stopped the pilot (null while it runs, and for a withdrawal at intake). */
  @Enumerated(EnumType.STRING)
  @Column(name = "stop_root_cause", length = 32)
  private org.pilotlifecycle.framework.RootCause stopRootCause;

  /** What the root cause is, when it is OTHER. */
  @Column(name = "stop_root_cause_text", length = 500)
  private String stopRootCauseText;

  /** When the pilot was stopped or withdrawn. */
  @Column(name = "stopped_at")
  private Instant stoppedAt;

  /** Why the pilot was retired, as the retirement decision named it (null until retired, and for older retirements). */
  @Enumerated(EnumType.STRING)
  @Column(name = "retirement_root_cause", length = 32)
  private org.pilotlifecycle.framework.RootCause retirementRootCause;

  /** What the retirement's root cause is, when it is OTHER. */
  @Column(name = "retirement_root_cause_text", length = 500)
  private String retirementRootCauseText;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Column(name = "registered_by", length = 64)
  private String registeredBy;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private Instant registeredAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private int version;

  @Transient
  private final transient java.util.List<PilotEvent> events = new java.util.ArrayList<>();

  protected Pilot() {
  }

  static Pilot register(PilotRegistration registration, String durationOverridesJson, String processInstanceId,
      String registeredBy, Instant now) {
    Pilot pilot = new Pilot();
    pilot.key = registration.key();
    pilot.name = registration.name().strip();
    pilot.businessUnit = registration.businessUnit().strip();
    pilot.useCaseDescription = registration.useCaseDescription().strip();
    pilot.framework = registration.framework();
    pilot.executiveOwner = registration.executiveOwner();
    pilot.aiProductOwner = registration.aiProductOwner();
    pilot.techLead = blankToNull(registration.techLead());
    pilot.riskComplianceOwner = blankToNull(registration.riskComplianceOwner());
    pilot.changeManager = blankToNull(registration.changeManager());
    pilot.lineManager = blankToNull(registration.lineManager());
    pilot.affectsIndividuals = registration.affectsIndividuals();
    pilot.regulatedDomain = registration.regulatedDomain();
    pilot.processesPersonalData = registration.processesPersonalData();
    pilot.autonomy = registration.autonomy();
    pilot.pilotCost = registration.pilotCost();
    pilot.projectedProductionCost = registration.projectedProductionCost();
    pilot.durationOverrides = durationOverridesJson;
    pilot.status = PilotStatus.ACTIVE;
    pilot.currentStep = INTAKE;
    pilot.stepEnteredAt = now;
    pilot.processInstanceId = processInstanceId;
    pilot.registeredBy = registeredBy;
    pilot.registeredAt = now;
    pilot.updatedAt = now;
    pilot.events.add(new PilotEvent.Registered(pilot.key, INTAKE, pilot.framework, registeredBy));
    return pilot;
  }

  // Transitions: each checks that the pilot's state allows it (PilotStateException, 409, otherwise),
  // changes the state and records the domain event the registry publishes when it saves the pilot.

  /** The risk decision classified the pilot (at intake, or again when phase 4 confirms it). Not once stopped. */
  void classifyRisk(RiskTier tier, boolean humanInTheLoop, String decisionId, java.util.Map<String, Object> inputs,
      Instant now) {
    requireStatus("record a risk tier", PilotStatus.ACTIVE, PilotStatus.ON_HOLD);
    this.riskTier = tier;
    this.humanInTheLoopRequired = humanInTheLoop;
    this.updatedAt = now;
    events.add(new PilotEvent.RiskTierClassified(key, currentStep, tier, humanInTheLoop, decisionId, inputs));
  }

  /** The registration was not confirmed: only an active pilot still at intake can be withdrawn. */
  void withdraw(String reason, String actor, Instant now) {
    requireStatus("be withdrawn", PilotStatus.ACTIVE);
    if (!INTAKE.equals(currentStep)) {
      throw new PilotStateException(key, status, currentStep, "be withdrawn once it has left the intake");
    }
    this.status = PilotStatus.STOPPED;
    this.statusReason = reason;
    this.stoppedAt = now;
    this.updatedAt = now;
    events.add(new PilotEvent.Withdrawn(key, INTAKE, actor, reason));
  }

  /** A phase or stage starts, due at {@code dueAt}. An active pilot only: on hold, nothing advances. */
  void enterStep(String step, Instant dueAt, Instant now) {
    requireStatus("start " + step, PilotStatus.ACTIVE);
    requireInOrder(Step.named(step));
    this.currentStep = step;
    this.stepEnteredAt = now;
    this.stepDueAt = dueAt;
    this.updatedAt = now;
    events.add(new PilotEvent.StepStarted(key, step, dueAt));
  }

  /** The steering committee gave the current step a new due date. */
  void extendDeadline(Instant dueAt, String actor, String reason, Instant now) {
    requireStatus("have its deadline extended", PilotStatus.ACTIVE);
    this.stepDueAt = dueAt;
    this.updatedAt = now;
    events.add(new PilotEvent.DeadlineExtended(key, currentStep, dueAt, actor, reason));
  }

  void putOnHold(String reason, String actor, Instant now) {
    requireStatus("be put on hold", PilotStatus.ACTIVE);
    this.status = PilotStatus.ON_HOLD;
    this.statusReason = reason;
    this.updatedAt = now;
    events.add(new PilotEvent.PutOnHold(key, currentStep, actor, reason));
  }

  /** Only a pilot on hold can be resumed; its step is due again at {@code dueAt}. */
  void resume(Instant dueAt, String actor, String note, Instant now) {
    requireStatus("be resumed", PilotStatus.ON_HOLD);
    this.status = PilotStatus.ACTIVE;
    this.statusReason = null;
    this.stepDueAt = dueAt;
    this.updatedAt = now;
    events.add(new PilotEvent.Resumed(key, currentStep, dueAt, actor, note));
  }

  /**
   * Stopped by a decision (overdue, no-go, adoption shortfall): from active or on hold, always naming its root cause
   * (one of the six the frameworks name, or OTHER with a text).
   */
  void stop(String reason, org.pilotlifecycle.framework.RootCause.Stated rootCause, String actor, Instant now) {
    requireStatus("be stopped", PilotStatus.ACTIVE, PilotStatus.ON_HOLD);
    if (rootCause == null) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of("rootCause", "a stopped pilot names its root cause");
    }
    this.status = PilotStatus.STOPPED;
    this.statusReason = reason;
    this.stopRootCause = rootCause.cause();
    this.stopRootCauseText = rootCause.text();
    this.stoppedAt = now;
    this.updatedAt = now;
    events.add(new PilotEvent.Stopped(key, currentStep, actor, reason, rootCause.cause(), rootCause.text()));
  }

  void reachProduction(Instant now) {
    requireStatus("go into production", PilotStatus.ACTIVE);
    List<Step> steps = Step.of(framework);
    Step last = steps.get(steps.size() - 1);
    if (!last.name().equals(currentStep) || !gatePassed(last)) {
      throw new PilotStateException(key, status, currentStep,
          "go into production before " + last.title() + " has passed its gate");
    }
    this.status = PilotStatus.IN_PRODUCTION;
    this.statusReason = null;
    this.inProductionAt = now;
    this.currentStep = IN_PRODUCTION;
    this.stepEnteredAt = now;
    this.stepDueAt = null;
    this.updatedAt = now;
    events.add(new PilotEvent.ReachedProduction(key, IN_PRODUCTION, now, timeToProduction()));
  }

  /** Taken out of service while in production; nothing changes in the pilot's people or schedule. */
  void pause(String reason, String actor, Instant now) {
    requireStatus("be paused", PilotStatus.IN_PRODUCTION);
    this.status = PilotStatus.PAUSED;
    this.statusReason = reason;
    this.updatedAt = now;
    events.add(new PilotEvent.Paused(key, currentStep, actor, reason));
  }

  /** Back in service: only a paused pilot. */
  void resumeProduction(String actor, String note, Instant now) {
    requireStatus("be resumed in production", PilotStatus.PAUSED);
    this.status = PilotStatus.IN_PRODUCTION;
    this.statusReason = null;
    this.updatedAt = now;
    events.add(new PilotEvent.ResumedInProduction(key, currentStep, actor, note));
  }

  /**
   * Decommissioned for good, in production or paused: the date and the time in production are recorded, and the root
   * cause the retirement decision named (one of the six the frameworks name, or OTHER with a text), like a stop's.
   */
  void retire(String reason, org.pilotlifecycle.framework.RootCause.Stated rootCause, String actor, Instant now) {
    requireStatus("be retired", PilotStatus.IN_PRODUCTION, PilotStatus.PAUSED);
    if (rootCause == null) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of("rootCause", "a retired pilot names its root cause");
    }
    this.status = PilotStatus.RETIRED;
    this.statusReason = reason;
    this.retirementRootCause = rootCause.cause();
    this.retirementRootCauseText = rootCause.text();
    this.retiredAt = now;
    this.timeInProductionSeconds = java.time.Duration.between(inProductionAt, now).toSeconds();
    this.recertificationDueAt = null;
    this.updatedAt = now;
    events.add(new PilotEvent.Retired(key, currentStep, now, timeInProduction(), actor, reason, rootCause.cause(),
        rootCause.text()));
  }

  /**
   * The next re-certification is due at {@code dueAt}; {@code recertifiedBy} names who re-certified it now, null
   * when it is the first schedule after production or a new date the steering committee gave.
   */
  void scheduleRecertification(Instant dueAt, String recertifiedBy, String actor, Instant now) {
    requireStatus("have its re-certification scheduled", PilotStatus.IN_PRODUCTION, PilotStatus.PAUSED);
    if (recertifiedBy != null) {
      this.lastRecertifiedAt = now;
    }
    this.recertificationDueAt = dueAt;
    this.updatedAt = now;
    events.add(new PilotEvent.RecertificationScheduled(key, currentStep, dueAt, recertifiedBy, actor));
  }

  void defineSuccessMetric(SuccessMetric metric, Instant now) {
    requireStatus("have its success metric defined", PilotStatus.ACTIVE, PilotStatus.ON_HOLD);
    this.kpiCategory = metric.category();
    this.kpiName = metric.name();
    this.kpiUnit = metric.unit();
    this.kpiBaseline = metric.baseline();
    this.kpiTarget = metric.target();
    this.measurementMethod = metric.measurementMethod();
    this.annualValue = metric.annualValue();
    if (metric.lineManager() != null && !metric.lineManager().isBlank()) {
      this.lineManager = metric.lineManager();
    }
    this.updatedAt = now;
    events.add(new PilotEvent.SuccessMetricDefined(key, currentStep, metric));
  }

  /** The person the pilot names for the role, or null when it names nobody (the role's group stands in). */
  public String namedPerson(org.pilotlifecycle.framework.PilotRole role) {
    return switch (role) {
      case EXECUTIVE_OWNER -> executiveOwner;
      case AI_PRODUCT_OWNER -> aiProductOwner;
      case TECH_LEAD -> techLead;
      case RISK_COMPLIANCE_OWNER -> riskComplianceOwner;
      case CHANGE_MANAGER -> changeManager;
      case LINE_MANAGER -> lineManager;
    };
  }

  /** Every person the pilot names, in role order, without repeats. */
  public java.util.Set<String> namedPeople() {
    java.util.Set<String> people = new java.util.LinkedHashSet<>();
    for (org.pilotlifecycle.framework.PilotRole role : org.pilotlifecycle.framework.PilotRole.values()) {
      String person = namedPerson(role);
      if (person != null) {
        people.add(person);
      }
    }
    return people;
  }

  /**
   * Names another person for a role (null: nobody, the role's group stands in). Not once stopped, and never
   * nobody for a required role (the executive owner, the AI product owner).
   */
  void changePerson(org.pilotlifecycle.framework.PilotRole role, String person, String actor, String reason,
      Instant now) {
    requireStatus("change its " + role.label().toLowerCase(java.util.Locale.ROOT), PilotStatus.ACTIVE,
        PilotStatus.ON_HOLD, PilotStatus.IN_PRODUCTION, PilotStatus.PAUSED);
    String next = blankToNull(person);
    if (next == null && role.required()) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of(role.field(),
          "a pilot must name its " + role.label().toLowerCase(java.util.Locale.ROOT));
    }
    String previous = namedPerson(role);
    if (java.util.Objects.equals(previous, next)) {
      return;
    }
    switch (role) {
      case EXECUTIVE_OWNER -> executiveOwner = next;
      case AI_PRODUCT_OWNER -> aiProductOwner = next;
      case TECH_LEAD -> techLead = next;
      case RISK_COMPLIANCE_OWNER -> riskComplianceOwner = next;
      case CHANGE_MANAGER -> changeManager = next;
      case LINE_MANAGER -> lineManager = next;
    }
    this.updatedAt = now;
    events.add(new PilotEvent.PersonChanged(key, currentStep, role, previous, next, actor, reason));
  }

  /** How long the pilot took from registration to production, once it is there. */
  public java.time.Duration timeToProduction() {
    return inProductionAt == null ? null : java.time.Duration.between(registeredAt, inProductionAt);
  }

  /** How long the pilot was in production, once retired; until then how long it has been so far is not kept. */
  public java.time.Duration timeInProduction() {
    return timeInProductionSeconds == null ? null : java.time.Duration.ofSeconds(timeInProductionSeconds);
  }

  /** Whether the pilot is in production, in service or paused (its production operations run). */
  public boolean inOperation() {
    return status == PilotStatus.IN_PRODUCTION || status == PilotStatus.PAUSED;
  }

  /**
   * The work of the current step (its deliverables, checks' rework, gate) is done only while the pilot is
   * ACTIVE: on hold it waits for the steering committee to resume it.
   */
  public void requireWorkAllowed(String work) {
    requireStatus(work, PilotStatus.ACTIVE);
  }

  /**
   * The gate of the current step was approved (the gate decision's record, in its transaction). A pilot enters
   * the next step, or production, only after it.
   */
  void passGate(String step, Instant now) {
    requireStatus("pass the gate of " + step, PilotStatus.ACTIVE);
    if (!step.equals(currentStep)) {
      if (!INTAKE.equals(currentStep) && !IN_PRODUCTION.equals(currentStep) && Step.named(step).framework() == framework
          && Step.of(framework).indexOf(Step.named(step)) < Step.of(framework).indexOf(Step.named(currentStep))) {
        // A decision on a gate the pilot has passed meanwhile (two approvers at once): the later one lost the race.
        throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Pilot.class, key);
      }
      throw new PilotStateException(key, status, currentStep, "pass the gate of " + step + ", which is not its step");
    }
    this.gatePassedStep = step;
    this.updatedAt = now;
  }

  /**
   * The frameworks' order, whatever a diagram says: the first step from the intake; the next one only from
   * its predecessor, once that step's gate is passed (a step without a sign-off gate, such as the production
   * architecture's automatic re-assessment, needs none); the same step again is a re-entry.
   */
  private void requireInOrder(Step next) {
    if (next.name().equals(currentStep)) {
      return;
    }
    List<Step> steps = Step.of(framework);
    if (next.framework() != framework) {
      throw new PilotStateException(key, status, currentStep, "start " + next.title() + " of another framework");
    }
    if (INTAKE.equals(currentStep)) {
      if (next != steps.get(0)) {
        throw new PilotStateException(key, status, currentStep, "start " + next.title() + " before " + steps.get(0).title());
      }
      return;
    }
    Step current = Step.named(currentStep);
    int position = steps.indexOf(current);
    if (position + 1 >= steps.size() || steps.get(position + 1) != next) {
      throw new PilotStateException(key, status, currentStep, "skip from " + current.title() + " to " + next.title());
    }
    if (!gatePassed(current)) {
      throw new PilotStateException(key, status, currentStep, "start " + next.title() + " before the gate of "
          + current.title() + " is passed");
    }
  }

  private boolean gatePassed(Step step) {
    return step.gateTaskId().isEmpty() || step.name().equals(gatePassedStep);
  }

  private void requireStatus(String transition, PilotStatus... allowed) {
    for (PilotStatus candidate : allowed) {
      if (status == candidate) {
        return;
      }
    }
    throw new PilotStateException(key, status, currentStep, transition);
  }

  /** The events of the transitions since the last save; Spring Data publishes them on save. */
  @DomainEvents
  java.util.List<PilotEvent> domainEvents() {
    return java.util.List.copyOf(events);
  }

  @AfterDomainEventPublication
  void clearDomainEvents() {
    events.clear();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public Long getId() { return id; }
  public String getKey() { return key; }
  public String getName() { return name; }
  public String getBusinessUnit() { return businessUnit; }
  public String getUseCaseDescription() { return useCaseDescription; }
  public Framework getFramework() { return framework; }
  public String getExecutiveOwner() { return executiveOwner; }
  public String getAiProductOwner() { return aiProductOwner; }
  public String getTechLead() { return techLead; }
  public String getRiskComplianceOwner() { return riskComplianceOwner; }
  public String getChangeManager() { return changeManager; }
  public String getLineManager() { return lineManager; }
  public boolean isAffectsIndividuals() { return affectsIndividuals; }
  public boolean isRegulatedDomain() { return regulatedDomain; }
  public boolean isProcessesPersonalData() { return processesPersonalData; }
  public Autonomy getAutonomy() { return autonomy; }
  public RiskTier getRiskTier() { return riskTier; }
  public Boolean getHumanInTheLoopRequired() { return humanInTheLoopRequired; }
  public BigDecimal getPilotCost() { return pilotCost; }
  public BigDecimal getProjectedProductionCost() { return projectedProductionCost; }
  public PilotStatus getStatus() { return status; }
  public String getCurrentStep() { return currentStep; }
  public String getGatePassedStep() { return gatePassedStep; }
  public Instant getStepEnteredAt() { return stepEnteredAt; }
  public Instant getStepDueAt() { return stepDueAt; }
  public String getStatusReason() { return statusReason; }
  public org.pilotlifecycle.framework.RootCause getStopRootCause() { return stopRootCause; }
  public String getStopRootCauseText() { return stopRootCauseText; }
  public Instant getStoppedAt() { return stoppedAt; }
  public org.pilotlifecycle.framework.RootCause getRetirementRootCause() { return retirementRootCause; }
  public String getRetirementRootCauseText() { return retirementRootCauseText; }
  public Instant getInProductionAt() { return inProductionAt; }
  public Instant getRetiredAt() { return retiredAt; }
  public Instant getRecertificationDueAt() { return recertificationDueAt; }
  public Instant getLastRecertifiedAt() { return lastRecertifiedAt; }
  public String getDurationOverrides() { return durationOverrides; }
  public SuccessMetric getSuccessMetric() {
    return kpiName == null ? null
        : new SuccessMetric(kpiCategory, kpiName, kpiUnit, kpiBaseline, kpiTarget, measurementMethod, annualValue, lineManager);
  }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getRegisteredBy() { return registeredBy; }
  public Instant getRegisteredAt() { return registeredAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
