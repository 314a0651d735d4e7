package org.pilotlifecycle.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A machine authenticated by a bearer token (the application's own or one from the configured issuer): named by the
 * token's subject, holding only the {@code SCOPE_…} authorities of {@link MachineScope}. Never a Camunda user: the
 * engine does not learn of it ({@link EngineAuthenticationFilter}), and the engine APIs and webapps refuse it.
 */
final class MachineTokenAuthentication extends JwtAuthenticationToken {

  MachineTokenAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
    super(jwt, authorities, jwt.getSubject());
  }

  static boolean isMachine(Authentication authentication) {
    return authentication instanceof MachineTokenAuthentication;
  }
}
