package org.pilotlifecycle.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Machine tokens ({@code pilot.security.machine-tokens.*}).
 *
 * @param secret the HMAC-SHA256 key that signs and verifies the tokens the application issues, at least 32
 *     characters; every node of a cluster needs the same one. When unset, the default profile generates a key
 *     at start (tokens then die with a restart and are valid on the issuing node only); other profiles issue
 *     and accept no machine tokens of their own until it is set
 * @param issuer the {@code iss} claim of the application's own tokens
 * @param maxValidity the longest validity an administrator may give a token
 */
@ConfigurationProperties("pilot.security.machine-tokens")
public record MachineTokenProperties(String secret, String issuer, Duration maxValidity) {

  static final int MIN_SECRET_LENGTH = 32;

  public MachineTokenProperties {
    issuer = issuer == null || issuer.isBlank() ? "pilot-lifecycle" : issuer.strip();
    maxValidity = maxValidity == null ? Duration.ofDays(366) : maxValidity;
    if (secret != null && !secret.isBlank() && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalStateException("pilot.security.machine-tokens.secret (PILOT_MACHINE_TOKEN_SECRET) must have at "
          + "least " + MIN_SECRET_LENGTH + " characters: it is the HMAC-SHA256 key of the machine tokens.");
    }
  }

  boolean secretGiven() {
    return secret != null && !secret.isBlank();
  }
}
