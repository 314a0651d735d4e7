package org.pilotlifecycle.enginerest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.web.Problems;

/**
 * Every state-changing endpoint of Camunda's own APIs, the engine REST API ({@code /engine-rest}) and the
 * webapps' engine API ({@code /camunda/api/engine/engine/{name}}, which Tasklist and Cockpit use), is
 * either allowed because a role needs it, and then guarded by the same rules as the form path, or reserved
 * to administrators: a non-administrator gets a 403 problem. Reads (GET, and the queries Camunda takes by
 * POST) pass; the engine's authorizations decide what they return.
 *
 * <p>Endpoints are named by the Camunda interface method that declares them ({@code TaskResource#complete}),
 * whichever path reaches them. {@code EngineApiEntrancesTest} enumerates every endpoint of Camunda's resources
 * and fails when one is in neither list, so a Camunda upgrade that adds one needs a decision here.
 */
@Priority(Priorities.AUTHORIZATION)
public class EngineApiEntrances implements ContainerRequestFilter {

  /** Endpoints a role needs, and what guards each beyond the engine's own authorizations. */
  public static final Map<String, String> ALLOWED = allowed();

  /** Queries Camunda takes by POST (a body too long for a URL): reads, filtered by the engine's authorizations. */
  public static final Pattern READ_BY_POST = Pattern.compile(".*#query\\w*");

  /**
   * The engine's REST resources; the webapps' own (login, Cockpit's and Tasklist's plugin queries) are theirs
   * to guard, and their set-up endpoint is closed by the application's security.
   */
  static final String ENGINE_RESOURCES = "org.camunda.bpm.engine.rest.";

  static final String REFUSAL = "This endpoint of the engine API is reserved to administrators.";

  private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final Map<Method, String> NAMES = new ConcurrentHashMap<>();

  @Context
  private ResourceInfo resourceInfo;

  private static Map<String, String> allowed() {
    Map<String, String> allowed = new LinkedHashMap<>();
    allowed.put("ProcessDefinitionResource#submitForm",
        "start form checked against the deployed form (FormSubmissionGuard); the registrant is the authenticated user");
    allowed.put("TaskResource#submit",
        "checked against the task's deployed form (FormSubmissionGuard); completed only by an entitled user (TaskEntitlement)");
    allowed.put("TaskResource#complete",
        "checked against the task's deployed form (FormSubmissionGuard); completed only by an entitled user (TaskEntitlement)");
    allowed.put("TaskResource#claim", "the assignee must be entitled to the task (TaskEntitlement)");
    allowed.put("TaskResource#unclaim", "the engine's task authorization");
    allowed.put("TaskResource#setAssignee", "the assignee must be entitled to the task (TaskEntitlement)");
    allowed.put("TaskResource#delegate", "the delegate must be entitled to the task (TaskEntitlement)");
    allowed.put("TaskCommentResource#createComment", "the engine's task authorization; comments change no state");
    allowed.put("TaskAttachmentResource#addAttachment", "the engine's task authorization; body size limit");
    allowed.put("DeploymentRestService#createDeployment",
        "the engine's deployment authorization: process analysts only (Camunda Modeler)");
    allowed.put("UserResource#updateCredentials", "the engine's user authorization: a user changes their own password");
    allowed.put("UserResource#updateProfile", "the engine's user authorization: a user changes their own profile");
    allowed.put("IdentityRestService#checkPassword", "checks a password against the policy; changes nothing");
    return Map.copyOf(allowed);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (READ_METHODS.contains(request.getMethod()) || resourceInfo == null || resourceInfo.getResourceMethod() == null
        || !resourceInfo.getResourceMethod().getDeclaringClass().getName().startsWith(ENGINE_RESOURCES)) {
      return;
    }
    String endpoint = nameOf(resourceInfo.getResourceMethod());
    if (PROFILE_UPDATE.equals(endpoint)) {
      String refusal = profileRefusal(request);
      if (refusal != null) {
        request.abortWith(problem(request, 400, "InvalidRequestException", refusal));
        return;
      }
    }
    if (!ALLOWED.containsKey(endpoint) && !READ_BY_POST.matcher(endpoint).matches() && !isAdministrator()) {
      request.abortWith(problem(request, 403, "ForbiddenException", REFUSAL));
      return;
    }
    if (LONG_POLLING.equals(endpoint) && request.getUriInfo().getPath().matches("^/?engine/.*")) {
      // The webapps' servlet chain does not support asynchronous requests, which Camunda's fetch-and-lock always
      // makes (long polling): there it could only fail with a 500. Workers use the engine REST API.
      request.abortWith(problem(request, 404, "InvalidRequestException", LONG_POLLING_REFUSAL));
    }
  }

  static final String PROFILE_UPDATE = "UserResource#updateProfile";

  static final String LONG_POLLING = "ExternalTaskRestService#fetchAndLock";

  static final String LONG_POLLING_REFUSAL =
      "External task workers fetch and lock through the engine REST API (/engine-rest/external-task/fetchAndLock), not the webapps' API.";

  /**
   * Camunda copies the profile's {@code id} onto the stored user: a profile must name the user of its path
   * (without it the engine fails with a null pointer, with another id it would address another user).
   */
  private static String profileRefusal(ContainerRequestContext request) {
    String user = request.getUriInfo().getPathParameters().getFirst("id");
    try {
      byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
      request.setEntityStream(new java.io.ByteArrayInputStream(body));
      com.fasterxml.jackson.databind.ObjectMapper json = org.pilotlifecycle.web.Json.mapper();
      if (body.length == 0) {
        return "The profile must name its user: id \"" + user + "\".";
      }
      com.fasterxml.jackson.databind.JsonNode profile = json.readTree(body);
      if (profile == null || !profile.isObject()) {
        return null;
      }
      return profile.path("id").isTextual() && profile.path("id").asText().equals(user) ? null
          : "The profile must name its user: id \"" + user + "\".";
    } catch (java.io.IOException notJson) {
      return null;
    }
  }

  private static Response problem(ContainerRequestContext request, int status, String type, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", Problems.title(status));
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("message", detail);
    problem.put("instance", request.getUriInfo().getRequestUri().getRawPath());
    return Response.status(status).type(MediaType.valueOf("application/problem+json")).entity(problem).build();
  }

  /**
   * The endpoint's name: the simple name of the interface (or class) that declares the JAX-RS method, a
   * '#', and the method's name.
   */
  public static String nameOf(Method implementation) {
    return NAMES.computeIfAbsent(implementation, EngineApiEntrances::declaration);
  }

  private static String declaration(Method implementation) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(implementation.getDeclaringClass());
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      try {
        Method candidate = type.getDeclaredMethod(implementation.getName(), implementation.getParameterTypes());
        if (isHttpMethod(candidate)) {
          return type.getSimpleName() + "#" + candidate.getName();
        }
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
      types.addAll(java.util.List.of(type.getInterfaces()));
    }
    return implementation.getDeclaringClass().getSimpleName() + "#" + implementation.getName();
  }

  private static boolean isHttpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the caller, as the engine knows them for this request, is in the administrators' group. */
  private static boolean isAdministrator() {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    return engine != null && CurrentUser.groupsOf(engine).contains(Roles.ADMIN);
  }
}
