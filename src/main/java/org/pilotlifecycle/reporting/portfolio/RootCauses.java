package org.pilotlifecycle.reporting.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.RootCause;

/**
 * Where this organisation's pilots die: the stopped pilots by the root cause their stop named (seed 001's six, or
 * OTHER), in total, per business unit and per month of the stop (in {@code pilot.time-zone}). Each count lists every
 * root cause, zeros included, in the vocabulary's order. Pilots withdrawn at intake name no root cause and are not
 * counted.
 *
 * @param businessUnit the business unit asked for, null for all the caller sees
 * @param stopped how many stopped pilots name a root cause
 */
public record RootCauses(String businessUnit, int stopped, Map<RootCause, Long> total, List<Cause> causes,
    List<ByBusinessUnit> byBusinessUnit, List<ByMonth> byMonth, List<StoppedPilot> pilots) {

  /** A root cause with the framework's term for it. */
  public record Cause(RootCause rootCause, String label) {
  }

  public record ByBusinessUnit(String businessUnit, int stopped, Map<RootCause, Long> rootCauses) {
  }

  /** @param month yyyy-MM */
  public record ByMonth(String month, int stopped, Map<RootCause, Long> rootCauses) {
  }

  /** @param rootCauseText what the root cause is, with OTHER */
  public record StoppedPilot(String pilotKey, String name, String businessUnit, Framework framework, String step,
      RootCause rootCause, String rootCauseText, Instant stoppedAt, String month) {
  }
}
