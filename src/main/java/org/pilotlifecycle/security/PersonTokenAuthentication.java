package org.pilotlifecycle.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A person authenticated by an access token of the single sign-on provider ({@link SsoProperties}): named by the
 * user-id claim, holding the product groups the groups claim maps to (none when the person is refused). Unlike a
 * {@link MachineTokenAuthentication}, a Camunda user: the engine checks its authorizations for them.
 */
final class PersonTokenAuthentication extends JwtAuthenticationToken {

  PersonTokenAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> groups, String userId) {
    super(jwt, groups, userId);
  }

  /** A person's token that grants no product group: refused by the engine's APIs as well as by {@code /api}. */
  static boolean withoutGroups(Authentication authentication) {
    return authentication instanceof PersonTokenAuthentication person && person.getAuthorities().isEmpty();
  }
}
