package org.pilotlifecycle.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the webapps' own plugins (the Cockpit "Stuck pilots" view, the dashboards) read the application's API with the
 * user's webapp login: a GET or HEAD without Basic credentials is authenticated by an existing Camunda webapp session.
 * A cookie alone never changes anything: the one write a plugin makes, an evidence upload from Tasklist's Evidence
 * tab ({@code POST /api/pilots/{key}/evidence}), is authenticated by the session only with the webapps' own CSRF
 * token in {@code X-XSRF-TOKEN}, equal to the one the session holds (Camunda's CsrfPreventionFilter).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";
  /** Where the webapps keep their logins in the HTTP session (AuthenticationUtil). */
  static final String SESSION_ATTRIBUTE = "authenticatedUser";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    HttpSession session = request.getSession(false);
    boolean upload = session != null && "POST".equals(request.getMethod())
        && QueryExpressionGuard.EVIDENCE_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()))
            .matches()
        && csrfTokenMatches(request, session);
    if ((read || upload) && session != null && request.getHeader("Authorization") == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      // Read only: AuthenticationUtil.getAuthsFromSession would store an empty login in a session without one,
      // logging out a user whose login is still being set up by a concurrent request.
      if (session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications authentications
          && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
        List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
            : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
      }
    }
    chain.doFilter(request, response);
  }

  /** Where Camunda's CsrfPreventionFilter keeps the session's token, and the header the webapps send it in. */
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    String sent = request.getHeader(CSRF_HEADER);
    return sent != null && session.getAttribute(CSRF_SESSION_ATTRIBUTE) instanceof String expected
        && java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
