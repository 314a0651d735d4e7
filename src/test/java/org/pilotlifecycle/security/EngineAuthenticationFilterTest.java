package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The engine learns of people (their user id and groups), never of a machine token's service account or scopes. */
class EngineAuthenticationFilterTest {

  final IdentityService identityService = Mockito.mock(IdentityService.class);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aMachineIsNeverAnEngineUser() throws Exception {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("admin").claim("scope", "portfolio.read").build();
    SecurityContextHolder.getContext().setAuthentication(
        new MachineTokenAuthentication(jwt, List.of(new SimpleGrantedAuthority("SCOPE_portfolio.read"))));

    new EngineAuthenticationFilter(identityService).doFilter(new MockHttpServletRequest("GET", "/api/portfolio"),
        new MockHttpServletResponse(), new MockFilterChain());

    verify(identityService, never()).setAuthentication(any(String.class), anyList());
    verify(identityService, never()).setAuthentication(any());
  }

  @Test
  void aPersonIsTheEngineUserWithTheirGroups() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sam", null,
        List.of(new SimpleGrantedAuthority("steering-committee"))));
    MockFilterChain chain = new MockFilterChain();

    new EngineAuthenticationFilter(identityService).doFilter(new MockHttpServletRequest("GET", "/api/portfolio"),
        new MockHttpServletResponse(), chain);

    verify(identityService).setAuthentication("sam", List.of("steering-committee"));
    verify(identityService).clearAuthentication();
    assertThat(chain.getRequest()).isNotNull();
  }
}
