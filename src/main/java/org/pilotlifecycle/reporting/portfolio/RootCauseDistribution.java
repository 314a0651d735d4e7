package org.pilotlifecycle.reporting.portfolio;

import java.time.Instant;
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
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The distribution of root causes over the pilots the caller sees that ended, stopped or retired (see
 * {@link RootCauses}).
 */
@Service
public class RootCauseDistribution {

  /** The two ways a pilot ends naming a root cause, in this order in every {@code byEnding}. */
  static final List<PilotStatus> ENDINGS = List.of(PilotStatus.STOPPED, PilotStatus.RETIRED);

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
    List<RootCauses.EndedPilot> pilots = registry.endedWithRootCause(businessUnit, viewers.current()).stream()
        .map(this::ended).toList();
    List<RootCauses.ByBusinessUnit> byBusinessUnit = grouped(pilots, RootCauses.EndedPilot::businessUnit).entrySet()
        .stream().map(group -> new RootCauses.ByBusinessUnit(group.getKey(), group.getValue().size(),
            count(group.getValue(), PilotStatus.STOPPED), count(group.getValue(), PilotStatus.RETIRED),
            counts(group.getValue()), byEnding(group.getValue())))
        .toList();
    List<RootCauses.ByMonth> byMonth = grouped(pilots, RootCauses.EndedPilot::month).entrySet().stream()
        .map(group -> new RootCauses.ByMonth(group.getKey(), group.getValue().size(),
            count(group.getValue(), PilotStatus.STOPPED), count(group.getValue(), PilotStatus.RETIRED),
            counts(group.getValue()), byEnding(group.getValue())))
        .toList();
    return new RootCauses(businessUnit == null || businessUnit.isBlank() ? null : businessUnit, pilots.size(),
        count(pilots, PilotStatus.STOPPED), count(pilots, PilotStatus.RETIRED), counts(pilots), byEnding(pilots),
        Arrays.stream(RootCause.values()).map(cause -> new RootCauses.Cause(cause, cause.label())).toList(),
        byBusinessUnit, byMonth, pilots);
  }

  /** A stop's root cause where the pilot names one, otherwise its retirement's (a pilot ends once). */
  private RootCauses.EndedPilot ended(Pilot pilot) {
    boolean stopped = pilot.getStopRootCause() != null;
    Instant at = stopped ? pilot.getStoppedAt() : pilot.getRetiredAt();
    return new RootCauses.EndedPilot(pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(), pilot.getFramework(),
        pilot.getCurrentStep(), stopped ? PilotStatus.STOPPED : PilotStatus.RETIRED,
        stopped ? pilot.getStopRootCause() : pilot.getRetirementRootCause(),
        stopped ? pilot.getStopRootCauseText() : pilot.getRetirementRootCauseText(), at,
        at == null ? "unknown" : MONTH.format(at.atZone(zone)));
  }

  /** Sorted by the group's name (business units alphabetically, months in order). */
  private static Map<String, List<RootCauses.EndedPilot>> grouped(List<RootCauses.EndedPilot> pilots,
      Function<RootCauses.EndedPilot, String> by) {
    Map<String, List<RootCauses.EndedPilot>> groups = new TreeMap<>();
    pilots.forEach(pilot -> groups.computeIfAbsent(by.apply(pilot), key -> new java.util.ArrayList<>()).add(pilot));
    return groups;
  }

  private static int count(List<RootCauses.EndedPilot> pilots, PilotStatus ended) {
    return (int) pilots.stream().filter(pilot -> pilot.ended() == ended).count();
  }

  /** The counts of the stopped and of the retired pilots, each with every root cause. */
  private static Map<PilotStatus, Map<RootCause, Long>> byEnding(List<RootCauses.EndedPilot> pilots) {
    Map<PilotStatus, Map<RootCause, Long>> byEnding = new LinkedHashMap<>();
    ENDINGS.forEach(ended -> byEnding.put(ended, counts(pilots.stream().filter(p -> p.ended() == ended).toList())));
    return byEnding;
  }

  /** Every root cause, zeros included, in the vocabulary's order. */
  static Map<RootCause, Long> counts(List<RootCauses.EndedPilot> pilots) {
    Map<RootCause, Long> counts = new EnumMap<>(RootCause.class);
    Arrays.stream(RootCause.values()).forEach(cause -> counts.put(cause, 0L));
    pilots.forEach(pilot -> counts.merge(pilot.rootCause(), 1L, Long::sum));
    return new LinkedHashMap<>(counts);
  }
}
