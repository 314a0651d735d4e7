package org.pilotlifecycle.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notifications ({@code pilot.mail.*}). Off unless enabled, normally together with {@code spring.mail.host}.
 *
 * @param enabled send notifications at all
 * @param from the sender address
 * @param baseUrl the address users reach the application at, for links to Tasklist
 * @param maxAttempts attempts before a mail is given up on and reported
 * @param retryDelay the first wait after a failure, doubling with each further one
 * @param retention how long a sent mail is kept before it is deleted (unsent and given-up mails are kept)
 */
@ConfigurationProperties("pilot.mail")
public record MailProperties(boolean enabled, String from, String baseUrl, Integer maxAttempts, Duration retryDelay,
    Duration retention) {

  public MailProperties {
    from = from == null || from.isBlank() ? "pilot-lifecycle@localhost" : from;
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    retryDelay = retryDelay == null ? Duration.ofMinutes(1) : retryDelay;
    retention = retention == null ? Duration.ofDays(90) : retention;
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("pilot.mail.retention must be positive, was " + retention);
    }
  }
}
