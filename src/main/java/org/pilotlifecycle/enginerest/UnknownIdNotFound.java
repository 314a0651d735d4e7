package org.pilotlifecycle.enginerest;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import org.camunda.bpm.engine.ProcessEngine;
import org.pilotlifecycle.engine.SystemQueries;

/**
 * A server error (5xx) to a request whose path names a definition, deployment, instance, execution or job by
 * an id that nothing has is the caller's 404: the engine meets the missing entity in some of its commands as
 * a null pointer (say, {@code PUT process-definition/{id}/suspended} with an unknown id), which Camunda answers
 * with 500. Like {@link TaskGoneMidwayConflict}, this rule looks at the outcome, so it holds for every command
 * of those resources however it fails. A server error on an entity that exists stays what it is.
 *
 * <p>Runs before {@link EngineRestProblemDetails} (response filters run in descending priority).
 */
@Priority(Priorities.USER + 100)
public class UnknownIdNotFound implements ContainerResponseFilter {

  private static final Pattern NAMED = Pattern.compile(
      "^/?(?:engine/[^/]+/)?(process-definition|decision-definition|deployment|process-instance|execution|job|job-definition)/([^/]+)(?:/.*)?$");

  /** Whether an entity of the resource with the id exists, read past the caller's permissions. */
  private static final Map<String, BiPredicate<ProcessEngine, String>> EXISTS = Map.of(
      "process-definition", (engine, id) -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).count() > 0,
      "decision-definition", (engine, id) -> engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionId(id).count() > 0,
      "deployment", (engine, id) -> engine.getRepositoryService().createDeploymentQuery().deploymentId(id).count() > 0,
      "process-instance", (engine, id) -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0,
      "execution", (engine, id) -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0,
      "job", (engine, id) -> engine.getManagementService().createJobQuery().jobId(id).count() > 0,
      "job-definition", (engine, id) -> engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(id).count() > 0);

  /** Path segments after a resource's name that are not ids (the resource's own collection endpoints). */
  private static final java.util.Set<String> NOT_IDS = java.util.Set.of("key", "count", "create", "suspended",
      "retries", "delete", "delete-historic-query-based", "variables", "job-retries", "suspended-async", "message-async",
      "correlation-async", "statistics", "deployed", "registered", "variables-async");

  private final ProcessEngine engine;

  public UnknownIdNotFound(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 500) {
      return;
    }
    Matcher named = NAMED.matcher(request.getUriInfo().getPath());
    if (!named.matches() || NOT_IDS.contains(named.group(2))) {
      return;
    }
    String resource = named.group(1);
    String id = named.group(2);
    if (!SystemQueries.asSystem(engine.getIdentityService(), () -> EXISTS.get(resource).test(engine, id))) {
      TaskPresence.replace(response,
          TaskPresence.answer(404, "InvalidRequestException", "No " + resource.replace('-', ' ') + " with id " + id));
    }
  }
}
