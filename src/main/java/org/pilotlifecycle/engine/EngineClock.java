package org.pilotlifecycle.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's clock, so that the application's timestamps and the
 * engine's timers agree, and a test that moves the engine's clock moves both.
 */
public final class EngineClock extends Clock {

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
