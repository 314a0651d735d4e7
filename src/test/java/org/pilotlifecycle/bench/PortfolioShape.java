package org.pilotlifecycle.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.framework.Step;

/**
 * What the registry and the audit trail hold of seeded pilot i (issue 19: the portfolio's shape, not an empty one),
 * deterministic in i. Only the registry row, its audit trail, its KPI measurements and its monitoring signals follow
 * this shape: every seeded pilot's process still waits at "Define success metric" with its named AI product owner's
 * task and its overdue timer (PortfolioSeeder), so the "My work", "Overdue", stuck and timer figures keep their
 * meaning.
 *
 * <ul>
 *   <li>one in ten (i % 10 == 0) is stuck as before: ACTIVE in OUTCOME_DEFINITION of the five phases, past its due date;
 *   <li>one in ten (i % 10 == 3) is IN_PRODUCTION, one in a hundred (i % 100 == 17) PAUSED, one in fifty
 *       (i % 50 == 7) RETIRED with a retirement root cause: success metric with its annual value, re-certification
 *       due in the next year (never overdue: the stuck list's count stays as it was), business KPIs measured at the
 *       30/90/180-day checkpoints they reached, monitoring signals (most handled, a few open);
 *   <li>one in twenty-five (i % 25 == 9) STOPPED with a stop root cause, one in a hundred (i % 100 == 29) ON_HOLD;
 *   <li>the others ACTIVE, about a third in the four stages, spread over the phases and stages (more in the early ones);
 * </ul>
 * each with STEP_STARTED, DELIVERABLE_SUBMITTED, CHECK and GATE_DECISION rows for every step it passed (the gate and
 * deliverable rows with an evidence snapshot of about a kilobyte, as the application records them), REGISTERED,
 * IN_PRODUCTION, STOPPED and RETIRED where they apply.
 */
final class PortfolioShape {

  record Event(Instant at, String type, String step, String name, String actor, String outcome, String reason,
      String details) {
  }

  record Measurement(String checkpoint, String kind, String kpi, String unit, BigDecimal measured, BigDecimal baseline,
      BigDecimal target, boolean belowTarget, Instant at) {
  }

  record Signal(String key, String type, String severity, Instant receivedAt, boolean open, String outcome) {
  }

  final Framework framework;
  final String status;
  final String currentStep;
  final String gatePassedStep;
  final Instant registeredAt;
  final Instant stepEnteredAt;
  final Instant stepDueAt;
  Instant inProductionAt;
  Instant retiredAt;
  Long timeInProductionSeconds;
  Instant recertificationDueAt;
  Instant lastRecertifiedAt;
  Instant stoppedAt;
  String stopRootCause;
  String retirementRootCause;
  String rootCauseText;
  String statusReason;
  final boolean successMetric;
  final String kpiCategory;
  final String kpiName;
  final String kpiUnit;
  final BigDecimal kpiBaseline;
  final BigDecimal kpiTarget;
  final BigDecimal annualValue;
  final List<Event> events = new ArrayList<>();
  final List<Measurement> measurements = new ArrayList<>();
  final List<Signal> signals = new ArrayList<>();

  private static final String[] CATEGORIES = {"COST", "PRODUCTIVITY", "REVENUE", "RISK", "ADOPTION"};
  private static final String[] CHECKPOINTS = {"DAY_30", "DAY_90", "DAY_180"};
  private static final int[] CHECKPOINT_DAYS = {30, 90, 180};

  /**
   * @param due the due date PortfolioSeeder gives pilot i's overdue timer (past for the stuck ones): an ACTIVE
   *     pilot's step falls due then
   */
  PortfolioShape(int i, Instant now, Instant due, String[] people) {
    SplittableRandom random = new SplittableRandom(0x5EEDL * 31 + i);
    String status;
    if (PortfolioSeeder.stuck(i)) {
      status = "ACTIVE";
    } else if (i % 10 == 3) {
      status = "IN_PRODUCTION";
    } else if (i % 100 == 17) {
      status = "PAUSED";
    } else if (i % 50 == 7) {
      status = "RETIRED";
    } else if (i % 25 == 9) {
      status = "STOPPED";
    } else if (i % 100 == 29) {
      status = "ON_HOLD";
    } else {
      status = "ACTIVE";
    }
    this.status = status;
    this.framework = PortfolioSeeder.stuck(i) || random.nextInt(100) >= 35 ? Framework.FIVE_PHASE : Framework.FOUR_STAGE;
    List<Step> steps = Step.of(framework);
    boolean reachedProduction = status.equals("IN_PRODUCTION") || status.equals("PAUSED") || status.equals("RETIRED");
    // Where it is: the step it works in (ACTIVE, ON_HOLD, STOPPED), or past the last one.
    int at;
    if (PortfolioSeeder.stuck(i)) {
      at = 0;
    } else if (reachedProduction) {
      at = steps.size();
    } else {
      // More pilots in the early steps than in the late ones.
      double u = random.nextDouble();
      at = Math.min(steps.size() - 1, (int) (u * u * steps.size()));
    }
    // How long each step took (or takes): its default duration times 0.5 to 1.5.
    long[] minutes = new long[steps.size()];
    for (int s = 0; s < steps.size(); s++) {
      minutes[s] = (long) (steps.get(s).defaultDuration().toMinutes() * (0.5 + random.nextDouble()));
    }
    Instant end; // when the step `at` started (or production was reached)
    if (reachedProduction) {
      Instant retired = status.equals("RETIRED") ? now.minus(Duration.ofDays(1 + random.nextInt(200))) : null;
      Instant from = retired != null ? retired : now;
      inProductionAt = from.minus(Duration.ofDays(reachedProductionDaysAgo(status, random)));
      end = inProductionAt;
      retiredAt = retired;
    } else if (status.equals("STOPPED")) {
      stoppedAt = now.minus(Duration.ofDays(3 + random.nextInt(400)));
      end = stoppedAt.minus(Duration.ofMinutes((long) (minutes[at] * 0.7)));
    } else {
      end = due.minus(steps.get(at).defaultDuration());
    }
    Instant[] starts = new Instant[steps.size()];
    Instant t = end;
    for (int s = Math.min(at, steps.size()) - 1; s >= 0; s--) {
      t = t.minus(Duration.ofMinutes(minutes[s]));
      starts[s] = t;
    }
    if (at < steps.size()) {
      starts[at] = end;
    }
    Instant registered = (at == 0 ? end : starts[0]).minus(Duration.ofHours(2 + random.nextInt(72)));
    this.registeredAt = registered;
    this.currentStep = reachedProduction ? "IN_PRODUCTION" : steps.get(at).name();
    this.gatePassedStep = at == 0 ? null : steps.get(at - 1).name();
    this.stepEnteredAt = reachedProduction ? inProductionAt : (at == 0 && PortfolioSeeder.stuck(i) ? end : starts[at]);
    this.stepDueAt = status.equals("ACTIVE") || status.equals("ON_HOLD") ? due : null;

    // The success metric: defined in the first phase or stage, so every pilot past it has one.
    this.successMetric = at > 0 || reachedProduction;
    this.kpiCategory = CATEGORIES[random.nextInt(CATEGORIES.length)];
    this.kpiName = "Seeded KPI " + kpiCategory.toLowerCase();
    this.kpiUnit = "%";
    this.kpiBaseline = BigDecimal.valueOf(20 + random.nextInt(40)).setScale(4);
    this.kpiTarget = kpiBaseline.add(BigDecimal.valueOf(5 + random.nextInt(30))).setScale(4);
    this.annualValue = BigDecimal.valueOf(50_000L + random.nextInt(1_950) * 1_000L).setScale(2);

    String evidence = evidence(i, people);
    events.add(new Event(registered, "REGISTERED", null, null, "paul", null, null,
        "{\"framework\":\"" + framework.name() + "\"}"));
    for (int s = 0; s < Math.min(at + 1, steps.size()); s++) {
      Step step = steps.get(s);
      Instant started = starts[s];
      events.add(new Event(started, "STEP_STARTED", step.name(), null, null, null, null,
          "{\"dueAt\":\"" + started.plus(step.defaultDuration()) + "\"}"));
      boolean passed = s < at;
      if (!passed) {
        break;
      }
      long took = minutes[s];
      events.add(new Event(started.plus(Duration.ofMinutes(took * 6 / 10)), "DELIVERABLE_SUBMITTED", step.name(),
          "Task_Provide" + s, people[1], null, null, evidence));
      int check = 0;
      for (String name : checks(step)) {
        Instant checked = started.plus(Duration.ofMinutes(took * 7 / 10 + check++));
        if (random.nextInt(5) == 0) {
          events.add(new Event(checked.minus(Duration.ofDays(3)), "CHECK", step.name(), name, null, "FAILED",
              name.toLowerCase() + ": below the threshold", "{\"score\":2}"));
        }
        events.add(new Event(checked, "CHECK", step.name(), name, null, "PASSED", name.toLowerCase() + ": met",
            "{\"score\":4}"));
      }
      Instant gate = (s + 1 < steps.size() && starts[s + 1] != null ? starts[s + 1] : end).minus(Duration.ofHours(1));
      events.add(new Event(gate, "GATE_DECISION", step.name(), (framework == Framework.FIVE_PHASE ? "PHASE " : "STAGE ")
          + (s + 1) + " gate", people[0], "APPROVED", null, evidence));
    }
    if (reachedProduction) {
      long days = Duration.between(registered, inProductionAt).toHours() / 24;
      events.add(new Event(inProductionAt, "IN_PRODUCTION", "IN_PRODUCTION", null, null, null, null,
          "{\"inProductionAt\":\"" + inProductionAt + "\",\"timeToProductionDays\":" + days + "}"));
      production(i, now, random);
    }
    if (status.equals("STOPPED")) {
      stopRootCause = RootCause.values()[random.nextInt(RootCause.values().length)].name();
      rootCauseText = stopRootCause.equals("OTHER") ? "Vendor withdrew the model" : null;
      statusReason = "Stopped by the steering committee";
      events.add(new Event(stoppedAt, "STOPPED", currentStep, null, "sam", null, statusReason,
          "{\"rootCause\":\"" + stopRootCause + "\"}"));
    }
    if (status.equals("ON_HOLD")) {
      statusReason = "Waiting for a data-sharing agreement";
      events.add(new Event(now.minus(Duration.ofDays(2)), "PUT_ON_HOLD", currentStep, null, "sam", null, statusReason,
          null));
    }
    events.sort(java.util.Comparator.comparing(Event::at));
  }

  private static long reachedProductionDaysAgo(String status, SplittableRandom random) {
    return status.equals("RETIRED") ? 60 + random.nextInt(440) : 5 + random.nextInt(720);
  }

  private void production(int i, Instant now, SplittableRandom random) {
    Instant until = retiredAt != null ? retiredAt : now;
    if (retiredAt != null) {
      timeInProductionSeconds = Duration.between(inProductionAt, retiredAt).toSeconds();
      retirementRootCause = RootCause.values()[random.nextInt(RootCause.values().length)].name();
      rootCauseText = retirementRootCause.equals("OTHER") ? "Replaced by a vendor product" : null;
      statusReason = "Retired after the executive review";
      events.add(new Event(retiredAt, "RETIRED", "IN_PRODUCTION", null, "sam", null, statusReason,
          "{\"retiredAt\":\"" + retiredAt + "\",\"rootCause\":\"" + retirementRootCause + "\"}"));
    } else {
      // Due within the next year, a few within the re-certification window; never overdue (the stuck list's count).
      recertificationDueAt = now.plus(Duration.ofDays(3 + random.nextInt(360)));
      if (Duration.between(inProductionAt, now).toDays() > 365) {
        lastRecertifiedAt = recertificationDueAt.minus(Duration.ofDays(365));
      }
    }
    long daysIn = Duration.between(inProductionAt, until).toDays();
    boolean below = random.nextInt(5) == 0;
    for (int c = 0; c < CHECKPOINTS.length && CHECKPOINT_DAYS[c] <= daysIn; c++) {
      Instant at = inProductionAt.plus(Duration.ofDays(CHECKPOINT_DAYS[c]));
      double share = below ? 0.3 + 0.1 * c : 0.7 + 0.15 * c + random.nextDouble() * 0.2;
      BigDecimal measured = kpiBaseline.add(kpiTarget.subtract(kpiBaseline).multiply(BigDecimal.valueOf(share)))
          .setScale(4, RoundingMode.HALF_UP);
      measurements.add(new Measurement(CHECKPOINTS[c], "BUSINESS", kpiName, kpiUnit, measured, kpiBaseline, kpiTarget,
          measured.compareTo(kpiTarget) < 0 && below, at));
      measurements.add(new Measurement(CHECKPOINTS[c], "MODEL", "Precision", "%", BigDecimal.valueOf(88 + random.nextInt(8))
          .setScale(4), BigDecimal.valueOf(85).setScale(4), BigDecimal.valueOf(90).setScale(4), false, at));
      events.add(new Event(at.plus(Duration.ofHours(4)), "VALUE_CHECKPOINT", "IN_PRODUCTION", CHECKPOINTS[c], "sam",
          null, null, "{\"belowTarget\":" + below + "}"));
    }
    // Monitoring: two in three pilots in production send signals, most reviewed within days, some still open.
    if (random.nextInt(3) > 0 && daysIn > 2) {
      int count = 1 + random.nextInt(4);
      for (int s = 0; s < count; s++) {
        Instant received = until.minus(Duration.ofHours(1 + random.nextLong(daysIn * 24)));
        boolean open = retiredAt == null && s == 0 && random.nextInt(6) == 0;
        String[] types = {"DRIFT", "INCIDENT", "KPI_BREACH"};
        String[] severities = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
        signals.add(new Signal("seed-" + i + "-" + s, types[random.nextInt(3)], severities[random.nextInt(4)], received,
            open, open ? null : "CONTINUE"));
      }
    }
  }

  /** The checks the application runs in each step (their names as CheckRecorder records them). */
  static List<String> checks(Step step) {
    return switch (step) {
      case OUTCOME_DEFINITION -> List.of("SUCCESS_METRIC");
      case DATA_READINESS -> List.of("DATA_READINESS", "PRODUCTION_DATA_TOLERANCE");
      case MLOPS_INFRASTRUCTURE -> List.of("MLOPS_CAPABILITY", "COST_MODEL");
      case OPERATING_MODEL -> List.of("REPEATABILITY");
      case PILOT_VALIDATION -> List.of("GO_NO_GO");
      case PRODUCTION_ARCHITECTURE -> List.of("PRODUCTION_READINESS");
      default -> List.of();
    };
  }

  /** An evidence snapshot as a gate decision or a deliverable records it: the process's plain values, ~1 kB. */
  private static String evidence(int i, String[] people) {
    return "{\"aiProductOwner\":\"" + people[1] + "\",\"annualValue\":250000,\"businessUnit\":\""
        + PortfolioSeeder.businessUnit(i) + "\",\"changeManager\":\"" + people[4] + "\",\"currentStepLabel\":\"Seeded\","
        + "\"dataReadinessScore\":4,\"executiveOwner\":\"" + people[0] + "\",\"humanInTheLoopRequired\":false,"
        + "\"kpiBaseline\":30,\"kpiCategory\":\"COST\",\"kpiName\":\"Seeded KPI\",\"kpiTarget\":45,"
        + "\"measurementMethod\":\"Monthly sample of 200 cases, measured by the business owner's analysts against the "
        + "baseline of the quarter before the pilot started\",\"name\":\"Seeded pilot " + i + "\",\"pilotCost\":120000,"
        + "\"pilotKey\":\"" + PortfolioSeeder.key(i) + "\",\"projectedProductionCost\":480000,\"riskComplianceOwner\":\""
        + people[3] + "\",\"riskTier\":\"LOW\",\"techLead\":\"" + people[2] + "\",\"useCaseDescription\":\"A seeded "
        + "pilot of the benchmark's portfolio: it triages incoming requests, drafts the answer for the case handler, "
        + "who checks and sends it; the model runs on the organisation's platform with the usual monitoring.\","
        + "\"gateComment\":\"Evidence reviewed with the team; the deliverables meet the phase's criteria.\"}";
  }
}
