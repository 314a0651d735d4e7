package org.pilotlifecycle.engine;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation's time zone ({@code pilot.time-zone}, an IANA name such as {@code Europe/Berlin} or
 * {@code America/Los_Angeles}; default {@code UTC}): a due date people pick as a day (yyyy-mm-dd) means the end
 * of that day there, and today is still ahead until it ends. An unknown zone fails the start-up.
 */
@ConfigurationProperties("pilot")
public record OrganisationProperties(ZoneId timeZone) {

  public OrganisationProperties {
    timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
  }

  public static OrganisationProperties utc() {
    return new OrganisationProperties(null);
  }
}
