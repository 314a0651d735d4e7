package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_APPROVE_DATA_READINESS;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_APPROVE_MLOPS_READINESS;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_ASSESS_DATA_READINESS;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_BUILD_COST_MODEL;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_PROVIDE_MLOPS_EVIDENCE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.RecordedState;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.pilotlifecycle.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 ("Named accountability") attacked as a user with a valid login, through every entrance: the engine
 * REST API, the webapps' engine API Tasklist uses, the people and deputies API, Tasklist's start form for
 * changing people, and an analyst's deployment from Camunda Modeler. Each attack must be refused with a 4xx
 * problem (never a 5xx), record nothing, and leave the task with the people the pilot names.
 */
@Tag("reliability")
class NamedPeopleEntrancesTest extends IntegrationTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired PilotAuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;

  private FivePhaseDriver driver;
  private Http http;
  private final List<String> refusedWrongly = new ArrayList<>();
  private int attacks;
  private int refused;
  private int serverErrors;

  @BeforeEach
  void setUp() {
    driver = new FivePhaseDriver(engine);
    http = http();
    ClockUtil.setCurrentTime(new Date());
  }

  /** Attack 1 and 5: somebody else's gate, through every door of the engine REST API and Tasklist's. */
  @Test
  void aTaskStaysWithThePersonThePilotNamesWhateverTheEntrance() throws Exception {
    ProcessInstance pilot = started("HOLD");
    driver.work("paul", pilot, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    Task gate = driver.task(pilot, TASK_SIGN_OFF_SUCCESS_METRIC);
    String task = "/engine-rest/task/" + gate.getId();
    Map<String, String> before = RecordedState.of(jdbc);

    // oscar: a business owner, but olivia is named; paul prepared the metric; tara is on the pilot in another role
    for (String user : List.of("oscar", "paul", "tara")) {
      refusal(user + " claims", post(task + "/claim", user, userId(user)));
      refusal(user + " claims for olivia", post(task + "/claim", user, userId("olivia")));
      refusal(user + " sets self as assignee", post(task + "/assignee", user, userId(user)));
      refusal(user + " unassigns", post(task + "/assignee", user, "{\"userId\":null}"));
      refusal(user + " delegates to self", post(task + "/delegate", user, userId(user)));
      refusal(user + " adds self as candidate", post(task + "/identity-links", user,
          "{\"userId\":\"" + user + "\",\"type\":\"candidate\"}"));
      refusal(user + " adds the group", post(task + "/identity-links", user,
          "{\"groupId\":\"business-owner\",\"type\":\"candidate\"}"));
      refusal(user + " unclaims", post(task + "/unclaim", user, ""));
      refusal(user + " completes", post(task + "/complete", user, "{}"));
      refusal(user + " submits the form", post(task + "/submit-form", user, gateForm("APPROVE")));
      refusal(user + " reads the task", http.get(task, user));
      refusal(user + " reads its variables", http.get(task + "/variables", user));
      refusal(user + " reads its card variables", http.get(task + "/localVariables", user));
      refusal(user + " reads its form variables", http.get(task + "/form-variables", user));
      refusal(user + " reads its people", http.get(task + "/identity-links", user));
      refusal(user + " writes a card variable", put(task + "/localVariables/pilotKey", user, "{\"value\":\"X\",\"type\":\"String\"}"));
      refusal(user + " modifies card variables", post(task + "/localVariables", user,
          "{\"modifications\":{\"pilotKey\":{\"value\":\"X\",\"type\":\"String\"}}}"));
      assertThat(http.get("/engine-rest/task?taskId=" + gate.getId(), user).json().size()).as(user + " lists it").isZero();
      assertThat(http.get("/engine-rest/history/task?taskId=" + gate.getId(), user).json().size())
          .as(user + " finds it in the history").isZero();
    }
    // olivia holds it: she cannot hand it to whoever is not entitled, nor write what identifies the pilot
    refusal("olivia hands it to oscar", post(task + "/assignee", "olivia", userId("oscar")));
    refusal("olivia delegates to oscar", post(task + "/delegate", "olivia", userId("oscar")));
    refusal("olivia delegates to the preparer", post(task + "/delegate", "olivia", userId("paul")));
    refusal("olivia claims for the preparer", post(task + "/claim", "olivia", userId("paul")));
    refusal("olivia assigns an empty id", post(task + "/assignee", "olivia", userId("")));
    refusal("olivia adds oscar as candidate", post(task + "/identity-links", "olivia",
        "{\"userId\":\"oscar\",\"type\":\"candidate\"}"));
    refusal("olivia makes oscar owner", post(task + "/identity-links", "olivia", "{\"userId\":\"oscar\",\"type\":\"owner\"}"));
    refusal("olivia writes the card's pilotKey", put(task + "/localVariables/pilotKey", "olivia",
        "{\"value\":\"X\",\"type\":\"String\"}"));
    refusal("olivia submits another pilotKey", post(task + "/submit-form", "olivia", gateForm("REJECT", "pilotKey", "X")));
    refusal("olivia completes with another step", post(task + "/complete", "olivia", gateForm("REJECT", "currentStep", "X")));
    refusal("olivia resolves", post(task + "/resolve", "olivia", "{}"));
    refusal("olivia submits by a matrix path", post(task + "/submit-form;x=1", "olivia", gateForm("REJECT", "pilotKey", "X")));
    refusal("olivia submits in UTF-16", http.send(http.request(task + "/submit-form", "olivia")
        .header("Content-Type", "application/json; charset=UTF-16").POST(HttpRequest.BodyPublishers.ofByteArray(
            gateForm("REJECT", "pilotKey", "X").getBytes(StandardCharsets.UTF_16)))));
    refusal("olivia submits duplicate variables", post(task + "/submit-form", "olivia",
        "{\"variables\":{\"gateDecision\":{\"value\":\"REJECT\",\"type\":\"String\"}},"
            + "\"variables\":{\"pilotKey\":{\"value\":\"X\",\"type\":\"String\"}}}"));

    // the same through the webapps' engine API, with a Tasklist session
    String webTask = "/camunda/api/engine/engine/default/task/" + gate.getId();
    WebappSession oscar = WebappSession.login(port, "oscar");
    refusal("oscar claims in Tasklist", web(oscar, "POST", webTask + "/claim", userId("oscar")));
    refusal("oscar submits in Tasklist", web(oscar, "POST", webTask + "/submit-form", gateForm("APPROVE")));
    refusal("oscar adds self in Tasklist", web(oscar, "POST", webTask + "/identity-links",
        "{\"userId\":\"oscar\",\"type\":\"candidate\"}"));
    WebappSession olivia = WebappSession.login(port, "olivia");
    refusal("olivia writes a card variable in Tasklist", web(olivia, "PUT", webTask + "/localVariables/pilotKey",
        "{\"value\":\"X\",\"type\":\"String\"}"));
    refusal("olivia submits another pilotKey in Tasklist", web(olivia, "POST", webTask + "/submit-form",
        gateForm("REJECT", "pilotKey", "X")));
    refusal("olivia delegates to oscar in Tasklist", web(olivia, "POST", webTask + "/delegate", userId("oscar")));

    assertThat(RecordedState.of(jdbc)).as("nothing recorded by the refusals").isEqualTo(before);
    assertThat(candidateUsers(gate)).containsExactly("olivia");
    assertThat(taskService.createTaskQuery().taskId(gate.getId()).singleResult().getAssignee()).isNull();
    assertThat(submitGate("olivia", gate, "APPROVE").status()).isEqualTo(204);
    report("gates");
  }

  /** Attack 1: a former tech lead, a deputy after the period, a deputy of a deputy, a deputy of someone not named. */
  @Test
  void formerHoldersAndDeputiesWithoutAStandingHoldNothing() {
    ProcessInstance pilot = started("FORMER");
    driver.passPhase1(pilot);
    Task assess = driver.task(pilot, TASK_ASSESS_DATA_READINESS);
    String task = "/engine-rest/task/" + assess.getId();
    assertThat(post(task + "/claim", "tara", userId("tara")).status()).isEqualTo(204);
    assertThat(changePerson("olivia", pilot.getBusinessKey(), "TECH_LEAD", "theo").status()).isEqualTo(200);
    assertThat(taskService.createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
        .as("the former tech lead's claim is let go").isNull();

    Map<String, String> before = RecordedState.of(jdbc);
    refusal("the former tech lead claims", post(task + "/claim", "tara", userId("tara")));
    refusal("the former tech lead completes", post(task + "/submit-form", "tara",
        TasklistUser.typed(FivePhaseForms.dataReadiness(3))));
    refusal("the former tech lead reads it", http.get(task, "tara"));
    refusal("the former tech lead reads its variables", http.get(task + "/variables", "tara"));
    refusal("the former tech lead reads its form variables", http.get(task + "/form-variables", "tara"));
    refusal("the former tech lead hands it back to herself", post(task + "/assignee", "tara", userId("tara")));
    assertThat(http.get("/engine-rest/task?taskId=" + assess.getId(), "tara").json().size()).isZero();
    refusal("the new tech lead hands it to the former one", post(task + "/assignee", "theo", userId("tara")));
    refusal("the new tech lead delegates it to the former one", post(task + "/delegate", "theo", userId("tara")));
    assertThat(RecordedState.of(jdbc)).as("nothing recorded by the refusals").isEqualTo(before);

    // deputies: theo -> tara (the former tech lead, now his deputy), tara -> ana (a deputy's deputy), sam -> raj
    String today = today();
    long theosDeputy = deputy("theo", "tara", today, today).json().path("id").asLong();
    long tarasDeputy = deputy("tara", "ana", today, today).json().path("id").asLong();
    long samsDeputy = deputy("sam", "raj", today, today).json().path("id").asLong();
    try {
      before = RecordedState.of(jdbc);
      refusal("a deputy's deputy claims", post(task + "/claim", "ana", userId("ana")));
      refusal("the deputy of someone not named claims", post(task + "/claim", "raj", userId("raj")));
      refusal("the deputy hands it to her own deputy", post(task + "/assignee", "tara", userId("ana")));
      assertThat(RecordedState.of(jdbc)).isEqualTo(before);
      assertThat(candidateUsers(assess)).containsExactly("tara", "theo");
    } finally {
      for (long id : List.of(theosDeputy, tarasDeputy, samsDeputy)) {
        String principal = id == theosDeputy ? "theo" : id == tarasDeputy ? "tara" : "sam";
        assertThat(delete("/api/deputies/" + id, principal).status()).isEqualTo(204);
      }
    }
    refusal("the deputy after the withdrawal", post(task + "/claim", "tara", userId("tara")));
    assertThat(candidateUsers(assess)).containsExactly("theo");
    report("former holders");
  }

  /**
   * Attack 1 and 2 with a delegation under way: the tech lead delegates her task to her deputy, then the pilot names
   * another tech lead. The former tech lead, still the task's owner, must neither get it back when it is resolved
   * nor keep the new tech lead from completing it.
   */
  @Test
  void aDelegationDoesNotOutliveItsOwnersHold() {
    ProcessInstance pilot = started("DELEGATED");
    driver.passPhase1(pilot);
    Task assess = driver.task(pilot, TASK_ASSESS_DATA_READINESS);
    String task = "/engine-rest/task/" + assess.getId();
    long period = deputy("tara", "theo", today(), today()).json().path("id").asLong();
    try {
      assertThat(post(task + "/claim", "tara", userId("tara")).status()).isEqualTo(204);
      assertThat(post(task + "/delegate", "tara", userId("theo")).status()).as("to her deputy").isEqualTo(204);
    } finally {
      assertThat(delete("/api/deputies/" + period, "tara").status()).isEqualTo(204);
    }
    assertThat(changePerson("olivia", pilot.getBusinessKey(), "TECH_LEAD", "theo").status()).isEqualTo(200);

    String owner = taskService.createTaskQuery().taskId(assess.getId()).singleResult().getOwner();
    refusal("the former tech lead, its owner, reads it", http.get(task, "tara"));
    refusal("the former tech lead resolves it", post(task + "/resolve", "tara", "{}"));
    Http.Response claimed = post(task + "/claim", "theo", userId("theo"));
    Http.Response completed = post(task + "/submit-form", "theo", TasklistUser.typed(FivePhaseForms.dataReadiness(3)));
    assertThat(completed.status()).as("the new tech lead completes it (claimed: " + claimed.status() + "): "
        + completed.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(assess.getId()).count()).as("completed, not handed back").isZero();
    assertThat(last(pilot.getBusinessKey(), AuditEntryType.DELIVERABLE_SUBMITTED).getActor()).isEqualTo("theo");
    assertThat(owner).as("the former tech lead no longer owns it").isNotEqualTo("tara");
    report("delegations");
  }

  /** Attack 2: the four-eyes rule around named people, deputies and delegation (phase 2: tara prepares). */
  @Test
  void whoPreparedAStepCannotBecomeItsApprover() {
    ProcessInstance pilot = started("EYES");
    String key = pilot.getBusinessKey();
    driver.passPhase1(pilot);
    driver.submitPhase2(pilot);
    Task gate = driver.task(pilot, TASK_APPROVE_DATA_READINESS);
    String task = "/engine-rest/task/" + gate.getId();
    assertThat(candidateUsers(gate)).contains("theo").doesNotContain("tara");

    refusal("the approver delegates to the preparer", post(task + "/delegate", "theo", userId("tara")));
    refusal("the approver hands it to the preparer", post(task + "/assignee", "theo", userId("tara")));
    refusal("the preparer claims", post(task + "/claim", "tara", userId("tara")));
    long period = deputy("theo", "tara", today(), today()).json().path("id").asLong();
    try {
      refusal("the preparer as the approver's deputy claims", post(task + "/claim", "tara", userId("tara")));
      refusal("the preparer as the approver's deputy approves", submitGate("tara", gate, "APPROVE"));
    } finally {
      assertThat(delete("/api/deputies/" + period, "theo").status()).isEqualTo(204);
    }
    // naming the preparer tech lead again, or another tech lead and back, does not hand her the gate
    assertThat(changePerson("olivia", key, "TECH_LEAD", "theo").status()).isEqualTo(200);
    assertThat(changePerson("olivia", key, "TECH_LEAD", "tara").status()).isEqualTo(200);
    assertThat(candidateUsers(gate)).doesNotContain("tara");
    refusal("the preparer, named tech lead again, approves", submitGate("tara", gate, "APPROVE"));
    assertThat(submitGate("theo", gate, "APPROVE").status()).isEqualTo(204);
    assertThat(last(key, AuditEntryType.GATE_DECISION).getActor()).isEqualTo("theo");
    report("four eyes");
  }

  /**
   * Attack 2, through a deployed form: Tasklist shows the latest version of a form, and an analyst deploys forms.
   * A field naming the pilot or its step must not let the preparer file their deliverable under another pilot or
   * step, which would make them the approver of their own work. An analyst's deployment of such a form is refused;
   * an administrator's goes through, and the form guard still refuses the fields.
   */
  @Test
  void aTaskFormCannotMoveADeliverableToAnotherPilotOrStep() throws IOException {
    ProcessInstance pilot = started("FILED");
    ProcessInstance elsewhere = started("ELSEWHERE");
    String key = pilot.getBusinessKey();
    driver.passPhase1(pilot);
    driver.passPhase2(pilot);
    Path formFile = Path.of("forms/provide-mlops-evidence.form");
    String original = Files.readString(formFile);
    Http.Response byAnalyst = deploy("ana", "provide-mlops-evidence.form", withFields(original, "pilotKey", "currentStep"));
    assertThat(byAnalyst.status()).as("an analyst's form may not add inputs: " + byAnalyst.body()).isEqualTo(400);
    assertThat(byAnalyst.body()).contains("field pilotKey is not an input").contains("field currentStep is not an input");
    // An administrator is not held to the deployment policy; the form guard still holds behind it.
    assertThat(deploy("admin", "provide-mlops-evidence.form", withFields(original, "pilotKey", "currentStep")).status())
        .as("an administrator deploys a form with the fields").isEqualTo(200);
    Http.Response elsewherePilot;
    Http.Response elsewhereStep;
    try {
      Task evidence = driver.task(pilot, TASK_PROVIDE_MLOPS_EVIDENCE);
      Map<String, Object> otherPilot = new LinkedHashMap<>(FivePhaseForms.mlopsEvidence(true));
      otherPilot.put("pilotKey", elsewhere.getBusinessKey());
      Map<String, Object> otherStep = new LinkedHashMap<>(FivePhaseForms.mlopsEvidence(true));
      otherStep.put("currentStep", "OUTCOME_DEFINITION");
      elsewherePilot = post("/engine-rest/task/" + evidence.getId() + "/submit-form", "tara", TasklistUser.typed(otherPilot));
      elsewhereStep = post("/engine-rest/task/" + evidence.getId() + "/submit-form", "tara", TasklistUser.typed(otherStep));
      if (taskService.createTaskQuery().taskId(evidence.getId()).count() == 1) {
        driver.work("tara", pilot, TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(true));
      }
      driver.work("paul", pilot, TASK_BUILD_COST_MODEL, FivePhaseForms.costModel(120000, 480000, null));
    } finally {
      assertThat(deploy("ana", "provide-mlops-evidence.form", original).status()).as("the form as shipped").isEqualTo(200);
    }
    Task gate = driver.task(pilot, TASK_APPROVE_MLOPS_READINESS);
    Http.Response ownApproval = submitGate("tara", gate, "APPROVE");

    assertThat(ownApproval.status()).as("the preparer approves her own evidence: " + ownApproval.body()).isIn(400, 403);
    assertThat(auditTrail.deliverableSubmitters(key, "MLOPS_INFRASTRUCTURE")).as("tara's evidence is on the pilot's record")
        .contains("tara");
    assertThat(auditTrail.deliverableSubmitters(elsewhere.getBusinessKey(), "MLOPS_INFRASTRUCTURE")).isEmpty();
    assertThat(candidateUsers(gate)).as("the gate goes to the other tech leads").doesNotContain("tara");
    assertThat(elsewherePilot.status()).as("a task form sets the pilot's key: " + elsewherePilot.body()).isEqualTo(400);
    assertThat(elsewhereStep.status()).as("a task form sets the pilot's step: " + elsewhereStep.body()).isEqualTo(400);
    refusal("a task form sets the pilot's key", elsewherePilot);
    refusal("a task form sets the pilot's step", elsewhereStep);
    report("deployed forms");
  }

  /**
   * Attack 1 through a deployment: an analyst's new version of a diagram must not name who holds its tasks
   * other than through the pilot's people, nor give a gate to another role than the step catalogue's.
   */
  @Test
  void anAnalystCannotRedirectWhoHoldsTasksByDeployingADiagram() throws IOException {
    String fivePhase = Files.readString(Path.of("bpmn/FivePhaseOperationalization.bpmn"));
    String intakeDiagram = Files.readString(Path.of("bpmn/PilotIntake.bpmn"));
    String signOff = "camunda:candidateUsers=\"${pilotPeople.approvers(execution, 'EXECUTIVE_OWNER')}\" "
        + "camunda:candidateGroups=\"${pilotPeople.approverGroupIfNobodyNamed(execution, 'EXECUTIVE_OWNER')}\"";
    assertThat(fivePhase).contains(signOff);
    Map<String, String> hostile = new LinkedHashMap<>();
    hostile.put("the analyst holds the sign-off", fivePhase.replace(signOff, "camunda:candidateUsers=\"ana\""));
    hostile.put("the analyst's group holds the sign-off", fivePhase.replace(signOff, "camunda:candidateGroups=\"process-analyst\""));
    hostile.put("the sign-off is assigned", fivePhase.replace(signOff, signOff + " camunda:assignee=\"ana\""));
    hostile.put("the sign-off goes to the preparer's role", fivePhase.replace(signOff, signOff.replace("EXECUTIVE_OWNER", "AI_PRODUCT_OWNER")));
    hostile.put("the sign-off is for its person, not its approver", fivePhase.replace(signOff,
        signOff.replace("approvers(", "users(").replace("approverGroupIfNobodyNamed(", "groupIfNobodyNamed(")));
    hostile.put("the person of one role, the group of another", fivePhase.replace(signOff,
        signOff.replace("approverGroupIfNobodyNamed(execution, 'EXECUTIVE_OWNER')", "approverGroupIfNobodyNamed(execution, 'TECH_LEAD')")));
    hostile.put("an expression naming the analyst", fivePhase.replace(signOff, "camunda:candidateUsers=\"${'ana'}\""));
    int signOffEnd = fivePhase.indexOf("</bpmn:userTask>", fivePhase.indexOf(signOff));
    hostile.put("a potential owner", fivePhase.substring(0, signOffEnd) + "<bpmn:potentialOwner><bpmn:resourceAssignmentExpression>"
        + "<bpmn:formalExpression>user(ana)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>"
        + fivePhase.substring(signOffEnd));
    hostile.put("the intake's confirmation to the analysts", intakeDiagram.replace(
        "camunda:candidateGroups=\"${pilotPeople.groupIfNobodyNamed(execution, 'AI_PRODUCT_OWNER')}\"",
        "camunda:candidateGroups=\"process-analyst\""));
    long fivePhaseVersions = versions("FivePhaseOperationalization");
    long intakeVersions = versions("PilotIntake");

    Map<String, Integer> answers = new LinkedHashMap<>();
    Http.Response first = null;
    try {
      for (Map.Entry<String, String> diagram : hostile.entrySet()) {
        String resource = diagram.getKey().startsWith("the intake") ? "PilotIntake.bpmn" : "FivePhaseOperationalization.bpmn";
        Http.Response answer = deploy("ana", resource, diagram.getValue());
        answers.put(diagram.getKey(), answer.status());
        if (first == null) {
          first = answer;
          if (answer.status() == 200) {
            // what the first one does: the analyst signs off a new pilot's success metric
            ProcessInstance pilot = started("ANALYST");
            driver.work("paul", pilot, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
            Task gate = driver.task(pilot, TASK_SIGN_OFF_SUCCESS_METRIC);
            answers.put("the analyst signs off with that version", submitGate("ana", gate, "APPROVE").status());
          }
        }
        refusal(diagram.getKey(), answer);
      }
    } finally {
      if (versions("FivePhaseOperationalization") != fivePhaseVersions) {
        assertThat(deploy("admin", "FivePhaseOperationalization.bpmn", fivePhase).status()).isEqualTo(200);
      }
      if (versions("PilotIntake") != intakeVersions) {
        assertThat(deploy("admin", "PilotIntake.bpmn", intakeDiagram).status()).isEqualTo(200);
      }
    }
    assertThat(answers).as("every hostile diagram refused").allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(400));
    assertThat(first.body()).contains("Task_SignOffSuccessMetric");
    assertThat(deploy("ana", "FivePhaseOperationalization.bpmn", fivePhase).status()).as("the shipped diagram still deploys")
        .isEqualTo(200);
    report("holder deployments");
  }

  /**
   * Attack 4: the executive owner's deputy stands in for a period; naming themselves (or anyone) executive owner
   * would make the stand-in permanent and lock the owner out of their own pilot.
   */
  @Test
  void theOwnersDeputyCannotTakeThePilotOver() {
    ProcessInstance pilot = started("TAKEOVER");
    String key = pilot.getBusinessKey();
    long period = deputy("olivia", "oscar", today(), today()).json().path("id").asLong();
    try {
      Map<String, String> before = RecordedState.of(jdbc);
      refusal("the deputy names himself executive owner", changePerson("oscar", key, "EXECUTIVE_OWNER", "oscar"));
      refusal("the deputy names another executive owner", changePerson("oscar", key, "EXECUTIVE_OWNER", "lena"));
      assertThat(RecordedState.of(jdbc)).isEqualTo(before);
      assertThat(changePerson("oscar", key, "TECH_LEAD", "theo").status()).as("other roles, as the owner would")
          .isEqualTo(200);
    } finally {
      assertThat(delete("/api/deputies/" + period, "olivia").status()).isEqualTo(204);
    }
    assertThat(registry.get(key).getExecutiveOwner()).isEqualTo("olivia");
    report("owner's deputy");
  }

  /** Attacks 3 and 4: bad requests to the deputies and people APIs are 4xx problems, never a 5xx, and record nothing. */
  @Test
  void deputiesAndPeopleRequestsThatMakeNoSenseAreRefused() {
    ProcessInstance pilot = started("ASKS");
    String key = pilot.getBusinessKey();
    String today = today();
    Map<String, String> before = RecordedState.of(jdbc);
    long deputiesBefore = jdbc.queryForObject("select count(*) from deputy", Long.class);
    String[] deputies = {
        "{\"principal\":\"olivia\",\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"principal\":\"admin\",\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"+999999999-12-31\",\"endsOn\":\"+999999999-12-31\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"-999999999-01-01\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"2026-02-30\",\"endsOn\":\"2026-03-01\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + LocalDate.parse(today).plusDays(366) + "\"}",
        "{\"deputy\":[\"raj\"],\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"raj' or 1=1--\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"" + "r".repeat(65) + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\",\"reason\":\"" + "x".repeat(501) + "\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\",\"reason\":\"away\\u0000\\u0007\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\",\"reason\":\"\\ud800\"}",
        "{\"deputy\":\"RAJ\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"rita\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":\"raj\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\",\"createdBy\":\"admin\"}",
        "{\"deputy\":\"raj\",\"startsOn\":true,\"endsOn\":\"" + today + "\"}",
        "{\"deputy\":null}", "{}", "not json", "", "[]", "null",
    };
    for (String body : deputies) {
      refusal("deputy " + body.substring(0, Math.min(body.length(), 60)), post("/api/deputies", "rita", body));
    }
    refusal("withdraw a period by a word", delete("/api/deputies/abc", "rita"));
    refusal("withdraw a period by a huge id", delete("/api/deputies/99999999999999999999999", "rita"));
    refusal("withdraw an unknown period", delete("/api/deputies/-1", "rita"));

    String people = "/api/pilots/" + key + "/people/";
    refusal("people by the AI product owner", put(people + "TECH_LEAD", "paul", "{\"person\":\"theo\"}"));
    refusal("people by another business owner", put(people + "TECH_LEAD", "oscar", "{\"person\":\"theo\"}"));
    refusal("people by a tech lead", put(people + "TECH_LEAD", "tara", "{\"person\":\"theo\"}"));
    refusal("people of an unknown role", put(people + "CFO", "olivia", "{\"person\":\"theo\"}"));
    refusal("people of the steering committee", put(people + "STEERING_COMMITTEE", "olivia", "{\"person\":\"sam\"}"));
    refusal("a person outside the role's group", put(people + "AI_PRODUCT_OWNER", "olivia", "{\"person\":\"tara\"}"));
    refusal("a person who is no user", put(people + "LINE_MANAGER", "olivia", "{\"person\":\"ghost\"}"));
    refusal("a person with a control character", put(people + "TECH_LEAD", "olivia", "{\"person\":\"th\\u0000eo\"}"));
    refusal("a person as a number", put(people + "TECH_LEAD", "olivia", "{\"person\":5}"));
    refusal("a person as a list", put(people + "TECH_LEAD", "olivia", "{\"person\":[\"theo\"]}"));
    refusal("nobody as executive owner", put(people + "EXECUTIVE_OWNER", "olivia", "{\"person\":null}"));
    refusal("blank as executive owner", put(people + "EXECUTIVE_OWNER", "olivia", "{\"person\":\"  \"}"));
    refusal("a reason with a control character", put(people + "TECH_LEAD", "olivia", "{\"person\":\"theo\",\"reason\":\"moved\\u0000\"}"));
    refusal("a reason too long", put(people + "TECH_LEAD", "olivia", "{\"person\":\"theo\",\"reason\":\"" + "x".repeat(501) + "\"}"));
    refusal("no body", put(people + "TECH_LEAD", "olivia", ""));
    refusal("broken JSON", put(people + "TECH_LEAD", "olivia", "{"));
    refusal("an unknown pilot", put("/api/pilots/NOPE-1/people/TECH_LEAD", "olivia", "{\"person\":\"theo\"}"));

    String change = "/engine-rest/process-definition/key/ChangePilotPeople/";
    refusal("Tasklist's change form started without the form", post(change + "start", "olivia", changeForm(key, "")));
    refusal("Tasklist's change form with an initiator", post(change + "submit-form", "olivia",
        changeForm(key, ",\"requestedBy\":{\"value\":\"admin\",\"type\":\"String\"}")));
    refusal("Tasklist's change form by a tech lead", post(change + "submit-form", "tara", changeForm(key, "")));
    refusal("Tasklist's change form by another business owner", post(change + "submit-form", "oscar", changeForm(key, "")));
    refusal("Tasklist's change form with a number", post(change + "submit-form", "olivia",
        changeForm(key, "").replace("\"value\":\"theo\",\"type\":\"String\"", "\"value\":5,\"type\":\"Integer\"")));
    refusal("a framework started by hand", post("/engine-rest/process-definition/key/FivePhaseOperationalization/submit-form",
        "olivia", "{\"variables\":{\"pilotKey\":{\"value\":\"" + key + "\",\"type\":\"String\"}}}"));

    report("people and deputies requests");
    assertThat(jdbc.queryForObject("select count(*) from deputy", Long.class)).as("no deputy period recorded")
        .isEqualTo(deputiesBefore);
    assertThat(RecordedState.of(jdbc)).as("nothing recorded by the refusals").isEqualTo(before);
    assertThat(registry.get(key).getTechLead()).isEqualTo("tara");
  }

  // ---------------------------------------------------------------- helpers

  /** The attack must be refused: a 4xx problem, not a 5xx, not a success. */
  private void refusal(String attack, Http.Response response) {
    attacks++;
    if (response.status() >= 500) {
      serverErrors++;
    }
    boolean problem = response.contentType().startsWith("application/problem+json")
        && !response.body().isEmpty() && response.json().path("status").asInt() == response.status();
    if (response.status() >= 400 && response.status() < 500 && problem && !response.body().contains("\tat ")) {
      refused++;
    } else {
      refusedWrongly.add(attack + ": " + response.status() + " " + response.contentType() + " "
          + response.body().substring(0, Math.min(300, response.body().length())));
    }
  }

  private void report(String what) {
    Counts.report("named people, %s: %d attacks, %d refused, %d 5xx", what, attacks, refused, serverErrors);
    assertThat(refusedWrongly).as("attacks not refused with a 4xx problem").isEmpty();
    assertThat(serverErrors).isZero();
  }

  private Http.Response web(WebappSession session, String method, String path, String body) throws Exception {
    var response = session.send(method, path, "application/json", body);
    return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        response.body(), response.headers());
  }

  private ProcessInstance started(String prefix) {
    return driver.start(intake, Registrations.lowRisk(Registrations.newKey(prefix), Framework.FIVE_PHASE));
  }

  private Http.Response post(String path, String user, String json) {
    return http.postJson(path, user, json);
  }

  private Http.Response put(String path, String user, String json) {
    return http.send(http.request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Http.Response delete(String path, String user) {
    return http.send(http.request(path, user).DELETE());
  }

  private Http.Response deputy(String principal, String deputy, String startsOn, String endsOn) {
    Http.Response named = post("/api/deputies", principal, Http.toJson(Map.of("deputy", deputy, "startsOn", startsOn,
        "endsOn", endsOn, "reason", "Probe")));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    return named;
  }

  private Http.Response changePerson(String user, String key, String role, String person) {
    return put("/api/pilots/" + key + "/people/" + role, user, Http.toJson(Map.of("person", person, "reason", "Probe")));
  }

  private Http.Response submitGate(String user, Task task, String decision) {
    return post("/engine-rest/task/" + task.getId() + "/submit-form", user, gateForm(decision));
  }

  private static String today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).toString();
  }

  private static String userId(String user) {
    return Http.toJson(Map.of("userId", user));
  }

  private static String gateForm(String decision, String... extra) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("gateDecision", Map.of("value", decision, "type", "String"));
    if (decision.equals("REJECT")) {
      variables.put("gateReason", Map.of("value", "Probe", "type", "String"));
    }
    for (int i = 0; i + 1 < extra.length; i += 2) {
      variables.put(extra[i], Map.of("value", extra[i + 1], "type", "String"));
    }
    return Http.toJson(Map.of("variables", variables));
  }

  private static String changeForm(String key, String extra) {
    return "{\"variables\":{\"pilotKey\":{\"value\":\"" + key + "\",\"type\":\"String\"},"
        + "\"role\":{\"value\":\"TECH_LEAD\",\"type\":\"String\"},\"person\":{\"value\":\"theo\",\"type\":\"String\"},"
        + "\"reason\":{\"value\":\"Probe\",\"type\":\"String\"}" + extra + "}}";
  }

  private Set<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getUserId)
        .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
  }

  private AuditEntry last(String key, AuditEntryType type) {
    List<AuditEntry> entries = auditTrail.history(key, Pageable.ofSize(500)).getContent().stream()
        .filter(entry -> entry.getType() == type).toList();
    assertThat(entries).isNotEmpty();
    return entries.get(entries.size() - 1);
  }

  private long versions(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count();
  }

  /** The form with editable text fields of these keys added, as an analyst would add them in Modeler. */
  private static String withFields(String form, String... keys) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(form);
    ArrayNode components = (ArrayNode) json.path("components");
    for (String key : keys) {
      ObjectNode field = components.addObject();
      field.put("type", "textfield").put("id", "Field_probe_" + key).put("key", key).put("label", key);
    }
    return JSON.writeValueAsString(json);
  }

  /** A deployment as Camunda Modeler sends it. */
  private Http.Response deploy(String user, String resourceName, String content) {
    String boundary = "probe" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + resourceName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return http.send(http.request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }
}
