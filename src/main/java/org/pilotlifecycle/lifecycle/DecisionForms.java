package org.pilotlifecycle.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Repeated decision and review tasks (the monthly dashboard review, an overdue decision, resuming a paused pilot,
 * the decision after a no-go or an adoption shortfall, the weekly adoption, a dashboard escalation) open empty:
 * {@code ${decisionForms.openEmpty(task)}} on the task's create event removes the process variables behind the
 * editable fields of its Camunda Form, so last time's notes and choice are never offered as this time's. The
 * fields are read from the form itself (its {@code key}s, leaving out read-only ones), so a field added to the
 * form is cleared too. Deliverables keep their values: a rework starts from what was submitted.
 */
@Component
public class DecisionForms {

  private final ObjectMapper json;
  private final Map<String, List<String>> editableFields = new ConcurrentHashMap<>();

  DecisionForms(ObjectMapper json) {
    this.json = json;
  }

  public void openEmpty(DelegateTask task) {
    String formRef = formRef(task);
    if (formRef == null) {
      return;
    }
    for (String field : editableFields(formRef)) {
      task.removeVariable(field);
    }
  }

  /** The keys of the form's fields a user fills in, in form order. */
  public List<String> editableFields(String formRef) {
    return editableFields.computeIfAbsent(formRef, this::read);
  }

  private static String formRef(DelegateTask task) {
    UserTask user = task.getBpmnModelElementInstance();
    return user == null ? null : user.getCamundaFormRef();
  }

  private List<String> read(String formRef) {
    try (InputStream in = new ClassPathResource("forms/" + formRef + ".form").getInputStream()) {
      List<String> keys = new ArrayList<>();
      collect(json.readTree(in).path("components"), keys);
      return List.copyOf(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form " + formRef, e);
    }
  }

  private static void collect(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      if (component.hasNonNull("key") && !readOnly) {
        keys.add(component.get("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }
}
