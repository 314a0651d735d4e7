package org.pilotlifecycle.security;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * What a deployment by someone other than an administrator may contain. Analysts change diagrams and
 * decisions in Camunda Modeler and deploy them; a diagram is code the engine runs, with no user behind its
 * jobs, so a deployment is held to the product's own vocabulary:
 * <ul>
 *   <li>expressions ({@code ${...}}, {@code #{...}}) only read variables, compare and combine them, and call the
 *       product's own beans: the delegates and the expression beans the shipped diagrams use
 *       ({@link #EXPRESSION_BEANS}), and {@code execution.getVariable}, {@code getVariableLocal},
 *       {@code processBusinessKey}; no other method, property chain, index or function;</li>
 *   <li>no scripts and no {@code camunda:class} (any class on the class path);</li>
 *   <li>decision tables without FEEL function definitions (FEEL can call Java through them);</li>
 *   <li>the framework processes keep their structure: every phase or stage of the step catalogue, its overdue
 *       timer and its gate sign-off with "Record gate decision" after it, so no version can skip a gate;</li>
 *   <li>a user task is held by the pilot's people, as the element templates offer it: a role's
 *       {@code pilotPeople.users} and {@code groupIfNobodyNamed} (the same role), a gate's {@code approvers} and
 *       {@code approverGroupIfNobodyNamed} with the role the step catalogue gives it, or the steering committee's
 *       group; no assignee, no other user or group, no potential owner: who holds a task is the pilot's to say,
 *       not a diagram's (issue 14);</li>
 *   <li>a form keeps the inputs of the shipped form of its id (relabel, arrange, constrain, hide: yes; new inputs or
 *       display-only fields made inputs: no), and a form of a new id takes no variable a shipped form uses
 *       ({@link #formProblems}).</li>
 * </ul>
 * A refused deployment is a 400 problem naming every finding; nothing is deployed. Administrators and the
 * application's own start-up deployment are not held to it.
 */
@Component
public class DeploymentPolicy extends AbstractProcessEnginePlugin {

  /** The beans the shipped diagrams call methods of in expressions. */
  static final Set<String> EXPRESSION_BEANS = Set.of("stepLifecycle", "decisionForms", "adoptionProgramme",
      "fourStageLifecycle", "pilotPeople");
  static final Set<String> EXECUTION_MEMBERS = Set.of("getVariable", "getVariableLocal", "processBusinessKey",
      "getProcessBusinessKey");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MEMBER = Pattern.compile("([\\w$]+|[)\\]])\\s*\\.\\s*([A-Za-z_$][\\w$]*)");
  private static final Pattern CALL = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern HOLDER = Pattern.compile(
      "\\$\\{pilotPeople\\.(users|groupIfNobodyNamed|approvers|approverGroupIfNobodyNamed)\\(execution, '([A-Z_]+)'\\)}");
  private static final Set<String> OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
      "mod", "empty", "instanceof");

  private final ListableBeanFactory beans;
  private volatile Map<String, Set<String>> allowedMembers;

  DeploymentPolicy(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new Guard());
  }

  final class Guard implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      // The system (the application's own start-up deployment) and administrators are not held to it.
      var engine = Context.getProcessEngineConfiguration().getProcessEngine();
      if (!CurrentUser.isUser(engine) || CurrentUser.groupsOf(engine).contains(Roles.ADMIN)) {
        return;
      }
      List<FieldProblem> problems = new ArrayList<>();
      for (ResourceEntity resource : deployment.getResources().values()) {
        problems.addAll(problemsOf(resource.getName(), resource.getBytes()));
      }
      if (!problems.isEmpty()) {
        throw new InvalidFieldsException("Deployment refused", "The deployment is refused: " + problems.stream()
            .map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""), problems);
      }
    }
  }

  /** What is wrong with one resource of a deployment; empty when it may be deployed. */
  List<FieldProblem> problemsOf(String name, byte[] bytes) {
    if (bytes != null && name.endsWith(".form")) {
      return formProblems(name, bytes);
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (bytes == null || !(name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
        || name.endsWith(".dmn11.xml"))) {
      return problems;
    }
    String xml = new String(bytes, StandardCharsets.UTF_8);
    String text = xml.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'");
    if (xml.contains("camunda:class=") || Pattern.compile("<camunda:\\w*[lL]istener[^>]*\\sclass=").matcher(xml).find()) {
      problems.add(new FieldProblem(name, "names a Java class (camunda:class); use a delegate expression"));
    }
    if (xml.contains("scriptTask") || xml.contains("camunda:script") || xml.contains("scriptFormat")) {
      problems.add(new FieldProblem(name, "contains a script"));
    }
    if (name.contains(".dmn") && Pattern.compile("function\\s*\\(").matcher(text).find()) {
      problems.add(new FieldProblem(name, "defines a FEEL function"));
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String refusal = refusalOf(expression.group(1));
      if (refusal != null) {
        problems.add(new FieldProblem(name, "the expression " + expression.group() + " " + refusal));
      }
    }
    if (!name.contains(".dmn") && problems.isEmpty()) {
      problems.addAll(structureProblems(name, bytes));
    }
    return problems;
  }

  /** Why the expression may not be deployed, or null when it may. */
  String refusalOf(String expression) {
    String code = LITERAL.matcher(expression).replaceAll("''");
    if (code.contains("[")) {
      return "indexes a value: only variables, operators and the product's beans are allowed";
    }
    Matcher member = MEMBER.matcher(code);
    while (member.find()) {
      String receiver = member.group(1);
      if (receiver.chars().allMatch(Character::isDigit)) {
        continue;
      }
      if (!allowedMembers().getOrDefault(receiver, Set.of()).contains(member.group(2))) {
        return "uses " + receiver + "." + member.group(2) + ": only execution.getVariable, getVariableLocal, "
            + "processBusinessKey and the methods of " + String.join(", ", EXPRESSION_BEANS) + " are allowed";
      }
    }
    Matcher call = CALL.matcher(code);
    while (call.find()) {
      if (!OPERATORS.contains(call.group(1))) {
        return "calls " + call.group(1) + "(): only the methods of the product's beans are allowed";
      }
    }
    return null;
  }

  /** Form components that take no input: what they have as key is never submitted. */
  private static final Set<String> NO_INPUT = Set.of("text", "html", "image", "spacer", "separator", "button", "group",
      "iframe", "table", "documentPreview");

  private volatile ShippedForms shippedForms;

  /** The product's own forms (the {@code forms/} folder on the class path): their inputs per form id, and every key they use. */
  record ShippedForms(Map<String, Set<String>> inputsById, Set<String> keys) {
  }

  /**
   * A form is where a person's input enters the process, and the server takes what the deployed form has as
   * inputs (the form guard checks submissions against it). So an analyst's form may relabel, rearrange, explain,
   * constrain and hide the fields of the shipped form of the same id, but not add inputs or turn a display-only
   * field into an input (a registration confirmed with a lower risk tier, another executive owner); and a form of
   * a new id must not take any variable a shipped form uses, which are the product's recorded facts and decisions.
   */
  List<FieldProblem> formProblems(String name, byte[] bytes) {
    List<FieldProblem> problems = new ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode form;
    try {
      form = org.pilotlifecycle.web.Json.mapper().readTree(bytes);
    } catch (java.io.IOException notJson) {
      problems.add(new FieldProblem(name, "is not a Camunda form (JSON)"));
      return problems;
    }
    if (form == null || !form.isObject()) {
      problems.add(new FieldProblem(name, "is not a Camunda form (JSON object)"));
      return problems;
    }
    ShippedForms shipped = shippedForms();
    String id = form.path("id").asText("");
    Set<String> inputs = new java.util.TreeSet<>();
    Set<String> ignored = new java.util.TreeSet<>();
    collectInputs(form.path("components"), inputs, ignored);
    Set<String> allowed = shipped.inputsById().get(id);
    for (String input : inputs) {
      if (allowed != null && !allowed.contains(input)) {
        problems.add(new FieldProblem(name, "field " + input + " is not an input of the shipped form " + id
            + ": a form may relabel, arrange, constrain and hide the shipped fields, not add inputs or enable display-only ones"));
      } else if (allowed == null && shipped.keys().contains(input)) {
        problems.add(new FieldProblem(name, "field " + input + " of the new form " + id + " is a variable the product records"
            + " (a shipped form uses it): a new form takes new variables only"));
      }
    }
    return problems;
  }

  private static void collectInputs(com.fasterxml.jackson.databind.JsonNode components, Set<String> inputs, Set<String> all) {
    for (com.fasterxml.jackson.databind.JsonNode component : components) {
      if (component.path("components").isArray()) {
        collectInputs(component.path("components"), inputs, all);
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || NO_INPUT.contains(component.path("type").asText(""))) {
        continue;
      }
      all.add(key);
      if (!component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
        inputs.add(key);
      }
    }
  }

  private ShippedForms shippedForms() {
    ShippedForms forms = shippedForms;
    if (forms == null) {
      Map<String, Set<String>> inputsById = new java.util.HashMap<>();
      Set<String> keys = new java.util.HashSet<>();
      try {
        for (org.springframework.core.io.Resource resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
            .getResources("classpath*:forms/**/*.form")) {
          try (java.io.InputStream in = resource.getInputStream()) {
            com.fasterxml.jackson.databind.JsonNode form = org.pilotlifecycle.web.Json.mapper().readTree(in);
            Set<String> inputs = new java.util.HashSet<>();
            collectInputs(form.path("components"), inputs, keys);
            inputsById.put(form.path("id").asText(""), Set.copyOf(inputs));
          }
        }
      } catch (java.io.IOException unreadable) {
        throw new IllegalStateException("Cannot read the shipped forms from the class path", unreadable);
      }
      forms = new ShippedForms(Map.copyOf(inputsById), Set.copyOf(keys));
      shippedForms = forms;
    }
    return forms;
  }

  private Map<String, Set<String>> allowedMembers() {
    Map<String, Set<String>> allowed = allowedMembers;
    if (allowed == null) {
      allowed = new LinkedHashMap<>();
      allowed.put("execution", EXECUTION_MEMBERS);
      allowed.put("task", Set.of("getVariable", "getVariableLocal"));
      for (String bean : EXPRESSION_BEANS) {
        Set<String> methods = new HashSet<>();
        if (beans.containsBean(bean)) {
          for (Method method : AopUtils.getTargetClass(beans.getBean(bean)).getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
              methods.add(method.getName());
            }
          }
        }
        allowed.put(bean, Set.copyOf(methods));
      }
      allowedMembers = allowed;
    }
    return allowed;
  }

  /** The delegate beans a diagram may name: the application's {@link JavaDelegate}s. */
  Set<String> delegateBeans() {
    return Set.of(beans.getBeanNamesForType(JavaDelegate.class));
  }

  /**
   * Why the user task's holders may not be deployed, or null: the pilot's person for one role with the role's
   * group standing in, for a gate the approvers of the role the step catalogue names, or the steering committee.
   */
  static String holderRefusal(UserTask task) {
    String templates = ": a task is held through the pilot's people, as the element templates offer it";
    if (task.getCamundaAssignee() != null) {
      return "names its assignee (camunda:assignee)" + templates;
    }
    if (!task.getResourceRoles().isEmpty()) {
      return "names its holders with a potential owner or performer" + templates;
    }
    String users = task.getCamundaCandidateUsers();
    String groups = task.getCamundaCandidateGroups();
    Optional<Step> gateOf = java.util.Arrays.stream(Step.values())
        .filter(step -> step.gateTaskId().filter(task.getId()::equals).isPresent()).findFirst();
    Optional<PilotRole> approver = gateOf.flatMap(Step::gateApprover);
    if (users == null && Roles.STEERING_COMMITTEE.equals(groups)) {
      return approver.isEmpty() ? null : "is the gate of " + gateOf.get().label() + ", which "
          + approver.get().label() + " approves, not the steering committee";
    }
    Matcher person = HOLDER.matcher(users == null ? "" : users);
    Matcher group = HOLDER.matcher(groups == null ? "" : groups);
    if (!person.matches() || !group.matches()) {
      return "is held by candidateUsers " + users + " and candidateGroups " + groups + templates;
    }
    if (!person.group(2).equals(group.group(2))) {
      return "names one role for its person (" + person.group(2) + ") and another for its group (" + group.group(2) + ")";
    }
    PilotRole role;
    try {
      role = PilotRole.named(person.group(2));
    } catch (IllegalArgumentException unknown) {
      return unknown.getMessage();
    }
    if (role.groupId().isEmpty()) {
      return "names " + role.label() + ", a role without a group to stand in";
    }
    boolean gate = gateOf.isPresent();
    if (!person.group(1).equals(gate ? "approvers" : "users")
        || !group.group(1).equals(gate ? "approverGroupIfNobodyNamed" : "groupIfNobodyNamed")) {
      return gate ? "is a gate: its holders are pilotPeople.approvers and approverGroupIfNobodyNamed (four-eyes)"
          : "is not a gate: its holders are pilotPeople.users and groupIfNobodyNamed";
    }
    if (gate && !approver.equals(Optional.of(role))) {
      return "is the gate of " + gateOf.get().label() + ", which " + approver.map(PilotRole::label)
          .orElse("the steering committee") + " approves, not " + role.label();
    }
    return null;
  }

  /** A framework process keeps every step, overdue timer and gate of the step catalogue. */
  private List<FieldProblem> structureProblems(String name, byte[] bytes) {
    List<FieldProblem> problems = new ArrayList<>();
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException unreadable) {
      return problems;
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String refusal = holderRefusal(task);
      if (refusal != null) {
        problems.add(new FieldProblem(name, task.getId() + " " + refusal));
      }
    }
    Set<String> delegates = delegateBeans();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      if (delegate != null) {
        String bean = delegate.replaceAll("^[$#]\\{\\s*|\\s*}$", "");
        if (!delegates.contains(bean)) {
          problems.add(new FieldProblem(name, task.getId() + " delegates to " + delegate + ", not a delegate of the product"));
        }
      }
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      Framework framework = "FivePhaseOperationalization".equals(process.getId()) ? Framework.FIVE_PHASE
          : "FourStageScaling".equals(process.getId()) ? Framework.FOUR_STAGE : null;
      if (framework == null) {
        continue;
      }
      for (Step step : Step.of(framework)) {
        List<String> required = new ArrayList<>(List.of(step.subProcessId(), step.overdueTimerId()));
        step.gateTaskId().ifPresent(required::add);
        for (String id : required) {
          BaseElement element = model.getModelElementById(id);
          if (element == null) {
            problems.add(new FieldProblem(name, process.getId() + " lacks " + id + " of " + step.title()
                + ": a framework's version keeps every step, its overdue timer and its gate"));
          }
        }
      }
      long gateRecorders = model.getModelElementsByType(ServiceTask.class).stream()
          .filter(task -> "${recordGateDecisionDelegate}".equals(task.getCamundaDelegateExpression())).count();
      long gates = Step.of(framework).stream().filter(step -> step.gateTaskId().isPresent()).count();
      if (gateRecorders < gates) {
        problems.add(new FieldProblem(name, process.getId() + " records " + gateRecorders + " gate decisions for "
            + gates + " gates"));
      }
    }
    return problems;
  }
}
