package org.pilotlifecycle.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes the application's machine tokens: JWTs signed with HMAC-SHA256 (Nimbus JOSE through
 * Spring Security), carrying the service account ({@code sub}), the scopes ({@code scope}), an id ({@code jti})
 * and an expiry. A token is accepted only while its row says it is live, read from the database on every request,
 * so a revocation takes effect at once on every node that shares the database.
 */
@Service
class MachineTokens {

  private static final Logger LOG = LoggerFactory.getLogger(MachineTokens.class);
  static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** A token just issued: the row, and the token itself, shown this once. */
  record Issued(MachineToken row, String token) {
  }

  private final MachineTokenRepository tokens;
  private final MachineTokenProperties properties;
  private final SecretKey key;
  private final JwtEncoder encoder;
  private final Clock clock = Clock.systemUTC();

  MachineTokens(MachineTokenRepository tokens, MachineTokenProperties properties, Environment environment) {
    this.tokens = tokens;
    this.properties = properties;
    this.key = key(properties, environment.getActiveProfiles().length == 0);
    this.encoder = key == null ? null : new NimbusJwtEncoder(new ImmutableSecret<>(key));
  }

  private static SecretKey key(MachineTokenProperties properties, boolean defaultProfile) {
    if (properties.secretGiven()) {
      return new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
    if (defaultProfile) {
      LOG.warn("No pilot.security.machine-tokens.secret: machine tokens are signed with a key generated at start. "
          + "They stop working at a restart and on other nodes; set PILOT_MACHINE_TOKEN_SECRET outside development.");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new SecretKeySpec(random, "HmacSHA256");
    }
    LOG.info("No pilot.security.machine-tokens.secret: the application issues and accepts no machine tokens of its own.");
    return null;
  }

  /** The decoder of the application's own tokens: signature, expiry and issuer; null when there is no key. */
  JwtDecoder decoder(org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> validator) {
    if (key == null) {
      return null;
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(validator);
    return decoder;
  }

  String issuer() {
    return properties.issuer();
  }

  @Transactional
  Issued issue(String serviceAccount, Set<MachineScope> scopes, Duration validFor, String description, String actor) {
    if (encoder == null) {
      throw MachineTokenException.noKey();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(validFor);
    MachineToken row = tokens.save(new MachineToken(UUID.randomUUID().toString(), serviceAccount, scopes, description,
        actor, now, expires));
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(properties.issuer())
        .subject(serviceAccount)
        .id(row.getId())
        .issuedAt(now)
        .notBefore(now)
        .expiresAt(expires)
        .claim("scope", String.join(" ", scopes.stream().map(MachineScope::value).sorted().toList()))
        .build();
    String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims))
        .getTokenValue();
    LOG.info("Machine token {} issued to service account {} with scopes {} by {}, valid until {}", row.getId(),
        serviceAccount, scopes, actor, expires);
    return new Issued(row, token);
  }

  @Transactional(readOnly = true)
  List<MachineToken> all() {
    return tokens.findAllByOrderByIssuedAtDesc();
  }

  /** Revokes a token; revoking a revoked one changes nothing. */
  @Transactional
  MachineToken revoke(String id, String actor) {
    MachineToken token = (id != null && ID.matcher(id).matches() ? tokens.findById(id) : java.util.Optional.<MachineToken>empty())
        .orElseThrow(MachineTokenException::notFound);
    token.revoke(actor, clock.instant());
    LOG.info("Machine token {} of service account {} revoked by {}", id, token.getServiceAccount(), actor);
    return token;
  }

  /** Whether the token with this id was issued here, is not revoked and has not expired: one primary-key read. */
  @Transactional(readOnly = true)
  boolean isLive(String id) {
    return id != null && ID.matcher(id).matches()
        && tokens.findById(id).map(token -> token.liveAt(clock.instant())).orElse(false);
  }
}
