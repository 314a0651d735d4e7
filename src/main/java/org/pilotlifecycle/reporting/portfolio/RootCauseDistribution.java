package org.pilotlifecycle.reporting.portfolio;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.pilotlifecycle.engine.OrganisationProperties;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The distribution of root causes over the stopped pilots the caller sees (see {@link RootCauses}). */
@Service
public class RootCauseDistribution {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private final PilotRegistry registry;
  private final Viewers viewers;
  private final ZoneId zone;

  RootCauseDistribution(PilotRegistry registry, Viewers viewers, OrganisationProperties organisation) {
    this.registry = registry;
    this.viewers = viewers;
    this.zone = organisation.timeZone();
  }

  @Transactional(readOnly = true)
  public RootCauses of(String businessUnit) {
    List<Pilot> stopped = registry.stoppedWithRootCause(businessUnit, viewers.current());
    List<RootCauses.StoppedPilot> pilots = stopped.stream()
        .map(pilot -> new RootCauses.StoppedPilot(pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(),
            pilot.getFramework(), pilot.getCurrentStep(), pilot.getStopRootCause(), pilot.getStopRootCauseText(),
            pilot.getStoppedAt(), month(pilot)))
        .toList();
    List<RootCauses.ByBusinessUnit> byBusinessUnit = grouped(pilots, RootCauses.StoppedPilot::businessUnit).entrySet()
        .stream().map(group -> new RootCauses.ByBusinessUnit(group.getKey(), group.getValue().size(),
            counts(group.getValue())))
        .toList();
    List<RootCauses.ByMonth> byMonth = grouped(pilots, RootCauses.StoppedPilot::month).entrySet().stream()
        .map(group -> new RootCauses.ByMonth(group.getKey(), group.getValue().size(), counts(group.getValue())))
        .toList();
    return new RootCauses(businessUnit == null || businessUnit.isBlank() ? null : businessUnit, pilots.size(),
        counts(pilots), Arrays.stream(RootCause.values()).map(cause -> new RootCauses.Cause(cause, cause.label())).toList(),
        byBusinessUnit, byMonth, pilots);
  }

  private String month(Pilot pilot) {
    return pilot.getStoppedAt() == null ? "unknown" : MONTH.format(pilot.getStoppedAt().atZone(zone));
  }

  /** Sorted by the group's name (business units alphabetically, months in order). */
  private static Map<String, List<RootCauses.StoppedPilot>> grouped(List<RootCauses.StoppedPilot> pilots,
      Function<RootCauses.StoppedPilot, String> by) {
    Map<String, List<RootCauses.StoppedPilot>> groups = new TreeMap<>();
    pilots.forEach(pilot -> groups.computeIfAbsent(by.apply(pilot), key -> new java.util.ArrayList<>()).add(pilot));
    return groups;
  }

  /** Every root cause, zeros included, in the vocabulary's order. */
  static Map<RootCause, Long> counts(List<RootCauses.StoppedPilot> pilots) {
    Map<RootCause, Long> counts = new EnumMap<>(RootCause.class);
    Arrays.stream(RootCause.values()).forEach(cause -> counts.put(cause, 0L));
    pilots.forEach(pilot -> counts.merge(pilot.rootCause(), 1L, Long::sum));
    return new LinkedHashMap<>(counts);
  }
}
