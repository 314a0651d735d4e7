package org.pilotlifecycle.reporting.portfolio;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.StepCount;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.production.ProductionFacts;
import org.pilotlifecycle.production.ProductionFacts.MeasuredKpi;
import org.pilotlifecycle.production.ProductionFacts.PilotFacts;
import org.pilotlifecycle.reporting.portfolio.PortfolioEvents.AuditFacts;
import org.pilotlifecycle.reporting.portfolio.PortfolioEvents.TimelineEntry;
import org.pilotlifecycle.reporting.portfolio.Portfolio.BusinessUnitValue;
import org.pilotlifecycle.reporting.portfolio.Portfolio.PilotValue;
import org.pilotlifecycle.reporting.portfolio.Portfolio.Production;
import org.pilotlifecycle.reporting.portfolio.Portfolio.Recertification;
import org.pilotlifecycle.reporting.portfolio.Portfolio.Kpi;
import org.pilotlifecycle.reporting.portfolio.Portfolio.Maturity;
import org.pilotlifecycle.reporting.portfolio.Portfolio.StepTime;
import org.pilotlifecycle.reporting.portfolio.Portfolio.TimeToProduction;
import org.pilotlifecycle.reporting.portfolio.Portfolio.Trend;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the portfolio from the pilot registry and the audit trail: of the pilots the caller sees (every pilot
 * for the oversight roles and the system; see {@link Viewers}).
 */
@Service
public class PortfolioService {

  /** A pilot reaches production "materially faster" at this much below the first one (seed 000, phase 5). */
  static final double SHRINKING_PERCENT = 20;

  private final PortfolioPilots registry;
  private final PortfolioEvents auditTrail;
  private final ProductionFacts productionFacts;
  private final Viewers viewers;
  private final Clock clock;

  PortfolioService(PortfolioPilots registry, PortfolioEvents auditTrail, ProductionFacts productionFacts, Viewers viewers,
      Clock clock) {
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.productionFacts = productionFacts;
    this.viewers = viewers;
    this.clock = clock;
  }

  /**
   * @param businessUnit only this business unit's pilots; all when null or blank
   * @param framework only the pilots of this framework; both when null (the maturity level is then that framework's)
   */
  @Transactional(readOnly = true)
  public Portfolio portfolio(String businessUnit, Framework framework) {
    org.pilotlifecycle.pilot.Viewer viewer = viewers.current();
    List<PortfolioPilot> pilots = registry.visible(businessUnit, viewer).stream()
        .filter(pilot -> framework == null || pilot.getFramework() == framework).toList();
    Map<Long, PortfolioPilot> byId = pilots.stream().collect(Collectors.toMap(PortfolioPilot::getId, Function.identity()));
    // What the figures need of the audit trail, not every entry (issue 19, PortfolioEvents).
    AuditFacts events = auditTrail.of(viewer.seesAll(), businessUnit, framework, byId.keySet());
    List<TimeToProduction> timeToProduction = pilots.stream()
        .filter(pilot -> pilot.getInProductionAt() != null)
        .sorted(Comparator.comparing(PortfolioPilot::getInProductionAt).thenComparing(PortfolioPilot::getKey))
        .map(pilot -> new TimeToProduction(pilot.getKey(), pilot.getFramework(), pilot.getRegisteredAt(),
            pilot.getInProductionAt(), days(pilot.timeToProduction())))
        .toList();
    Trend trend = trend(timeToProduction);
    List<PortfolioPilot> reachedProduction = pilots.stream().filter(pilot -> pilot.getInProductionAt() != null).toList();
    Map<String, PilotFacts> facts = productionFacts.of(reachedProduction.stream().map(PortfolioPilot::getKey).toList());
    Instant now = clock.instant();
    return new Portfolio(businessUnit, framework, pilots.size(), counts(pilots), timeInStep(events, byId), timeToProduction, trend,
        maturity(pilots, events, trend, facts, now, productionFacts.signalHandlingTime()), kpis(pilots),
        production(reachedProduction, facts, now, productionFacts.recertificationWindow()));
  }

  /** The pilots that reached production: value realised against projected, re-certifications, signals. */
  static Production production(List<PortfolioPilot> reachedProduction, Map<String, PilotFacts> facts, Instant now,
      Duration recertificationWindow) {
    List<PilotValue> values = reachedProduction.stream()
        .sorted(Comparator.comparing(PortfolioPilot::getBusinessUnit).thenComparing(PortfolioPilot::getKey))
        .map(pilot -> value(pilot, facts.get(pilot.getKey()), now, recertificationWindow))
        .toList();
    List<PilotValue> inOperation = values.stream()
        .filter(value -> value.status() == PilotStatus.IN_PRODUCTION || value.status() == PilotStatus.PAUSED).toList();
    Map<String, List<PilotValue>> perUnit = inOperation.stream()
        .collect(Collectors.groupingBy(PilotValue::businessUnit, java.util.TreeMap::new, Collectors.toList()));
    List<BusinessUnitValue> units = perUnit.entrySet().stream()
        .map(unit -> new BusinessUnitValue(unit.getKey(), unit.getValue().size(), sum(unit.getValue(), PilotValue::projectedValue),
            sum(unit.getValue(), PilotValue::realisedValue), count(unit.getValue(), Recertification.DUE),
            count(unit.getValue(), Recertification.OVERDUE),
            unit.getValue().stream().mapToLong(PilotValue::openSignals).sum()))
        .toList();
    return new Production(
        (int) values.stream().filter(value -> value.status() == PilotStatus.IN_PRODUCTION).count(),
        (int) values.stream().filter(value -> value.status() == PilotStatus.PAUSED).count(),
        (int) values.stream().filter(value -> value.status() == PilotStatus.RETIRED).count(),
        sum(inOperation, PilotValue::projectedValue), sum(inOperation, PilotValue::realisedValue),
        (int) inOperation.stream().filter(value -> value.checkpoint() != null).count(),
        (int) inOperation.stream().filter(value -> Boolean.TRUE.equals(value.belowTarget())).count(),
        count(inOperation, Recertification.DUE), count(inOperation, Recertification.OVERDUE),
        inOperation.stream().mapToLong(PilotValue::signalsReceived).sum(),
        inOperation.stream().mapToLong(PilotValue::openSignals).sum(),
        values, units);
  }

  private static PilotValue value(PortfolioPilot pilot, PilotFacts facts, Instant now, Duration recertificationWindow) {
    PilotFacts known = facts == null ? new PilotFacts(pilot.getKey(), null, 0, 0, null) : facts;
    MeasuredKpi kpi = known.latestBusinessKpi();
    BigDecimal projected = pilot.getSuccessMetric() == null ? null : pilot.getSuccessMetric().annualValue();
    return new PilotValue(pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(), pilot.getFramework(),
        pilot.getStatus(), pilot.getInProductionAt(), pilot.getRetiredAt(), projected,
        kpi == null ? null : kpi.realised(projected), kpi == null ? null : kpi.achievedPercent(),
        kpi == null ? null : kpi.checkpoint(), kpi == null ? null : kpi.measuredAt(),
        kpi == null ? null : kpi.belowTarget(), pilot.getRecertificationDueAt(),
        recertification(pilot, now, recertificationWindow), known.signalsReceived(), known.signalsOpen());
  }

  /** Overdue past the due date, due within the window before it (when the re-certification opens), as the stuck list. */
  static Recertification recertification(PortfolioPilot pilot, Instant now, Duration window) {
    Instant due = pilot.getRecertificationDueAt();
    if (due == null || !pilot.inOperation()) {
      return Recertification.NONE;
    }
    if (due.isBefore(now)) {
      return Recertification.OVERDUE;
    }
    return due.isAfter(now.plus(window)) ? Recertification.ON_SCHEDULE : Recertification.DUE;
  }

  private static int count(List<PilotValue> values, Recertification state) {
    return (int) values.stream().filter(value -> value.recertification() == state).count();
  }

  private static BigDecimal sum(List<PilotValue> values, Function<PilotValue, BigDecimal> amount) {
    return values.stream().map(amount).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<StepCount> counts(List<PortfolioPilot> pilots) {
    Map<String, StepCount> counts = new LinkedHashMap<>();
    pilots.stream()
        .sorted(Comparator.comparing(PortfolioPilot::getFramework).thenComparingInt(pilot -> stepRank(pilot.getCurrentStep()))
            .thenComparing(PortfolioPilot::getCurrentStep).thenComparing(PortfolioPilot::getStatus))
        .forEach(pilot -> counts.merge(pilot.getFramework() + "/" + pilot.getCurrentStep() + "/" + pilot.getStatus(),
            new StepCount(pilot.getFramework(), pilot.getCurrentStep(), pilot.getStatus(), 1),
            (a, b) -> new StepCount(a.framework(), a.step(), a.status(), a.pilots() + 1)));
    return List.copyOf(counts.values());
  }

  /** The intake first, then the phases or stages in the catalogue's order, production last. */
  static int stepRank(String step) {
    if (Pilot.INTAKE.equals(step)) {
      return -1;
    }
    if (Pilot.IN_PRODUCTION.equals(step)) {
      return Integer.MAX_VALUE;
    }
    for (org.pilotlifecycle.framework.Step known : org.pilotlifecycle.framework.Step.values()) {
      if (known.name().equals(step)) {
        return known.ordinal();
      }
    }
    return Integer.MAX_VALUE - 1;
  }

  /** Durations between one phase or stage starting and the next one starting (or production). */
  private static List<StepTime> timeInStep(AuditFacts events, Map<Long, PortfolioPilot> pilots) {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    Map<Long, List<TimelineEntry>> perPilot = events.timeline().stream()
        .collect(Collectors.groupingBy(TimelineEntry::pilotId, LinkedHashMap::new, Collectors.toList()));
    perPilot.forEach((pilotId, timeline) -> {
      PortfolioPilot pilot = pilots.get(pilotId);
      if (pilot == null) {
        return; // registered after the portfolio's pilots were read
      }
      Framework framework = pilot.getFramework();
      for (int i = 0; i + 1 < timeline.size(); i++) {
        TimelineEntry step = timeline.get(i);
        if (step.type() == AuditEntryType.STEP_STARTED) {
          samples.computeIfAbsent(framework + "/" + step.step(), key -> new ArrayList<>())
              .add(days(Duration.between(step.occurredAt(), timeline.get(i + 1).occurredAt())));
        }
      }
    });
    List<StepTime> times = new ArrayList<>();
    samples.forEach((key, days) -> {
      String[] parts = key.split("/", 2);
      List<Double> sorted = days.stream().sorted().toList();
      times.add(new StepTime(Framework.valueOf(parts[0]), parts[1], sorted.size(), percentile(sorted, 50),
          percentile(sorted, 90)));
    });
    return times;
  }

  private static Trend trend(List<TimeToProduction> inProduction) {
    if (inProduction.isEmpty()) {
      return new Trend(0, null, null, null, false);
    }
    double first = inProduction.get(0).days();
    double latest = inProduction.get(inProduction.size() - 1).days();
    Double change = first == 0 ? null : round((latest - first) / first * 100);
    boolean shrinking = inProduction.size() > 1 && change != null && change <= -SHRINKING_PERCENT;
    return new Trend(inProduction.size(), first, latest, change, shrinking);
  }

  /**
   * Seed 001's scorecard, from what the portfolio shows. L1 no gate passed yet; L2 pilots pass gates repeatably but
   * none is in production; L3 pilots in production; L4 (managed portfolio) at least two in production, each with a
   * valued business KPI, verified MLOps, a governance sign-off, its value measured at a confirmed checkpoint, and
   * working monitoring (signals received, none waiting longer than {@code pilot.production.signal-handling-time});
   * L5 (AI-native operations) as L4 with at least three in production, each one's measured business KPI on target,
   * and time to production shrinking. Issue 15: L4 and L5 rest on measured value and working monitoring, not only on
   * gates passed.
   */
  static Maturity maturity(List<PortfolioPilot> pilots, AuditFacts events, Trend trend, Map<String, PilotFacts> facts,
      Instant now, Duration signalHandlingTime) {
    List<PortfolioPilot> inProduction = pilots.stream().filter(p -> p.getStatus() == PilotStatus.IN_PRODUCTION).toList();
    Set<Long> production = inProduction.stream().map(PortfolioPilot::getId).collect(Collectors.toSet());
    long approvedGates = events.approvedGates();
    Set<Long> mlopsVerified = events.mlopsVerified();
    Set<Long> governed = events.governed();
    long valued = inProduction.stream().filter(p -> p.getSuccessMetric() != null && p.getSuccessMetric().annualValue() != null
        && p.getSuccessMetric().annualValue().signum() > 0).count();
    long withMlops = production.stream().filter(mlopsVerified::contains).count();
    long withGovernance = production.stream().filter(governed::contains).count();
    List<PilotFacts> live = inProduction.stream()
        .map(p -> facts.getOrDefault(p.getKey(), new PilotFacts(p.getKey(), null, 0, 0, null))).toList();
    long measured = live.stream().filter(f -> f.latestBusinessKpi() != null).count();
    long onTarget = live.stream().filter(f -> f.latestBusinessKpi() != null && !f.latestBusinessKpi().belowTarget()).count();
    long monitored = live.stream().filter(f -> f.monitoringWorks(now, signalHandlingTime)).count();
    long received = live.stream().mapToLong(PilotFacts::signalsReceived).sum();
    long open = live.stream().mapToLong(PilotFacts::signalsOpen).sum();
    List<String> evidence = new ArrayList<>();
    evidence.add(pilots.size() + " pilot(s); " + approvedGates + " gate sign-off(s) approved");
    evidence.add(inProduction.size() + " in production: " + valued + " with a valued business KPI, " + withMlops
        + " with verified MLOps, " + withGovernance + " with a governance sign-off");
    evidence.add("value measured for " + measured + " of " + inProduction.size() + " in production, " + onTarget
        + " on target");
    evidence.add("monitoring works for " + monitored + " of " + inProduction.size() + " in production (" + received
        + " signal(s) received, " + open + " open; handled within " + signalHandlingTime.toDays() + " days)");
    evidence.add("time to production " + (trend.pilotsInProduction() < 2 ? "not yet comparable"
        : (trend.shrinking() ? "shrinks" : "does not shrink") + " (" + trend.firstDays() + " → " + trend.latestDays() + " days)"));
    int n = inProduction.size();
    boolean managed = n >= 2 && valued == n && withMlops == n && withGovernance == n && measured == n && monitored == n;
    if (managed && n >= 3 && onTarget == n && trend.shrinking()) {
      return new Maturity("L5", "AI-native operations", evidence);
    }
    if (managed) {
      return new Maturity("L4", "Managed portfolio", evidence);
    }
    if (n > 0) {
      return new Maturity("L3", "Production islands", evidence);
    }
    if (approvedGates > 0) {
      return new Maturity("L2", "Repeatable pilots", evidence);
    }
    return new Maturity("L1", "Ad-hoc pilots", evidence);
  }

  private static List<Kpi> kpis(List<PortfolioPilot> pilots) {
    return pilots.stream().filter(pilot -> pilot.getSuccessMetric() != null)
        .map(pilot -> new Kpi(pilot.getKey(), pilot.getSuccessMetric().category(), pilot.getSuccessMetric().name(),
            pilot.getSuccessMetric().unit(), pilot.getSuccessMetric().baseline(), pilot.getSuccessMetric().target(),
            pilot.getSuccessMetric().annualValue()))
        .toList();
  }

  static double percentile(List<Double> sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double days(Duration duration) {
    return round(duration.toMinutes() / 1440.0);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
