package org.pilotlifecycle.security;

import org.pilotlifecycle.web.Problems;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 answers of the secured edge, as RFC 7807 problem details. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "pilot-lifecycle";

  private final ObjectMapper objectMapper;

  ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (api) {
      // Machine tokens are taken by the application's API only, never by the engine's.
      response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
    }
    write(request, response, HttpStatus.UNAUTHORIZED, api
        ? "Authentication required: send HTTP Basic credentials of a Camunda user, or a machine token as a bearer token."
        : "Authentication required: send HTTP Basic credentials of a Camunda user.");
  }

  /**
   * A bearer token that does not hold (malformed, wrongly signed, expired, revoked, unknown issuer): 401 with
   * RFC 6750's challenge. The problem says no more than that, whichever check failed.
   */
  AuthenticationEntryPoint bearer() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
      write(request, response, HttpStatus.UNAUTHORIZED,
          "The bearer token is malformed, wrongly signed, expired, revoked or from an unknown issuer.");
    };
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (MachineTokenAuthentication.isMachine(
        org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication())) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"");
      write(request, response, HttpStatus.FORBIDDEN, "This token's scopes do not allow this request.");
      return;
    }
    write(request, response, HttpStatus.FORBIDDEN, "Your groups do not allow this request.");
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(status, null, detail);
    try {
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // A request refused for its malformed URL: the problem names no instance.
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
