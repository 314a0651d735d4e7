package org.pilotlifecycle.reporting.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.pilot.PilotStatus;

/**
 * Where this organisation's pilots die: the pilots that ended, stopped by the steering committee (overdue, no-go,
 * adoption shortfall) or retired after production, by the root cause their ending named (seed 001's six, or OTHER),
 * in total, per business unit and per month of the stop or retirement (in {@code pilot.time-zone}). Each count of
 * root causes lists every root cause, zeros included, in the vocabulary's order; {@code byEnding} splits it into the
 * stopped and the retired pilots. Pilots withdrawn at intake, and pilots stopped or retired before their decisions
 * named a root cause, are not counted.
 *
 * @param businessUnit the business unit asked for, null for all the caller sees
 * @param ended how many pilots ended naming a root cause ({@code stopped + retired})
 * @param stopped how many of them were stopped
 * @param retired how many of them were retired
 * @param total every root cause with its count over all of them
 * @param byEnding the counts of the stopped ({@code STOPPED}) and of the retired ({@code RETIRED}) pilots
 */
public record RootCauses(String businessUnit, int ended, int stopped, int retired, Map<RootCause, Long> total,
    Map<PilotStatus, Map<RootCause, Long>> byEnding, List<Cause> causes, List<ByBusinessUnit> byBusinessUnit,
    List<ByMonth> byMonth, List<EndedPilot> pilots) {

  /** A root cause with the framework's term for it. */
  public record Cause(RootCause rootCause, String label) {
  }

  public record ByBusinessUnit(String businessUnit, int ended, int stopped, int retired,
      Map<RootCause, Long> rootCauses, Map<PilotStatus, Map<RootCause, Long>> byEnding) {
  }

  /** @param month yyyy-MM of the stop or retirement */
  public record ByMonth(String month, int ended, int stopped, int retired, Map<RootCause, Long> rootCauses,
      Map<PilotStatus, Map<RootCause, Long>> byEnding) {
  }

  /**
   * One pilot that ended.
   *
   * @param ended how: STOPPED or RETIRED
   * @param step where it was when it ended (IN_PRODUCTION for a retirement)
   * @param rootCauseText what the root cause is, with OTHER
   * @param endedAt when it was stopped or retired
   * @param month yyyy-MM of {@code endedAt}
   */
  public record EndedPilot(String pilotKey, String name, String businessUnit, Framework framework, String step,
      PilotStatus ended, RootCause rootCause, String rootCauseText, Instant endedAt, String month) {
  }
}
