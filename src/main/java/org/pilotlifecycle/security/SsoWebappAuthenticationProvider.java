package org.pilotlifecycle.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * The webapps' login under single sign-on (what Camunda's {@code camunda-bpm-spring-boot-starter-security} does with
 * its {@code OAuth2AuthenticationProvider}): Camunda's {@code ContainerBasedAuthenticationFilter} asks it who is
 * signed in, and it answers with the person Spring Security signed in through the provider, and their product groups
 * (the authorities {@link SsoConfiguration} mapped from the groups claim). Anyone else is not signed in: the filter
 * answers 401. Instantiated by the filter through its public no-argument constructor.
 */
public class SsoWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken person) || person.getName() == null
        || person.getName().isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    List<String> groups = person.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(SsoProperties.productGroups()::contains).toList();
    AuthenticationResult result = AuthenticationResult.successful(person.getName());
    result.setGroups(groups);
    return result;
  }
}
