package org.pilotlifecycle.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;

/**
 * Who may present a bearer token on {@code /api}: the application itself (its own HMAC-signed machine tokens, each
 * checked against the table of issued tokens on every request) and, when configured, an external issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, its keys fetched from its discovery document on
 * first use). The token's {@code iss} picks the verifier; any other issuer is refused. Both map the token's
 * {@code scope} (or {@code scp}) claim the same way: each known {@link MachineScope} becomes its one
 * {@code SCOPE_…} authority, anything else is dropped.
 */
@Component
class BearerTokens {

  private final MachineTokens tokens;
  private final String externalIssuer;

  BearerTokens(MachineTokens tokens,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer) {
    this.tokens = tokens;
    this.externalIssuer = externalIssuer == null ? "" : externalIssuer.strip();
  }

  AuthenticationManagerResolver<HttpServletRequest> resolver() {
    AuthenticationManager own = ownTokens();
    AuthenticationManager external = externalIssuer.isEmpty() ? null : externalTokens();
    return new JwtIssuerAuthenticationManagerResolver(issuer -> {
      if (own != null && tokens.issuer().equals(issuer)) {
        return own;
      }
      return external != null && externalIssuer.equals(issuer) ? external : null;
    });
  }

  private AuthenticationManager ownTokens() {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    validators.add(new JwtIssuerValidator(tokens.issuer()));
    validators.add(this::issuedAndNotRevoked);
    JwtDecoder decoder = tokens.decoder(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder == null ? null : manager(decoder);
  }

  private AuthenticationManager externalTokens() {
    // Lazily: the application starts even while the issuer is unreachable; its tokens fail until it answers.
    return manager(new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(externalIssuer)));
  }

  private OAuth2TokenValidatorResult issuedAndNotRevoked(Jwt jwt) {
    if (jwt.getSubject() == null || jwt.getSubject().isBlank() || !tokens.isLive(jwt.getId())) {
      return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
          "The token is revoked, expired or unknown", null));
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static AuthenticationManager manager(JwtDecoder decoder) {
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(jwt -> new MachineTokenAuthentication(jwt, authorities(jwt)));
    return new ProviderManager(provider);
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
