package org.pilotlifecycle.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no part of the application can serve are refused at the door, with a problem (RFC 7807), before
 * any servlet, filter or the security chain parses them, for everyone, signed in or not:
 * <ul>
 *   <li>a method outside HTTP's usual ones (TRACE, PROPFIND, made-up ones): 405;</li>
 *   <li>a URL Spring Security's firewall refuses ({@link StrictHttpFirewall}'s rules, the same the security chain
 *       applies later): a path that is not normalised ({@code /x/../engine-rest/task}, {@code %2e%2e}), encoded
 *       slashes, NUL and so on: 400. Spring's request-path parsing fails on such a path with a 500 before the
 *       firewall sees it, on the servlets Spring MVC does not serve (the engine REST API, the webapps);</li>
 *   <li>paging of the engine's lists ({@code firstResult}, {@code maxResults} on {@code /engine-rest} and the webapps'
 *       APIs) that is not a whole number from 0: 400; the engine hands a negative one to SQL, which fails with a 500;</li>
 *   <li>an {@code Accept} header that does not parse: 400 (the answer to it would otherwise be empty);</li>
 *   <li>a {@code Content-Type} that names no concrete type ({@code *}{@code /*}, {@code application/*}) or does not
 *       parse: 415; Spring MVC fails on a wildcard with a 500 when it reads the body.</li>
 * </ul>
 * Registered first of all filters ({@link SecurityConfiguration}).
 */
class MalformedRequestGuard extends OncePerRequestFilter {

  static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final StrictHttpFirewall firewall = new StrictHttpFirewall();
  private final ProblemResponses problems;

  MalformedRequestGuard(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!METHODS.contains(request.getMethod())) {
      response.setHeader("Allow", String.join(", ", new java.util.TreeSet<>(METHODS)));
      problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "The method " + abbreviate(request.getMethod())
          + " is not supported: use one of " + String.join(", ", new java.util.TreeSet<>(METHODS)) + ".");
      return;
    }
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException rejected) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "The request's URL is not allowed here: " + rejected.getMessage());
      return;
    }
    String paging = pagingRefusal(request);
    if (paging != null) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, paging);
      return;
    }
    String accept = request.getHeader("Accept");
    if (accept != null && !accept.isBlank()) {
      try {
        MediaType.parseMediaTypes(accept);
      } catch (InvalidMediaTypeException unparsable) {
        problems.write(request, response, HttpStatus.BAD_REQUEST, "The Accept header " + abbreviate(accept) + " is not a list of media types.");
        return;
      }
    }
    String contentType = request.getContentType();
    if (contentType != null && !contentType.isBlank()) {
      String refusal;
      try {
        MediaType type = MediaType.parseMediaType(contentType);
        refusal = type.isWildcardType() || type.isWildcardSubtype()
            ? "The Content-Type " + abbreviate(contentType) + " names no concrete type: send, say, application/json." : null;
      } catch (InvalidMediaTypeException unparsable) {
        refusal = "The Content-Type " + abbreviate(contentType) + " is not a media type.";
      }
      if (refusal != null) {
        problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The engine's lists page with {@code firstResult} and {@code maxResults}; the engine passes them to SQL unchecked. */
  private static final java.util.regex.Pattern ENGINE_APIS = java.util.regex.Pattern.compile("^/(engine-rest|camunda/api)/.*");

  private static String pagingRefusal(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!ENGINE_APIS.matcher(path).matches()) {
      return null;
    }
    // From the query string only: reading the request's parameters would consume a form body meant for a servlet.
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name;
      String value;
      try {
        name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8);
        value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badEscape) {
        continue; // left to the servlet, which refuses a malformed query itself
      }
      if (!name.equals("firstResult") && !name.equals("maxResults")) {
        continue;
      }
      boolean ok;
      try {
        ok = Integer.parseInt(value.strip()) >= 0;
      } catch (NumberFormatException notANumber) {
        ok = false;
      }
      if (!ok) {
        return name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", not \"" + abbreviate(value) + "\".";
      }
    }
    return null;
  }


  private static String abbreviate(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
  }
}
