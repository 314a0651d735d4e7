package org.pilotlifecycle.enginerest;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;

/**
 * A change to a task that someone else completed while the request ran is a conflict (409, "reload it"),
 * however the engine happened to fail. On PostgreSQL a request can read its task just before a concurrent
 * completion commits and the task's execution, variables or links just after; the engine then fails
 * wherever it next looks: a {@link NullPointerException} in {@code TaskEntity.complete}, the same null
 * wrapped by a task listener's ENGINE-03051, a missing execution, and so on. Mapping each of those
 * exceptions one by one misses the next one, so this rule looks at the outcome instead: a server error
 * (5xx) to a write ({@code POST}, {@code PUT}, {@code DELETE}) on {@code task/{id}/...} whose task was
 * there before and is completed now (the request's own work was rolled back with its failure, so the
 * completion is someone else's) is answered as the conflict it is. A server error on a task that is still
 * open, or that never existed, stays what it is.
 *
 * <p>Runs before {@link EngineRestProblemDetails} (response filters run in descending priority), which then
 * writes the answer as problem details. Registered in every Jersey application by {@link EngineApiAdditions}.
 */
@Priority(Priorities.USER + 100)
public class TaskGoneMidwayConflict implements ContainerResponseFilter {

  private static final Pattern TASK_PATH = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/.*$");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

  private final TaskPresence tasks;

  public TaskGoneMidwayConflict(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.tasks = new TaskPresence(taskService, historyService, identityService);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 500 || !WRITES.contains(request.getMethod())) {
      return;
    }
    Matcher task = TASK_PATH.matcher(request.getUriInfo().getPath());
    if (task.matches() && tasks.of(task.group(1)) == TaskPresence.State.GONE) {
      TaskPresence.replace(response, TaskPresence.conflict());
    }
  }
}
