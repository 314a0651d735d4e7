package org.pilotlifecycle.reporting.stuck;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param gateWaitingAllowed how long a gate may wait for its sign-off before the pilot counts as stuck */
@ConfigurationProperties("pilot.stuck")
public record StuckProperties(Duration gateWaitingAllowed) {

  public StuckProperties {
    gateWaitingAllowed = gateWaitingAllowed == null ? Duration.ofDays(7) : gateWaitingAllowed;
  }
}
