package org.pilotlifecycle.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.pilotlifecycle.framework.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's own edges, hardened (Camunda 7 community edition gets no more security fixes):
 * <ul>
 *   <li>task queries and filters carrying expressions ({@code ${...}}, {@code #{...}}, also nested in
 *       {@code orQueries}, URL-encoded or JSON-escaped) are refused for everyone but administrators, in
 *       the engine REST API and in the webapps' engine API; Camunda counts such expressions as custom code;</li>
 *   <li>Java-serialized values are refused (the engine is configured not to accept them either);</li>
 *   <li>a task's variables are written only through its form (checked against it) except by administrators;</li>
 *   <li>request bodies to the engine REST API, the webapps' API and the application's API are limited in size.</li>
 * </ul>
 */
class QueryExpressionGuard extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 1_000_000;
  /** Task and filter queries, where Camunda evaluates expressions. */
  static final Pattern QUERY_PATHS = Pattern.compile(
      "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/(task(/count)?|filter(/.*)?|history/task(/count)?)/?$");
  /**
   * Variables written around a form: a task's (local) variables and a delegated task's resolution. A
   * candidate group may update its tasks, and the engine would take any variable that way, unchecked by
   * the form (say, a gate's decision set by whoever prepared the deliverable).
   */
  static final Pattern VARIABLE_WRITES = Pattern.compile(
      "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/(variables|localVariables|resolve)(/.*)?$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";

  private final ProblemResponses problems;

  QueryExpressionGuard(ProblemResponses problems) {
    this.problems = problems;
  }

  /**
   * Evidence uploads (multipart, up to {@code pilot.evidence.max-size}) are limited by the multipart settings and
   * checked by the evidence module, not read into memory here.
   */
  static final java.util.regex.Pattern EVIDENCE_UPLOAD = java.util.regex.Pattern.compile("/api/pilots/[^/]+/evidence");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && EVIDENCE_UPLOAD.matcher(path).matches()) {
      return true;
    }
    return !(path.startsWith("/engine-rest") || path.startsWith("/camunda/api/") || path.startsWith("/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      tooLarge(request, response);
      return;
    }
    boolean hasBody = List.of("POST", "PUT", "PATCH").contains(request.getMethod());
    byte[] body = hasBody ? read(request.getInputStream()) : new byte[0];
    if (body == null) {
      tooLarge(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (new String(body, StandardCharsets.UTF_8).contains(JAVA_SERIALIZATION)) {
      problems.write(request, response, HttpStatus.BAD_REQUEST,
          "Java-serialized values are not accepted; send JSON or a primitive value.");
      return;
    }
    if (QUERY_PATHS.matcher(path).matches() && !isAdministrator(request)
        && (carriesExpression(request.getQueryString()) || carriesExpression(new String(body, StandardCharsets.UTF_8)))) {
      problems.write(request, response, HttpStatus.FORBIDDEN,
          "Expressions in task queries and filters are reserved to administrators.");
      return;
    }
    if (VARIABLE_WRITES.matcher(path).matches() && !"GET".equals(request.getMethod())
        && !"HEAD".equals(request.getMethod()) && !isAdministrator(request)) {
      problems.write(request, response, HttpStatus.FORBIDDEN,
          "Variables of a task are set by submitting its form; writing them directly is reserved to administrators.");
      return;
    }
    chain.doFilter(hasBody ? new CachedBody(request, body) : request, response);
  }

  static boolean carriesExpression(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    String decoded = text.replace("\\u0024", "$").replace("\\u0023", "#").replace("\\u007b", "{").replace("\\u007B", "{");
    try {
      decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      // not URL-encoded: check as it is
    }
    return EXPRESSION.matcher(decoded).find() || EXPRESSION.matcher(text).find();
  }

  private static boolean isAdministrator(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getAuthorities().stream()
        .anyMatch(authority -> Roles.ADMIN.equals(authority.getAuthority()))) {
      return true;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(WebappSessionAuthenticationFilter.SESSION_ATTRIBUTE)
        instanceof Authentications authentications
        && authentications.getAuthenticationForProcessEngine(WebappSessionAuthenticationFilter.ENGINE)
        instanceof UserAuthentication user) {
      return user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
    }
    return false;
  }

  /** The body, or null when it is larger than allowed. */
  private static byte[] read(InputStream in) throws IOException {
    byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
    return data.length > MAX_BODY_BYTES ? null : data;
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
  }

  /** The request with its body read once, readable again downstream. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
