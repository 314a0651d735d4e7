package org.pilotlifecycle.enginerest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.pilotlifecycle.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the engine REST API as RFC 7807 problem details ({@code application/problem+json}),
 * without breaking the webapps: Camunda's own fields stay ({@code type}, {@code message}, {@code code} and
 * whatever the exception's DTO adds, such as missing authorizations), and {@code title}, {@code status},
 * {@code detail} and {@code instance} are added. Tasklist and Cockpit read {@code message}; AngularJS parses
 * any JSON-looking body and the Tasklist SDK parses {@code +json} content types.
 *
 * <p>A server error's message can carry SQL or internal class names, so it never leaves the server: the
 * log has it (Camunda's exception handlers log every failure), the client gets a generic message.
 */
@Priority(Priorities.USER)
public class EngineRestProblemDetails implements ContainerResponseFilter {

  static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
  static final String SERVER_ERROR_MESSAGE = Problems.SERVER_ERROR_DETAIL;

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblemDetails.class);
  private final ObjectMapper json;

  /** @param json the application's {@code ObjectMapper}, which reads Camunda's error answer into its fields */
  public EngineRestProblemDetails(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400) {
      return;
    }
    Object entity = response.getEntity();
    Map<String, Object> problem = new LinkedHashMap<>();
    if (entity instanceof ExceptionDto exception) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = json.convertValue(exception, LinkedHashMap.class);
      fields.forEach((name, value) -> {
        if (value != null) {
          problem.put(name, value);
        }
      });
    } else if (entity instanceof Map<?, ?> || entity instanceof String || entity == null) {
      // An error of the container (or an empty one) rather than of a resource: described by its status.
      problem.put("type", "HttpError");
      if (entity instanceof Map<?, ?> map && map.get("message") instanceof String message) {
        problem.put("message", message);
      }
    } else {
      return;
    }
    String title = Problems.title(status);
    String message = problem.get("message") instanceof String text && !text.isBlank() ? text : title;
    if (status >= 500) {
      LOG.warn("Engine REST {} {} answered {}: {}", request.getMethod(), request.getUriInfo().getPath(), status,
          message);
      message = SERVER_ERROR_MESSAGE;
    }
    problem.put("message", message);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", message);
    problem.put("instance", request.getUriInfo().getRequestUri().getRawPath());
    response.setEntity(problem, response.getEntityAnnotations(), PROBLEM_JSON);
  }
}
