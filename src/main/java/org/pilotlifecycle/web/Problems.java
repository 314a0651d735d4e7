package org.pilotlifecycle.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one factory of RFC 7807 problem details: every answer of the application's API, of the secured edge,
 * of the error pages and of the engine REST API's additions is built here. Titles are the status's standard
 * reason phrase unless a feature names its own; bad fields go to an {@code errors} list of
 * {@code {"field", "message"}} objects. Serialised by Spring's message converters, that is with the
 * application's {@code ObjectMapper}.
 */
public final class Problems {

  /** What a server error says: nothing of the failure itself leaves the server; the log has it. */
  public static final String SERVER_ERROR_DETAIL = "The request failed on the server. The log has the details.";

  private Problems() {
  }

  public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title == null ? title(status.value()) : title);
    return problem;
  }

  public static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
    problem.setProperty("errors", errors.stream()
        .map(error -> Map.of("field", error.field(), "message", error.message()))
        .toList());
    return problem;
  }

  /** The standard reason phrase of a status (RFC 9110), "Client Error" or "Server Error" when unknown. */
  public static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    if (known != null) {
      return known.getReasonPhrase();
    }
    return status >= 500 ? "Server Error" : "Client Error";
  }
}
