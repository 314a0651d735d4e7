package org.pilotlifecycle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.fourstage.FourStageDriver;
import org.pilotlifecycle.fourstage.FourStageForms;
import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.people.PeopleChanges;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.RecordedState;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The four-eyes principle on every gate of both frameworks: whoever submitted a deliverable of a phase or
 * stage cannot approve its gate, even when they belong to the gate's group too, and even when the pilot names
 * them as the gate's approver. A dedicated user in both the deliverable's and the gate's group is named by the
 * pilot for both roles (the administrator changes its people before the step's last deliverable), submits
 * that deliverable through Tasklist's REST calls, and is refused at the gate: a gate of the steering committee
 * (a group) answers 400 naming the four-eyes principle; a gate of a named role is not even offered to them (it
 * goes to the role's group minus the preparers), so they neither see nor submit it. The task stays open,
 * nothing is recorded, and another member of the gate's group then approves and the pilot moves on.
 */
@Tag("reliability")
class FourEyesOnEveryGateTest extends IntegrationTestSupport {

  private static final AtomicInteger GATES = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired PilotAuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired PeopleChanges people;

  private String dualUser;

  /**
   * A gate: how to bring a pilot to the step's last deliverable, that deliverable (task, form, group,
   * values), the gate task and its group, and another member of the gate's group who may approve.
   */
  record Gate(String name, Framework framework, BiConsumer<FourEyesOnEveryGateTest, ProcessInstance> reach,
      String deliverable, String deliverableGroup, Map<String, Object> values, String gate, String gateGroup,
      String approver) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Gate> gates() {
    return Stream.of(
        new Gate("five-phase 1: outcome definition", Framework.FIVE_PHASE, (t, p) -> { },
            FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, "ai-product-owner", FivePhaseForms.successMetric(),
            FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC, "business-owner", "olivia"),
        new Gate("five-phase 2: data readiness", Framework.FIVE_PHASE, (t, p) -> {
          t.five().passPhase1(p);
          t.five().work("tara", p, FivePhaseProcess.TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(3));
        }, FivePhaseProcess.TASK_MEASURE_PRODUCTION_PERFORMANCE, "tech-lead",
            FivePhaseForms.productionPerformance(0.90, 0.86),
            FivePhaseProcess.TASK_APPROVE_DATA_READINESS, "tech-lead", "theo"),
        new Gate("five-phase 3: MLOps infrastructure", Framework.FIVE_PHASE, (t, p) -> {
          t.five().passPhase1(p);
          t.five().passPhase2(p);
          t.five().work("tara", p, FivePhaseProcess.TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(true));
        }, FivePhaseProcess.TASK_BUILD_COST_MODEL, "ai-product-owner", FivePhaseForms.costModel(120000, 480000, null),
            FivePhaseProcess.TASK_APPROVE_MLOPS_READINESS, "tech-lead", "theo"),
        new Gate("five-phase 4: governance and risk controls", Framework.FIVE_PHASE, (t, p) -> {
          t.five().passPhase1(p);
          t.five().passPhase2(p);
          t.five().passPhase3(p);
          t.five().work("paul", p, FivePhaseProcess.TASK_REVIEW_RISK_INPUTS, FivePhaseForms.riskInputs(false, "ADVISORY"));
        }, FivePhaseProcess.TASK_PROVIDE_GOVERNANCE_EVIDENCE, "ai-product-owner", FivePhaseForms.governanceEvidence(),
            FivePhaseProcess.TASK_SIGN_OFF_GOVERNANCE, "risk-compliance", "rita"),
        new Gate("five-phase 5: operating model", Framework.FIVE_PHASE, (t, p) -> {
          t.five().passPhase1(p);
          t.five().passPhase2(p);
          t.five().passPhase3(p);
          t.five().passPhase4(p);
        }, FivePhaseProcess.TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, "change-manager",
            FivePhaseForms.operatingModelEvidence(),
            FivePhaseProcess.TASK_APPROVE_PRODUCTION, "steering-committee", "sam"),
        new Gate("four-stage 1: pilot validation (go/no-go)", Framework.FOUR_STAGE, (t, p) ->
            t.four().work("paul", p, FourStageProcess.TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE,
                FourStageForms.validationEvidence()),
            FourStageProcess.TASK_ASSESS_READINESS_GAPS, "tech-lead", FourStageForms.scores(4),
            FourStageProcess.TASK_SIGN_GO_NO_GO, "steering-committee", "sam"),
        new Gate("four-stage 3: organizational embedding", Framework.FOUR_STAGE, (t, p) -> {
          t.four().passStage1(p);
          t.four().passStage2(p);
          t.four().startEmbedding(p);
          t.four().adoptionWeek(p, 65);
          t.four().adoptionWeek(p, 70);
        }, FourStageProcess.TASK_CONFIRM_ADOPTION_RESULTS, "change-manager", FourStageForms.adoptionResults(),
            FourStageProcess.TASK_SIGN_OFF_ADOPTION, "business-owner", "olivia"),
        new Gate("four-stage 4: enterprise scale", Framework.FOUR_STAGE, (t, p) -> {
          t.four().passStage1(p);
          t.four().passStage2(p);
          t.four().passStage3(p);
          t.four().work("paul", p, FourStageProcess.TASK_PLAN_EXPANSION, FourStageForms.expansionPlan());
        }, FourStageProcess.TASK_CODIFY_DEPLOYMENT_PLAYBOOK, "tech-lead", FourStageForms.playbook(),
            FourStageProcess.TASK_CERTIFY_FOR_PRODUCTION, "risk-compliance", "rita"));
  }

  private FivePhaseDriver five;
  private FourStageDriver four;

  FivePhaseDriver five() {
    return five;
  }

  FourStageDriver four() {
    return four;
  }

  @BeforeEach
  void setUp() {
    five = new FivePhaseDriver(engine);
    four = new FourStageDriver(engine);
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (dualUser != null) {
      for (String group : List.of("ai-product-owner", "business-owner", "tech-lead", "risk-compliance",
          "change-manager", "steering-committee")) {
        identityService.deleteMembership(dualUser, group);
      }
      identityService.deleteUser(dualUser);
      authorizationService.createAuthorizationQuery().userIdIn(dualUser).list().stream().map(Authorization::getId)
          .forEach(authorizationService::deleteAuthorization);
      dualUser = null;
    }
  }

  @AfterAll
  static void report() {
    Counts.report("four-eyes: gates=%d refused=%d", GATES.get(), REFUSED.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gates")
  void whoSubmittedADeliverableCannotApproveTheGateAnotherMemberCan(Gate gate) {
    GATES.incrementAndGet();
    dualUser = createUserIn(gate.deliverableGroup(), gate.gateGroup());
    String key = Registrations.newKey("FE");
    ProcessInstance instance = gate.framework() == Framework.FIVE_PHASE
        ? five.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE))
        : four.start(intake, Registrations.lowRisk(key, Framework.FOUR_STAGE));
    gate.reach().accept(this, instance);
    PilotRole deliverableRole = PilotRole.ofGroup(gate.deliverableGroup()).orElseThrow();
    people.change(key, deliverableRole, dualUser, "four-eyes test", "admin", List.of(Roles.ADMIN));
    var gateRole = PilotRole.ofGroup(gate.gateGroup());
    gateRole.ifPresent(role -> people.change(key, role, dualUser, "four-eyes test", "admin", List.of(Roles.ADMIN)));

    Http http = http();
    TasklistUser tasklist = new TasklistUser(http, runtimeService, managementService);
    tasklist.work(dualUser, key, gate.deliverable(), formOf(instance, gate.deliverable()), gate.values());
    assertThat(events(key, AuditEntryType.DELIVERABLE_SUBMITTED)).as("the dual user's deliverable is on record")
        .anyMatch(e -> dualUser.equals(e.getActor()) && gate.deliverable().equals(e.getName()));

    Map<String, String> before = RecordedState.of(jdbc);
    String gateTask;
    if (gateRole.isEmpty()) {
      gateTask = openTask(http, dualUser, key, gate.gate());
      Http.Response refused = http.postJson("/engine-rest/task/" + gateTask + "/submit-form", dualUser,
          Http.toJson(Map.of("variables", Map.of("gateDecision", Map.of("value", "APPROVE", "type", "String")))));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      JsonNode problem = refused.json();
      assertThat(problem.path("message").asText()).contains("Four-eyes principle", dualUser);
      assertThat(problem.path("detail").asText()).isEqualTo(problem.path("message").asText());
      assertThat(problem.path("status").asInt()).isEqualTo(400);
    } else {
      JsonNode offered = http.get("/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
          + gate.gate(), dualUser).json();
      assertThat(offered).as("the named approver who prepared the step is not offered its gate").isEmpty();
      gateTask = taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(gate.gate())
          .singleResult().getId();
      assertThat(taskService.getIdentityLinksForTask(gateTask)).as("the gate's holders")
          .noneMatch(link -> dualUser.equals(link.getUserId()))
          .anyMatch(link -> gate.approver().equals(link.getUserId()));
      Http.Response refused = http.postJson("/engine-rest/task/" + gateTask + "/submit-form", dualUser,
          Http.toJson(Map.of("variables", Map.of("gateDecision", Map.of("value", "APPROVE", "type", "String")))));
      assertThat(refused.status()).as(refused.body()).isIn(403, 404);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(taskService.createTaskQuery().taskId(gateTask).count()).as("the gate stays open").isOne();
    assertThat(RecordedState.of(jdbc)).as("nothing recorded").isEqualTo(before);
    REFUSED.incrementAndGet();

    String step = registry.get(key).getCurrentStep();
    tasklist.work(gate.approver(), key, gate.gate(), formOf(instance, gate.gate()), Map.of("gateDecision", "APPROVE"));

    assertThat(taskService.createTaskQuery().taskId(gateTask).count()).as("the gate is passed").isZero();
    List<AuditEntry> decisions = events(key, AuditEntryType.GATE_DECISION).stream()
        .filter(e -> step.equals(e.getStep())).toList();
    assertThat(decisions).as("the approver's decision on " + step + ", and only that one").hasSize(1);
    assertThat(decisions.get(0).getActor()).isEqualTo(gate.approver());
    assertThat(decisions.get(0).getOutcome()).isEqualTo("APPROVED");
    var pilot = registry.get(key);
    assertThat(pilot.getCurrentStep().equals(step) && pilot.getStatus().name().equals("ACTIVE"))
        .as("the pilot moved on from " + step + ": now " + pilot.getCurrentStep() + ", " + pilot.getStatus()).isFalse();
  }

  /** The gates in the parameters are exactly the user tasks that the gate delegate records. */
  @Test
  void everyGateOfBothFrameworksIsCovered() {
    Set<String> inModels = new TreeSet<>();
    for (String process : List.of(FivePhaseProcess.PROCESS_ID, FourStageProcess.PROCESS_ID)) {
      String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
          .singleResult().getId();
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        boolean gate = task.getOutgoing().stream().map(flow -> (FlowNode) flow.getTarget())
            .anyMatch(next -> next instanceof ServiceTask service
                && "${recordGateDecisionDelegate}".equals(service.getCamundaDelegateExpression()));
        if (gate) {
          inModels.add(task.getId());
        }
      }
    }
    Set<String> covered = gates().map(g -> g.gate()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).isEqualTo(inModels);
    assertThat(inModels).hasSize(8);
  }

  private String createUserIn(String... groups) {
    String id = "foureyes" + java.util.UUID.randomUUID().toString().substring(0, 8);
    var user = identityService.newUser(id);
    user.setFirstName("Dual");
    user.setLastName("Role");
    user.setEmail(id + "@example.org");
    user.setPassword("demo");
    identityService.saveUser(user);
    for (String group : Stream.of(groups).distinct().toList()) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  private String formOf(ProcessInstance instance, String taskDefinitionKey) {
    String definition = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskDefinitionKey).singleResult().getProcessDefinitionId();
    UserTask task = repositoryService.getBpmnModelInstance(definition).getModelElementById(taskDefinitionKey);
    String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    assertThat(formRef).as("form of " + taskDefinitionKey).isNotBlank();
    return formRef;
  }

  private String openTask(Http http, String user, String key, String taskDefinitionKey) {
    JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
        + URLEncoder.encode(taskDefinitionKey, StandardCharsets.UTF_8), user).json();
    assertThat(tasks).as(user + " sees the gate " + taskDefinitionKey).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private List<AuditEntry> events(String key, AuditEntryType type) {
    return auditTrail.history(key, Pageable.ofSize(500)).getContent().stream().filter(e -> e.getType() == type)
        .toList();
  }
}
