package org.pilotlifecycle.enginerest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.pilotlifecycle.engine.SystemQueries;

/**
 * Whether a task a failed request named is still open, was completed meanwhile, or never existed, read
 * past the caller's permissions; and the answers the engine REST API's mappers give for the latter two:
 * 409 (someone else was faster: reload) and 404.
 */
final class TaskPresence {

  enum State { OPEN, GONE, NEVER_EXISTED }

  static final String CONFLICT_MESSAGE = "The task was completed or changed by someone else meanwhile: reload it.";

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  TaskPresence(TaskService taskService, HistoryService historyService, IdentityService identityService) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  State of(String taskId) {
    return SystemQueries.asSystem(identityService, () -> {
      if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
        return State.OPEN;
      }
      return historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0 ? State.GONE
          : State.NEVER_EXISTED;
    });
  }

  static Response conflict() {
    return answer(Response.Status.CONFLICT, "ConflictException", CONFLICT_MESSAGE);
  }

  static Response notFound(String taskId) {
    return answer(Response.Status.NOT_FOUND, "InvalidRequestException", "No task with id " + taskId);
  }

  private static Response answer(Response.Status status, String type, String message) {
    return answer(status.getStatusCode(), type, message);
  }

  /** Puts {@code answer} in place of the response a resource or mapper gave (for the response filters). */
  static void replace(jakarta.ws.rs.container.ContainerResponseContext response, Response answer) {
    response.setStatus(answer.getStatus());
    response.setEntity(answer.getEntity(), response.getEntityAnnotations(), answer.getMediaType());
  }

  /** An engine API's answer in Camunda's own shape ({@code type}, {@code message}); problem details are added later. */
  static Response answer(int status, String type, String message) {
    ExceptionDto answer = new ExceptionDto();
    answer.setType(type);
    answer.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(answer).build();
  }
}
