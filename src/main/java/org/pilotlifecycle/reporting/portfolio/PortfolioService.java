package org.pilotlifecycle.reporting.portfolio;

import java.time.Duration;
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
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.StepCount;
import org.pilotlifecycle.pilot.Viewers;
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

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final Viewers viewers;

  PortfolioService(PilotRegistry registry, PilotAuditTrail auditTrail, Viewers viewers) {
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.viewers = viewers;
  }

  @Transactional(readOnly = true)
  public Portfolio portfolio(String businessUnit) {
    List<Pilot> pilots = registry.portfolio(businessUnit, viewers.current());
    Map<Long, Pilot> byId = pilots.stream().collect(Collectors.toMap(Pilot::getId, Function.identity()));
    List<AuditEntry> events = auditTrail.events(byId.keySet(), Set.of(AuditEntryType.STEP_STARTED,
        AuditEntryType.IN_PRODUCTION, AuditEntryType.CHECK, AuditEntryType.GATE_DECISION));
    List<TimeToProduction> timeToProduction = pilots.stream()
        .filter(pilot -> pilot.getInProductionAt() != null)
        .sorted(Comparator.comparing(Pilot::getInProductionAt).thenComparing(Pilot::getKey))
        .map(pilot -> new TimeToProduction(pilot.getKey(), pilot.getFramework(), pilot.getRegisteredAt(),
            pilot.getInProductionAt(), days(pilot.timeToProduction())))
        .toList();
    Trend trend = trend(timeToProduction);
    return new Portfolio(businessUnit, pilots.size(), counts(pilots), timeInStep(events, byId), timeToProduction, trend,
        maturity(pilots, events, trend), kpis(pilots));
  }

  private static List<StepCount> counts(List<Pilot> pilots) {
    Map<String, StepCount> counts = new LinkedHashMap<>();
    pilots.stream()
        .sorted(Comparator.comparing(Pilot::getFramework).thenComparing(Pilot::getCurrentStep).thenComparing(Pilot::getStatus))
        .forEach(pilot -> counts.merge(pilot.getFramework() + "/" + pilot.getCurrentStep() + "/" + pilot.getStatus(),
            new StepCount(pilot.getFramework(), pilot.getCurrentStep(), pilot.getStatus(), 1),
            (a, b) -> new StepCount(a.framework(), a.step(), a.status(), a.pilots() + 1)));
    return List.copyOf(counts.values());
  }

  /** Durations between one phase or stage starting and the next one starting (or production). */
  private static List<StepTime> timeInStep(List<AuditEntry> events, Map<Long, Pilot> pilots) {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    Map<Long, List<AuditEntry>> perPilot = events.stream()
        .filter(event -> (event.getType() == AuditEntryType.STEP_STARTED && event.getName() == null)
            || event.getType() == AuditEntryType.IN_PRODUCTION)
        .collect(Collectors.groupingBy(AuditEntry::getPilotId, LinkedHashMap::new, Collectors.toList()));
    perPilot.forEach((pilotId, timeline) -> {
      Framework framework = pilots.get(pilotId).getFramework();
      for (int i = 0; i + 1 < timeline.size(); i++) {
        AuditEntry step = timeline.get(i);
        if (step.getType() == AuditEntryType.STEP_STARTED) {
          samples.computeIfAbsent(framework + "/" + step.getStep(), key -> new ArrayList<>())
              .add(days(Duration.between(step.getOccurredAt(), timeline.get(i + 1).getOccurredAt())));
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
   * L1 no gate passed yet; L2 pilots pass gates repeatably but none is in production; L3 pilots in
   * production; L4 several in production, each with a valued business KPI, verified MLOps and a
   * governance sign-off; L5 as L4 with at least three in production and time to production shrinking.
   */
  private static Maturity maturity(List<Pilot> pilots, List<AuditEntry> events, Trend trend) {
    List<Pilot> inProduction = pilots.stream().filter(p -> p.getStatus() == PilotStatus.IN_PRODUCTION).toList();
    Set<Long> production = inProduction.stream().map(Pilot::getId).collect(Collectors.toSet());
    long approvedGates = events.stream().filter(e -> e.getType() == AuditEntryType.GATE_DECISION
        && "APPROVED".equals(e.getOutcome())).count();
    Set<Long> mlopsVerified = events.stream().filter(e -> e.getType() == AuditEntryType.CHECK && "PASSED".equals(e.getOutcome())
        && ("MLOPS_CAPABILITY".equals(e.getName()) || "PRODUCTION_READINESS".equals(e.getName())))
        .map(AuditEntry::getPilotId).collect(Collectors.toSet());
    Set<Long> governed = events.stream().filter(e -> e.getType() == AuditEntryType.GATE_DECISION
        && "APPROVED".equals(e.getOutcome())
        && ("GOVERNANCE_AND_RISK_CONTROLS".equals(e.getStep()) || "ENTERPRISE_SCALE".equals(e.getStep())))
        .map(AuditEntry::getPilotId).collect(Collectors.toSet());
    long valued = inProduction.stream().filter(p -> p.getSuccessMetric() != null && p.getSuccessMetric().annualValue() != null
        && p.getSuccessMetric().annualValue().signum() > 0).count();
    long withMlops = production.stream().filter(mlopsVerified::contains).count();
    long withGovernance = production.stream().filter(governed::contains).count();
    List<String> evidence = new ArrayList<>();
    evidence.add(pilots.size() + " pilot(s); " + approvedGates + " gate sign-off(s) approved");
    evidence.add(inProduction.size() + " in production: " + valued + " with a valued business KPI, " + withMlops
        + " with verified MLOps, " + withGovernance + " with a governance sign-off");
    evidence.add("time to production " + (trend.pilotsInProduction() < 2 ? "not yet comparable"
        : (trend.shrinking() ? "shrinks" : "does not shrink") + " (" + trend.firstDays() + " → " + trend.latestDays() + " days)"));
    boolean managed = inProduction.size() >= 2 && valued == inProduction.size() && withMlops == inProduction.size()
        && withGovernance == inProduction.size();
    if (managed && inProduction.size() >= 3 && trend.shrinking()) {
      return new Maturity("L5", "AI-native operations", evidence);
    }
    if (managed) {
      return new Maturity("L4", "Managed portfolio", evidence);
    }
    if (!inProduction.isEmpty()) {
      return new Maturity("L3", "Production islands", evidence);
    }
    if (approvedGates > 0) {
      return new Maturity("L2", "Repeatable pilots", evidence);
    }
    return new Maturity("L1", "Ad-hoc pilots", evidence);
  }

  private static List<Kpi> kpis(List<Pilot> pilots) {
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
