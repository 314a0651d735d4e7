package org.pilotlifecycle.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;

/**
 * Who may present a bearer token on {@code /api}: the application itself (its own HMAC-signed machine tokens, each
 * checked against the table of issued tokens on every request), when configured an external issuer of machine tokens
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), and with single sign-on on the provider's tokens of
 * people ({@code pilot.security.sso.issuer-uri}, also on {@code /engine-rest}). An issuer's keys are fetched from its
 * discovery document on first use. The token's {@code iss} picks the verifier; any other issuer is refused.
 *
 * <p>A machine's token maps its {@code scope} (or {@code scp}) claim: each known {@link MachineScope} becomes its one
 * {@code SCOPE_…} authority, anything else is dropped; a machine is never a Camunda user. A person's token
 * ({@link PersonTokenAuthentication}) is named by the user-id claim and holds the product groups its groups claim maps
 * to ({@link SsoPeople}: provisioned or refused as configured; refused means no group, so every request is refused);
 * its scopes count for nothing. When the provider of people is also the configured issuer of machine tokens, a token
 * is a person's when it carries both the user-id claim and the groups claim, and a machine's otherwise.
 */
@Component
class BearerTokens {

  private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);

  private final MachineTokens tokens;
  private final String externalIssuer;
  private final SsoPeople people;

  /** Machine tokens only: the application's own and the external issuer's (when not blank). */
  BearerTokens(MachineTokens tokens, String externalIssuer) {
    this(tokens, externalIssuer, (SsoPeople) null);
  }

  @Autowired
  BearerTokens(MachineTokens tokens,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer,
      ObjectProvider<SsoPeople> people) {
    this(tokens, externalIssuer, people.getIfAvailable());
  }

  /** With {@code people} (single sign-on on; may be null), the provider's tokens of people as well. */
  BearerTokens(MachineTokens tokens, String externalIssuer, SsoPeople people) {
    this.tokens = tokens;
    this.externalIssuer = externalIssuer == null ? "" : externalIssuer.strip();
    this.people = people;
  }

  AuthenticationManagerResolver<HttpServletRequest> resolver() {
    AuthenticationManager own = ownTokens();
    String peopleIssuer = people == null ? "" : people.properties().issuerUri();
    boolean shared = !externalIssuer.isEmpty() && sameIssuer(externalIssuer, peopleIssuer);
    AuthenticationManager external = externalIssuer.isEmpty() ? null
        : manager(decoder(externalIssuer), shared ? this::personOrMachine : BearerTokens::machine);
    AuthenticationManager persons = people == null || shared ? null : manager(decoder(peopleIssuer), this::person);
    return new JwtIssuerAuthenticationManagerResolver(issuer -> {
      if (own != null && tokens.issuer().equals(issuer)) {
        return own;
      }
      if (external != null && sameIssuer(externalIssuer, issuer)) {
        return external;
      }
      return persons != null && sameIssuer(peopleIssuer, issuer) ? persons : null;
    });
  }

  private static boolean sameIssuer(String configured, String issuer) {
    return issuer != null && !configured.isEmpty() && trimSlash(configured).equals(trimSlash(issuer));
  }

  private static String trimSlash(String issuer) {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  private AuthenticationManager ownTokens() {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    validators.add(new JwtIssuerValidator(tokens.issuer()));
    validators.add(this::issuedAndNotRevoked);
    JwtDecoder decoder = tokens.decoder(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder == null ? null : manager(decoder, BearerTokens::machine);
  }

  private static JwtDecoder decoder(String issuer) {
    // Lazily: the application starts even while the issuer is unreachable; its tokens fail until it answers.
    return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
  }

  private OAuth2TokenValidatorResult issuedAndNotRevoked(Jwt jwt) {
    if (jwt.getSubject() == null || jwt.getSubject().isBlank() || !tokens.isLive(jwt.getId())) {
      return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
          "The token is revoked, expired or unknown", null));
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static AuthenticationManager manager(JwtDecoder decoder,
      Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(converter);
    return new ProviderManager(provider);
  }

  private static AbstractAuthenticationToken machine(Jwt jwt) {
    return new MachineTokenAuthentication(jwt, authorities(jwt));
  }

  private AbstractAuthenticationToken personOrMachine(Jwt jwt) {
    return people.namesAPerson(jwt.getClaims()) ? person(jwt) : machine(jwt);
  }

  /** A person's token: their product groups, or none when {@link SsoPeople} refuses them. */
  private AbstractAuthenticationToken person(Jwt jwt) {
    String userId;
    try {
      userId = people.userId(jwt.getClaims());
    } catch (SsoPeople.Refused refused) {
      throw new InvalidBearerTokenException(refused.getMessage());
    }
    List<String> groups;
    try {
      groups = people.signIn(jwt.getClaims());
    } catch (SsoPeople.Refused refused) {
      LOG.info("Bearer token of {} refused: {}", userId, refused.getMessage());
      groups = List.of();
    }
    return new PersonTokenAuthentication(jwt, groups.stream().map(SimpleGrantedAuthority::new).toList(), userId);
  }

  /** The token's known scopes as their authorities ({@code SCOPE_signals.send}, ...), nothing else. */
  static Set<GrantedAuthority> authorities(Jwt jwt) {
    Collection<GrantedAuthority> scopes = new JwtGrantedAuthoritiesConverter().convert(jwt);
    Set<GrantedAuthority> known = new LinkedHashSet<>();
    for (MachineScope scope : MachineScope.values()) {
      if (scopes != null && scopes.stream().anyMatch(granted -> scope.authority().equals(granted.getAuthority()))) {
        known.add(new SimpleGrantedAuthority(scope.authority()));
      }
    }
    return known;
  }
}
