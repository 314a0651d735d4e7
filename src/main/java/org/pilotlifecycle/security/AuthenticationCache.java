package org.pilotlifecycle.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Successful HTTP Basic authentications of {@code /api} and {@code /engine-rest}, kept for a few seconds so that
 * a client's burst of requests (Tasklist refreshes a list and its count; a form is opened, then submitted) does not
 * check the password and read the user's groups from the database on every request: two database transactions
 * a request, about half of what a lifecycle step over HTTP commits beyond the engine (docs/benchmark.md).
 *
 * <p>Only successes are kept, and only as a salted SHA-256 digest of the password (the salt is random per
 * process), so a wrong password is always checked by the engine and counts towards its lock-out. Every change
 * of users, groups or memberships made through the engine on this node empties the cache at once, whichever
 * API made it ({@link IdentityChangeEviction}); on the other nodes of a cluster a changed password or a removed
 * membership takes effect within the time to live. Time to live: {@code pilot.security.authentication-cache-ttl}
 * (ISO-8601, default 10 s; {@code PT0S} turns the cache off). Size: at most 10,000 users.
 */
@Component
public class AuthenticationCache {

  private final Cache<String, Entry> entries;
  private final boolean enabled;
  private final byte[] salt = new byte[16];

  AuthenticationCache(@Value("${pilot.security.authentication-cache-ttl:PT10S}") Duration timeToLive) {
    if (timeToLive.isNegative()) {
      throw new IllegalArgumentException("pilot.security.authentication-cache-ttl must not be negative: " + timeToLive);
    }
    this.enabled = !timeToLive.isZero();
    this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? timeToLive : Duration.ofMillis(1))
        .maximumSize(10_000).build();
    new SecureRandom().nextBytes(salt);
  }

  /** The groups of a user whose same password succeeded within the time to live; empty otherwise. */
  Optional<List<String>> groups(String userId, String password) {
    if (!enabled) {
      return Optional.empty();
    }
    Entry entry = entries.getIfPresent(userId);
    return entry != null && MessageDigest.isEqual(entry.digest(), digest(password)) ? Optional.of(entry.groups())
        : Optional.empty();
  }

  void remember(String userId, String password, List<String> groups) {
    if (enabled) {
      entries.put(userId, new Entry(digest(password), List.copyOf(groups)));
    }
  }

  /** Forgets every authentication: called on any change of users, groups or memberships. */
  public void evictAll() {
    entries.invalidateAll();
  }

  private byte[] digest(String password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private record Entry(byte[] digest, List<String> groups) {
  }
}
