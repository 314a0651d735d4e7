package org.pilotlifecycle.pilot;

import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.StepDurations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pilot registry: records pilots and what happens to them. Called by the process glue inside the
 * engine's transaction, so a pilot row and its process instance are committed together or not at all.
 */
@Service
public class PilotRegistry {

  private final PilotRepository pilots;
  private final Validator validator;
  private final Clock clock;
  private final PeopleDirectory directory;

  PilotRegistry(PilotRepository pilots, Validator validator, Clock clock, PeopleDirectory directory) {
    this.directory = directory;
    this.pilots = pilots;
    this.validator = validator;
    this.clock = clock;
  }

  /** Every problem with the registration, sorted by field; empty when it is valid. */
  public List<FieldProblem> problemsOf(PilotRegistration registration) {
    List<FieldProblem> fieldProblems = validator.validate(registration).stream().map(PilotRegistry::toProblem).toList();
    return java.util.stream.Stream.of(fieldProblems.stream(),
            StepDurations.problemsOf(registration.stepDurations()).stream(),
            peopleProblems(registration, fieldProblems).stream())
        .flatMap(problems -> problems)
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList();
  }

  /** Each named person (whose field is otherwise valid) is a user, and in the role's group. */
  private List<FieldProblem> peopleProblems(PilotRegistration registration, List<FieldProblem> fieldProblems) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    for (org.pilotlifecycle.framework.PilotRole role : org.pilotlifecycle.framework.PilotRole.values()) {
      String person = registration.namedPerson(role);
      boolean fieldInvalid = fieldProblems.stream().anyMatch(problem -> problem.field().equals(role.field()));
      if (person != null && !person.isBlank() && !fieldInvalid) {
        directory.problemOf(role, person).ifPresent(problems::add);
      }
    }
    return problems;
  }

  /**
   * Records a registration its channel has validated ({@link #problemsOf}: the intake's start form in the
   * process, the API and the CSV import before they start it).
   *
   * @throws DuplicatePilotException when the key is taken, also by a concurrent registration (409)
   */
  @Transactional
  public Pilot register(PilotRegistration registration, String processInstanceId, String registeredBy) {
    if (pilots.existsByKey(registration.key())) {
      throw new DuplicatePilotException(registration.key(), null);
    }
    try {
      Pilot pilot = Pilot.register(registration, StepDurations.write(registration.stepDurations()), processInstanceId,
          registeredBy, clock.instant());
      // Flush now: a concurrent registration of the same key fails here, inside the engine's step.
      return pilots.saveAndFlush(pilot);
    } catch (DataIntegrityViolationException e) {
      throw new DuplicatePilotException(registration.key(), e);
    }
  }

  /** @param inputs what the decision table was given, kept as the classification's evidence */
  @Transactional
  public void recordRiskTier(String key, RiskTier tier, boolean humanInTheLoopRequired, String decisionId,
      Map<String, Object> inputs) {
    change(key, pilot -> pilot.classifyRisk(tier, humanInTheLoopRequired, decisionId, inputs, clock.instant()));
  }

  @Transactional
  public void withdraw(String key, String reason, String actor) {
    change(key, pilot -> pilot.withdraw(reason, actor, clock.instant()));
  }

  @Transactional
  public void enterStep(String key, String step, Instant dueAt) {
    change(key, pilot -> pilot.enterStep(step, dueAt, clock.instant()));
  }

  /** @throws PilotStateException (409) naming the pilot's state when it is not ACTIVE, e.g. ON_HOLD */
  @Transactional(readOnly = true)
  public void requireWorkAllowed(String key, String work) {
    get(key).requireWorkAllowed(work);
  }

  /** The current step's gate was approved: the pilot may go on to the next step (or production). */
  @Transactional
  public void passGate(String key, String step) {
    change(key, pilot -> pilot.passGate(step, clock.instant()));
  }

  @Transactional
  public void extendDeadline(String key, Instant dueAt, String actor, String reason) {
    change(key, pilot -> pilot.extendDeadline(dueAt, actor, reason, clock.instant()));
  }

  @Transactional
  public void putOnHold(String key, String reason, String actor) {
    change(key, pilot -> pilot.putOnHold(reason, actor, clock.instant()));
  }

  @Transactional
  public void resume(String key, Instant dueAt, String actor, String note) {
    change(key, pilot -> pilot.resume(dueAt, actor, note, clock.instant()));
  }

  /** Stops the pilot with the steering committee's reason and the root cause it names. */
  @Transactional
  public void stop(String key, String reason, org.pilotlifecycle.framework.RootCause.Stated rootCause, String actor) {
    change(key, pilot -> pilot.stop(reason, rootCause, actor, clock.instant()));
  }

  @Transactional
  public Pilot markInProduction(String key) {
    return change(key, pilot -> pilot.reachProduction(clock.instant()));
  }

  /** Out of service while in production (IN_PRODUCTION to PAUSED). */
  @Transactional
  public void pause(String key, String reason, String actor) {
    change(key, pilot -> pilot.pause(reason, actor, clock.instant()));
  }

  /** Back in service (PAUSED to IN_PRODUCTION). */
  @Transactional
  public void resumeProduction(String key, String actor, String note) {
    change(key, pilot -> pilot.resumeProduction(actor, note, clock.instant()));
  }

  /**
   * Decommissioned (IN_PRODUCTION or PAUSED to RETIRED), with the date, the time in production and the root cause the
   * retirement decision named.
   */
  @Transactional
  public Pilot retire(String key, String reason, org.pilotlifecycle.framework.RootCause.Stated rootCause, String actor) {
    return change(key, pilot -> pilot.retire(reason, rootCause, actor, clock.instant()));
  }

  /** The next re-certification is due at {@code dueAt}; {@code recertifiedBy} re-certified it now, or null. */
  @Transactional
  public void scheduleRecertification(String key, Instant dueAt, String recertifiedBy, String actor) {
    change(key, pilot -> pilot.scheduleRecertification(dueAt, recertifiedBy, actor, clock.instant()));
  }

  /** The first {@code limit} pilots in production the viewer sees whose re-certification is overdue, longest first. */
  @Transactional(readOnly = true)
  public List<Pilot> recertificationOverdueAt(Instant moment, int limit, Viewer viewer) {
    return pilots.findRecertificationOverdueVisible(IN_OPERATION, moment, viewer.seesAll(), people(viewer),
        org.springframework.data.domain.PageRequest.of(0, limit));
  }

  @Transactional(readOnly = true)
  public long countRecertificationOverdueAt(Instant moment, Viewer viewer) {
    return pilots.countRecertificationOverdueVisible(IN_OPERATION, moment, viewer.seesAll(), people(viewer));
  }

  private static final List<PilotStatus> IN_OPERATION = List.of(PilotStatus.IN_PRODUCTION, PilotStatus.PAUSED);

  /**
   * Names another person (null: nobody) for one of the pilot's roles; see {@link Pilot#changePerson}.
   *
   * @return the person named before
   */
  @Transactional
  public String changePerson(String key, org.pilotlifecycle.framework.PilotRole role, String person, String actor,
      String reason) {
    String[] previous = new String[1];
    change(key, pilot -> {
      previous[0] = pilot.namedPerson(role);
      pilot.changePerson(role, person, actor, reason, clock.instant());
    });
    return previous[0];
  }

  @Transactional
  public void defineSuccessMetric(String key, SuccessMetric metric) {
    change(key, pilot -> pilot.defineSuccessMetric(metric, clock.instant()));
  }

  /** One transition of one pilot; saving publishes its events (in this transaction). */
  private Pilot change(String key, java.util.function.Consumer<Pilot> transition) {
    Pilot pilot = get(key);
    transition.accept(pilot);
    return pilots.save(pilot);
  }

  /** Times to production of every other pilot already in production, in the order they got there. */
  @Transactional(readOnly = true)
  public List<Duration> earlierTimesToProduction(String key) {
    return pilots.findByInProductionAtIsNotNullAndKeyNotOrderByInProductionAtAsc(key).stream()
        .map(Pilot::timeToProduction)
        .toList();
  }

  /** The pilots the viewer sees, of every business unit or of one, oldest first. */
  @Transactional(readOnly = true)
  public List<Pilot> portfolio(String businessUnit, Viewer viewer) {
    return pilots.findForPortfolio(businessUnit == null || businessUnit.isBlank() ? null : businessUnit,
        viewer.seesAll(), people(viewer));
  }

  /**
   * The pilots that ended naming a root cause, stopped or retired, of a business unit (all when null) and that the
   * viewer sees, oldest ending first.
   */
  @Transactional(readOnly = true)
  public List<Pilot> endedWithRootCause(String businessUnit, Viewer viewer) {
    return pilots.findEndedWithRootCause(businessUnit == null || businessUnit.isBlank() ? null : businessUnit,
        viewer.seesAll(), people(viewer));
  }

  /** Pilots per framework, phase or stage and status, the whole portfolio (the metrics). */
  @Transactional(readOnly = true)
  public List<StepCount> countByStep() {
    return pilots.countByStep();
  }

  /** Pilots the viewer sees, per framework, phase or stage and status. */
  @Transactional(readOnly = true)
  public List<StepCount> countByStep(Viewer viewer) {
    return viewer.seesAll() ? pilots.countByStep() : pilots.countByStepVisible(false, people(viewer));
  }

  /** Active pilots whose current phase or stage was due before the moment (index ix_pilot_status_step_due). */
  @Transactional(readOnly = true)
  public List<Pilot> overdueAt(Instant moment) {
    return pilots.findByStatusAndStepDueAtBefore(PilotStatus.ACTIVE, moment);
  }

  /**
   * The first {@code limit} active pilots the viewer sees past their step's due date, longest overdue first (the
   * index's order).
   */
  @Transactional(readOnly = true)
  public List<Pilot> longestOverdueAt(Instant moment, int limit, Viewer viewer) {
    org.springframework.data.domain.Pageable first = org.springframework.data.domain.PageRequest.of(0, limit);
    return viewer.seesAll()
        ? pilots.findByStatusAndStepDueAtBeforeOrderByStepDueAtAscKeyAsc(PilotStatus.ACTIVE, moment, first)
        : pilots.findOverdueVisible(PilotStatus.ACTIVE, moment, false, people(viewer), first);
  }

  @Transactional(readOnly = true)
  public long countOverdueAt(Instant moment, Viewer viewer) {
    return viewer.seesAll() ? pilots.countByStatusAndStepDueAtBefore(PilotStatus.ACTIVE, moment)
        : pilots.countOverdueVisible(PilotStatus.ACTIVE, moment, false, people(viewer));
  }

  /**
   * The keys of the running pilots (active, on hold, in production or paused: those with process instances) the
   * viewer sees, to narrow engine queries to them; for a viewer who does not see every pilot (their pilots are few).
   */
  @Transactional(readOnly = true)
  public java.util.Set<String> runningKeysVisibleTo(Viewer viewer) {
    return new java.util.HashSet<>(pilots.findVisibleKeys(List.of(PilotStatus.ACTIVE, PilotStatus.ON_HOLD,
            PilotStatus.IN_PRODUCTION, PilotStatus.PAUSED),
        viewer.seesAll(), people(viewer)));
  }

  /**
   * Locks the pilot's row until the transaction ends, so that writers that number or chain what belongs to one pilot
   * (its audit chain, its evidence versions) take turns. Leaves the pilot's optimistic version alone.
   */
  @Transactional
  public void lock(Long pilotId) {
    pilots.lockRow(pilotId);
  }

  /** The pilot of this id, for the system (scheduled work). @throws PilotNotFoundException when there is none */
  @Transactional(readOnly = true)
  public Pilot byId(Long id) {
    return pilots.findById(id).orElseThrow(() -> new PilotNotFoundException(String.valueOf(id)));
  }

  @Transactional(readOnly = true)
  public java.util.Map<String, Pilot> byKeys(java.util.Collection<String> keys) {
    return keys.isEmpty() ? java.util.Map.of() : pilots.findByKeyIn(keys).stream()
        .collect(java.util.stream.Collectors.toMap(Pilot::getKey, pilot -> pilot));
  }

  /** The pilot's own allowed duration for a phase or stage, when it was set at registration. */
  @Transactional(readOnly = true)
  public java.util.Optional<Duration> durationOverride(String key, String step) {
    return StepDurations.read(get(key).getDurationOverrides()).flatMap(overrides ->
        java.util.Optional.ofNullable(overrides.get(step)).map(Duration::ofDays));
  }

  @Transactional(readOnly = true)
  public Pilot get(String key) {
    return pilots.findByKey(key).orElseThrow(() -> new PilotNotFoundException(key));
  }

  /**
   * The pilot, when the viewer sees it.
   *
   * @throws PilotNotFoundException for an unknown key and for a pilot the viewer does not see alike (404, the same
   *     body), so that a key does not leak
   */
  @Transactional(readOnly = true)
  public Pilot get(String key, Viewer viewer) {
    return pilots.findVisible(key, viewer.seesAll(), people(viewer)).orElseThrow(() -> new PilotNotFoundException(key));
  }

  @Transactional(readOnly = true)
  public boolean exists(String key) {
    return pilots.existsByKey(key);
  }

  /** The pilots the viewer sees, optionally of one status and framework. */
  @Transactional(readOnly = true)
  public Page<Pilot> list(PilotStatus status, Framework framework, Viewer viewer, Pageable pageable) {
    return list(status, framework, null, null, viewer, pageable);
  }

  /**
   * The pilots the viewer sees, by any of status, framework, current phase or stage (a {@link
   * org.pilotlifecycle.framework.Step} name or {@code IN_PRODUCTION}) and business unit; null or blank: any.
   */
  @Transactional(readOnly = true)
  public Page<Pilot> list(PilotStatus status, Framework framework, String step, String businessUnit, Viewer viewer,
      Pageable pageable) {
    return pilots.search(status, framework, step == null || step.isBlank() ? null : step,
        businessUnit == null || businessUnit.isBlank() ? null : businessUnit, viewer.seesAll(), people(viewer), pageable);
  }

  /** The business units of the pilots the viewer sees, sorted. */
  @Transactional(readOnly = true)
  public List<String> businessUnits(Viewer viewer) {
    return pilots.findVisibleBusinessUnits(viewer.seesAll(), people(viewer));
  }

  /**
   * The people a viewer acts as, for the visibility queries' {@code in} lists: never empty (an empty list is not
   * portable SQL), the empty string standing for nobody (no user id is empty).
   */
  private static java.util.Collection<String> people(Viewer viewer) {
    List<String> people = new java.util.ArrayList<>(viewer.actsAs() == null ? List.of() : viewer.actsAs());
    viewer.standsInFor().forEach(role -> people.add(Viewer.standInMarker(role)));
    return people.isEmpty() ? List.of("") : people;
  }

  private static FieldProblem toProblem(ConstraintViolation<PilotRegistration> violation) {
    return new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage());
  }
}
