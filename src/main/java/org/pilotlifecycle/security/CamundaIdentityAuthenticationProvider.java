package org.pilotlifecycle.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service (the same users and passwords as
 * the webapps, including its lock-out after repeated failures). The user's Camunda groups become
 * the authentication's authorities. A success is kept for seconds ({@link AuthenticationCache}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final AuthenticationCache cache;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, AuthenticationCache cache) {
    this.identityService = identityService;
    this.cache = cache;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    List<String> groups = cache.groups(userId, password).orElseGet(() -> {
      if (!identityService.checkPassword(userId, password)) {
        throw new BadCredentialsException("Unknown user or wrong password");
      }
      List<String> found = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList();
      cache.remember(userId, password, found);
      return found;
    });
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        groups.stream().map(SimpleGrantedAuthority::new).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
