package org.pilotlifecycle.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A machine token the application issued: its id is the token's {@code jti}. The token itself (the signed JWT)
 * is shown once when issued and never stored.
 */
@Entity
@Table(name = "machine_token")
class MachineToken {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "service_account", nullable = false, length = 64, updatable = false)
  private String serviceAccount;

  @Column(nullable = false, length = 200, updatable = false)
  private String scopes;

  @Column(length = 500, updatable = false)
  private String description;

  @Column(name = "issued_by", nullable = false, length = 64, updatable = false)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected MachineToken() {
  }

  MachineToken(String id, String serviceAccount, Set<MachineScope> scopes, String description, String issuedBy,
      Instant issuedAt, Instant expiresAt) {
    this.id = id;
    this.serviceAccount = serviceAccount;
    this.scopes = scopes.stream().map(MachineScope::value).sorted().collect(Collectors.joining(" "));
    this.description = description;
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /** Whether the token may be used at {@code now}: issued, not revoked, not expired. */
  boolean liveAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void revoke(String actor, Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
      revokedBy = actor;
    }
  }

  String getId() {
    return id;
  }

  String getServiceAccount() {
    return serviceAccount;
  }

  Set<MachineScope> getScopes() {
    Set<MachineScope> parsed = EnumSet.noneOf(MachineScope.class);
    Arrays.stream(scopes.split(" ")).map(MachineScope::ofValue).forEach(scope -> scope.ifPresent(parsed::add));
    return parsed;
  }

  String getDescription() {
    return description;
  }

  String getIssuedBy() {
    return issuedBy;
  }

  Instant getIssuedAt() {
    return issuedAt;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  String getRevokedBy() {
    return revokedBy;
  }

  Instant getRevokedAt() {
    return revokedAt;
  }
}
