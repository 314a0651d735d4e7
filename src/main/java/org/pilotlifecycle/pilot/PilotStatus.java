package org.pilotlifecycle.pilot;

/**
 * Where a pilot stands: working through its framework ({@code ACTIVE}, {@code ON_HOLD}), then in production
 * ({@code IN_PRODUCTION}, {@code PAUSED}: taken out of service for a while), until it is {@code RETIRED}; or
 * {@code STOPPED} before it got there.
 */
public enum PilotStatus {
  ACTIVE, ON_HOLD, IN_PRODUCTION, STOPPED,
  /** In production but out of service (a monitoring signal, an executive review or an overdue re-certification). */
  PAUSED,
  /** Taken out of production for good, decommissioned, with the date. */
  RETIRED
}
