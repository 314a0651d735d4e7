package org.pilotlifecycle.enginerest;

import org.pilotlifecycle.web.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.pilotlifecycle.engine.TaskCardVariables;

/**
 * Form validation runs in the browser; this repeats it on the server for every form submission through
 * the engine REST API and through the webapps' engine API, which Tasklist uses ({@code task/{id}/submit-form},
 * {@code task/{id}/complete} and a process definition's {@code submit-form}): the submitted variables are checked against the deployed Camunda
 * form of the task or start event ({@link FormSchema}), so nothing that the form would not let through
 * reaches the process: no variable the form does not have, no variable naming the task's pilot or step
 * (whatever a deployed form has, and also for a task without a Camunda form: {@link TaskCardVariables#PILOT_AND_STEP}), no wrong type, no missing required field, no
 * value out of range, not finite or outside the options, no text too long or with control characters, no line
 * break in a single-line field, and no value for a field the form only shows (disabled).
 *
 * <p>The deployed form is read with the caller's authorizations: whoever may not see it gets the engine's
 * own answer (403 or 404), not a description of the form. Bodies that are not JSON of the expected shape
 * are left to the engine, which refuses them itself.
 *
 * <p>Registered in every Jersey application of the server by {@link EngineApiAdditions}, so Camunda's own
 * webapp applications get it too.
 */
@Priority(Priorities.USER)
public class FormSubmissionGuard implements ContainerRequestFilter {

  /** The engine REST API ({@code /engine-rest/...}) and the webapps' engine API ({@code .../engine/{name}/...}). */
  private static final String ENGINE = "^/?(?:engine/([^/]+)/)?";
  private static final Pattern TASK_SUBMISSION = Pattern.compile(ENGINE + "task/([^/]+)/(submit-form|complete)/?$");
  private static final Pattern START_BY_KEY =
      Pattern.compile(ENGINE + "process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/submit-form/?$");
  private static final Pattern START_BY_ID = Pattern.compile(ENGINE + "process-definition/([^/]+)/submit-form/?$");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    String path = request.getUriInfo().getPath();
    Matcher task = TASK_SUBMISSION.matcher(path);
    Matcher startByKey = START_BY_KEY.matcher(path);
    Matcher startById = START_BY_ID.matcher(path);
    String what;
    FormSchema form;
    if (task.matches() && engine(task.group(1)) != null) {
      what = "Cannot submit task form " + task.group(2);
      form = taskForm(engine(task.group(1)).getFormService(), task.group(2));
    } else if (startByKey.matches() && engine(startByKey.group(1)) != null) {
      what = "Cannot instantiate process definition " + startByKey.group(2);
      form = startFormByKey(engine(startByKey.group(1)), startByKey.group(2), startByKey.group(3));
    } else if (startById.matches() && !"key".equals(startById.group(2)) && engine(startById.group(1)) != null) {
      what = "Cannot instantiate process definition " + startById.group(2);
      form = startForm(engine(startById.group(1)).getFormService(), startById.group(2));
    } else {
      return;
    }
    boolean taskForm = task.matches();
    if (form == null && !taskForm) {
      return;
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode variables;
    try {
      JsonNode submission = body.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
      if (submission == null || !submission.isObject()) {
        return;
      }
      variables = submission.path("variables");
    } catch (IOException notJson) {
      return;
    }
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      return;
    }
    List<FormSchema.Problem> problems = new ArrayList<>(form == null ? List.of()
        : form.validate(variables.isObject() ? variables : Json.mapper().createObjectNode()));
    if (taskForm && variables.isObject()) {
      variables.fieldNames().forEachRemaining(name -> {
        if (TaskCardVariables.PILOT_AND_STEP.contains(name)
            && problems.stream().noneMatch(problem -> problem.field().equals(name))) {
          problems.add(new FormSchema.Problem(name, "says which pilot and step the task is of; a task's form cannot set it"));
        }
      });
    }
    if (!problems.isEmpty()) {
      request.abortWith(refusal(what, problems));
    }
  }

  /**
   * The engine the path names ({@code default} when it names none). The caller's authentication is set
   * on it by then: by the application's filter for {@code /engine-rest}, by the webapps' own for theirs.
   */
  private static ProcessEngine engine(String name) {
    return ProcessEngines.getProcessEngine(name == null ? ProcessEngines.NAME_DEFAULT : name);
  }

  private static Response refusal(String what, List<FormSchema.Problem> problems) {
    List<String> messages = new ArrayList<>();
    problems.forEach(problem -> messages.add(problem.field() + " " + problem.message()));
    ExceptionDto refusal = new FormRefusal(problems);
    refusal.setType("InvalidRequestException");
    refusal.setMessage(what + ": " + String.join("; ", messages));
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(refusal).build();
  }

  private static FormSchema taskForm(FormService formService, String taskId) {
    try (InputStream deployed = formService.getDeployedTaskForm(taskId)) {
      return FormSchema.read(deployed);
    } catch (Exception noCamundaFormOrNotVisible) {
      // A missing task, one the caller may not see, or a task without a Camunda form: the engine answers.
      return null;
    }
  }

  private static FormSchema startFormByKey(ProcessEngine engine, String key, String tenantId) {
    try {
      ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion();
      query = tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
      ProcessDefinition definition = query.singleResult();
      return definition == null ? null : startForm(engine.getFormService(), definition.getId());
    } catch (Exception notVisible) {
      return null;
    }
  }

  private static FormSchema startForm(FormService formService, String processDefinitionId) {
    try (InputStream deployed = formService.getDeployedStartForm(processDefinitionId)) {
      return FormSchema.read(deployed);
    } catch (Exception noCamundaFormOrNotVisible) {
      return null;
    }
  }

  /** Camunda's error answer with the refused fields, as the application's API names them. */
  public static final class FormRefusal extends ExceptionDto {

    private final List<Map<String, String>> errors;

    FormRefusal(List<FormSchema.Problem> problems) {
      this.errors = problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList();
    }

    public List<Map<String, String>> getErrors() {
      return errors;
    }
  }
}
