package org.pilotlifecycle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_APPROVE_DATA_READINESS;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_ASSESS_DATA_READINESS;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_MEASURE_PRODUCTION_PERFORMANCE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * The stories of issue 14, "Named accountability": each task of a role goes to the pilot's named person, the
 * role's group stands in only when the pilot names nobody, a deputy holds the person's tasks within the period
 * and not after it, and changing a person moves the open task. Through the engine REST API as Tasklist calls
 * it, and through the application's API.
 */
class NamedPeopleStoryTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;
  @Autowired OpenTaskHolders holders;

  private FivePhaseDriver driver;
  private Http http;

  @BeforeEach
  void setUp() {
    driver = new FivePhaseDriver(engine);
    http = http();
    ClockUtil.setCurrentTime(new Date());
  }

  @Test
  void theNamedExecutiveOwnerSignsOffAndAnotherBusinessOwnerNeitherSeesNorCompletesIt() {
    ProcessInstance pilot = started(Registrations.lowRisk(Registrations.newKey("NAMED"), Framework.FIVE_PHASE));
    driver.work("paul", pilot, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    Task gate = driver.task(pilot, TASK_SIGN_OFF_SUCCESS_METRIC);

    assertThat(candidateUsers(gate)).containsExactly("olivia");
    assertThat(candidateGroups(gate)).as("no group beside the named executive owner").isEmpty();
    assertThat(visibleTo("oscar", gate)).as("another business owner does not see it").isFalse();
    assertThat(submit("oscar", gate, "APPROVE").status()).isIn(403, 404);
    assertThatThrownBy(() -> driver.complete("oscar", gate, FivePhaseForms.approve()))
        .isInstanceOf(AuthorizationException.class);
    assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("still open").isOne();

    assertThat(visibleTo("olivia", gate)).isTrue();
    assertThat(submit("olivia", gate, "APPROVE").status()).isEqualTo(204);
    AuditEntry decision = last(pilot, AuditEntryType.GATE_DECISION);
    assertThat(decision.getActor()).isEqualTo("olivia");
    assertThat(decision.getOutcome()).isEqualTo("APPROVED");
  }

  @Test
  void aPilotWithoutANamedTechLeadFallsBackToTheGroupAndItsGateToAnotherTechLead() {
    PilotRegistration registration = withTechLead(
        Registrations.lowRisk(Registrations.newKey("NOTECH"), Framework.FIVE_PHASE), null);
    ProcessInstance pilot = started(registration);
    driver.passPhase1(pilot);
    Task assess = driver.task(pilot, TASK_ASSESS_DATA_READINESS);

    assertThat(candidateUsers(assess)).isEmpty();
    assertThat(candidateGroups(assess)).containsExactly("tech-lead");
    assertThat(visibleTo("tara", assess)).isTrue();
    assertThat(visibleTo("theo", assess)).isTrue();
    assertThat(visibleTo("paul", assess)).isFalse();
    assertThat(http.get("/api/pilots/" + pilot.getBusinessKey(), "theo").status())
        .as("the group holds the pilot's tech-lead work, so its members see the pilot").isEqualTo(200);

    driver.submitPhase2(pilot);
    Task gate = driver.task(pilot, TASK_APPROVE_DATA_READINESS);
    assertThat(candidateGroups(gate)).as("nobody named: the group signs off").containsExactly("tech-lead");
    Http.Response refused = submit("tara", gate, "APPROVE");
    assertThat(refused.status()).as("who prepared phase 2 cannot approve it: " + refused.body()).isEqualTo(400);
    assertThat(refused.json().path("detail").asText()).contains("Four-eyes principle");

    assertThat(submit("theo", gate, "APPROVE").status()).isEqualTo(204);
    assertThat(last(pilot, AuditEntryType.GATE_DECISION).getActor()).isEqualTo("theo");
  }

  @Test
  void theNamedTechLeadPreparesAndTheGateGoesToTheOtherTechLeads() {
    ProcessInstance pilot = started(Registrations.lowRisk(Registrations.newKey("TECH"), Framework.FIVE_PHASE));
    driver.passPhase1(pilot);
    assertThat(candidateUsers(driver.task(pilot, TASK_ASSESS_DATA_READINESS))).containsExactly("tara");
    assertThat(http.get("/api/pilots/" + pilot.getBusinessKey(), "theo").status())
        .as("another tech lead does not see a pilot that names tara").isEqualTo(404);
    driver.submitPhase2(pilot);

    Task gate = driver.task(pilot, TASK_APPROVE_DATA_READINESS);
    assertThat(candidateUsers(gate)).as("the tech-lead group minus the preparer").contains("theo")
        .doesNotContain("tara");
    assertThat(visibleTo("tara", gate)).isFalse();
    assertThat(submit("theo", gate, "APPROVE").status()).isEqualTo(204);
  }

  @Test
  void aDeputyApprovesWithinThePeriodAsDeputyOfTheNamedPersonAndNotAfterIt() {
    ProcessInstance within = started(Registrations.lowRisk(Registrations.newKey("DEPUTY"), Framework.FIVE_PHASE));
    ProcessInstance after = started(Registrations.lowRisk(Registrations.newKey("AFTER"), Framework.FIVE_PHASE));
    driver.work("paul", within, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    driver.work("paul", after, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    Task gate = driver.task(within, TASK_SIGN_OFF_SUCCESS_METRIC);
    Task laterGate = driver.task(after, TASK_SIGN_OFF_SUCCESS_METRIC);
    assertThat(visibleTo("oscar", gate)).isFalse();

    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.UTC);
    Http.Response named = http.postJson("/api/deputies", "olivia", Http.toJson(Map.of("deputy", "oscar",
        "startsOn", today.toString(), "endsOn", today.toString(), "reason", "Out of office")));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.json().path("active").asBoolean()).isTrue();
    long period = named.json().path("id").asLong();
    try {
      deputyStory(gate, laterGate, within);
    } finally {
      ClockUtil.setCurrentTime(new Date());
      assertThat(delete("/api/deputies/" + period, "olivia").status()).as("withdrawn").isEqualTo(204);
    }
  }

  private void deputyStory(Task gate, Task laterGate, ProcessInstance within) {

    assertThat(candidateUsers(gate)).as("the open task moved to the deputy too").contains("olivia", "oscar");
    assertThat(visibleTo("oscar", gate)).isTrue();
    assertThat(submit("oscar", gate, "APPROVE").status()).isEqualTo(204);
    AuditEntry decision = last(within, AuditEntryType.GATE_DECISION);
    assertThat(decision.getActor()).isEqualTo("oscar");
    assertThat(decision.getDetails()).as("approved by oscar as deputy of olivia").contains("\"asDeputyOf\":\"olivia\"");

    driver.moveClockBy(Duration.ofDays(1));
    Http.Response tooLate = submit("oscar", laterGate, "APPROVE");
    assertThat(tooLate.status()).as("the period is over: " + tooLate.body()).isEqualTo(403);
    assertThat(tooLate.json().path("detail").asText()).contains("oscar is not entitled");
    assertThat(taskService.createTaskQuery().taskId(laterGate.getId()).count()).isOne();
    holders.sweep();
    assertThat(candidateUsers(laterGate)).as("the nightly sweep hands the task back").containsExactly("olivia");
    assertThat(visibleTo("oscar", laterGate)).isFalse();
    assertThat(submit("olivia", laterGate, "APPROVE").status()).isEqualTo(204);
  }

  @Test
  void changingTheTechLeadMovesTheOpenTaskAndIsOnRecord() {
    ProcessInstance pilot = started(Registrations.lowRisk(Registrations.newKey("CHANGE"), Framework.FIVE_PHASE));
    String key = pilot.getBusinessKey();
    driver.passPhase1(pilot);
    Task assess = driver.task(pilot, TASK_ASSESS_DATA_READINESS);
    assertThat(candidateUsers(assess)).containsExactly("tara");

    assertThat(changePerson("paul", key, "techLead", "theo").status()).as("not the executive owner").isEqualTo(403);
    assertThat(changePerson("oscar", key, "techLead", "theo").status()).as("not one of its people").isEqualTo(404);
    Http.Response notATechLead = changePerson("olivia", key, "techLead", "paul");
    assertThat(notATechLead.status()).isEqualTo(400);
    assertThat(notATechLead.json().toString()).contains("techLead", "not a member of tech-lead");
    assertThat(changePerson("olivia", key, "cfo", "theo").status()).as("unknown role").isEqualTo(400);
    assertThat(changePerson("olivia", key, "executiveOwner", null).status()).as("a required role").isEqualTo(400);
    assertThat(candidateUsers(assess)).as("nothing moved on refusals").containsExactly("tara");

    Http.Response changed = changePerson("olivia", key, "TECH_LEAD", "theo");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("people").path("techLead").asText()).isEqualTo("theo");
    assertThat(candidateUsers(assess)).containsExactly("theo");
    assertThat(visibleTo("tara", assess)).isFalse();
    AuditEntry change = last(pilot, AuditEntryType.PERSON_CHANGED);
    assertThat(change.getActor()).isEqualTo("olivia");
    assertThat(change.getDetails()).contains("\"from\":\"tara\"", "\"to\":\"theo\"", "TECH_LEAD");

    assertThat(changePerson("admin", key, "techLead", null).status()).as("an administrator names nobody")
        .isEqualTo(200);
    assertThat(candidateUsers(assess)).isEmpty();
    assertThat(candidateGroups(assess)).containsExactly("tech-lead");
    driver.work("tara", pilot, TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(3));
    assertThat(driver.task(pilot, TASK_MEASURE_PRODUCTION_PERFORMANCE)).isNotNull();
  }

  @Test
  void theExecutiveOwnerChangesThePilotsPeopleWithTasklistsSmallForm() {
    ProcessInstance pilot = started(Registrations.lowRisk(Registrations.newKey("FORM"), Framework.FIVE_PHASE));
    String key = pilot.getBusinessKey();
    driver.passPhase1(pilot);
    Task assess = driver.task(pilot, TASK_ASSESS_DATA_READINESS);

    assertThat(startChange("paul", key, "TECH_LEAD", "theo").status()).as("only business owners may start it")
        .isEqualTo(403);
    // Camunda answers a failed start with 400 and the reason; an unseen pilot reads like an unknown one.
    assertProblem(startChange("oscar", key, "TECH_LEAD", "theo"), 400, "No pilot with key " + key);
    assertProblem(startChange("olivia", key, "CFO", "theo"), 400, "role");
    assertProblem(startChange("olivia", key, "TECH_LEAD", "rita"), 400, "not a member of tech-lead");
    assertThat(candidateUsers(assess)).as("refused starts change nothing").containsExactly("tara");

    Http.Response changed = startChange("olivia", key, "TECH_LEAD", "theo");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(candidateUsers(assess)).containsExactly("theo");
    assertThat(registry.get(key).getTechLead()).isEqualTo("theo");
    assertThat(last(pilot, AuditEntryType.PERSON_CHANGED).getReason()).isEqualTo("Tara moved to another team");
  }

  @Test
  void aDeputyPeriodIsRefusedWithProblemDetailsWhenItMakesNoSense() {
    String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
    String nextWeek = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString();
    assertProblem(deputy("rita", Map.of("deputy", "rita", "startsOn", today, "endsOn", today)), 400, "own deputy");
    assertProblem(deputy("rita", Map.of("deputy", "raj", "startsOn", nextWeek, "endsOn", today)), 400, "endsOn");
    assertProblem(deputy("rita", Map.of("deputy", "raj", "startsOn", yesterday, "endsOn", yesterday)), 400,
        "already ended");
    assertProblem(deputy("rita", Map.of("deputy", "nobody-here", "startsOn", today, "endsOn", today)), 400,
        "no user");
    assertProblem(deputy("rita", Map.of("deputy", "raj", "startsOn", "tomorrow", "endsOn", today)), 400, "");
    assertProblem(deputy("rita", Map.of("deputy", "raj")), 400, "");
    assertProblem(deputy("rita", Map.of("principal", "chris", "deputy", "raj", "startsOn", today, "endsOn", today)),
        403, "Only chris");

    Http.Response created = deputy("rita", Map.of("deputy", "raj", "startsOn", today, "endsOn", nextWeek));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertProblem(deputy("rita", Map.of("deputy", "sam", "startsOn", nextWeek, "endsOn", nextWeek)), 400,
        "already has a deputy");
    long id = created.json().path("id").asLong();
    assertThat(http.get("/api/deputies", "raj").json().findValuesAsText("principal")).contains("rita");
    assertThat(http.get("/api/deputies", "oscar").json().findValuesAsText("principal")).doesNotContain("rita");

    assertProblem(delete("/api/deputies/" + id, "raj"), 403, "Only rita");
    assertProblem(delete("/api/deputies/" + id, "oscar"), 404, "No deputy period");
    assertThat(delete("/api/deputies/" + id, "rita").status()).isEqualTo(204);
    assertThat(http.get("/api/deputies", "rita").json().findValuesAsText("deputy")).doesNotContain("raj");
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance started(PilotRegistration registration) {
    return driver.start(intake, registration);
  }

  private static PilotRegistration withTechLead(PilotRegistration r, String techLead) {
    return new PilotRegistration(r.key(), r.name(), r.businessUnit(), r.useCaseDescription(), r.framework(),
        r.executiveOwner(), r.aiProductOwner(), techLead, r.riskComplianceOwner(), r.changeManager(),
        r.lineManager(), r.affectsIndividuals(), r.regulatedDomain(), r.processesPersonalData(), r.autonomy(),
        r.pilotCost(), r.projectedProductionCost(), r.stepDurations());
  }

  private Set<String> candidateUsers(Task task) {
    return links(task).stream().map(IdentityLink::getUserId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> candidateGroups(Task task) {
    return links(task).stream().map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<IdentityLink> links(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
  }

  /** Whether the user finds the task through the engine REST API, as Tasklist asks. */
  private boolean visibleTo(String user, Task task) {
    return http.get("/engine-rest/task?taskId=" + task.getId(), user).json().size() == 1;
  }

  private Http.Response submit(String user, Task task, String decision) {
    return http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", user,
        Http.toJson(Map.of("variables", Map.of("gateDecision", Map.of("value", decision, "type", "String")))));
  }

  private Http.Response changePerson(String user, String key, String role, String person) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("person", person);
    body.put("reason", "Story test");
    return http.send(http.request("/api/pilots/" + key + "/people/" + role, user)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(Http.toJson(body))));
  }

  /** Tasklist's "Start process" with the form "Change a pilot's people". */
  private Http.Response startChange(String user, String key, String role, String person) {
    Map<String, Object> variables = Map.of(
        "pilotKey", Map.of("value", key, "type", "String"),
        "role", Map.of("value", role, "type", "String"),
        "person", Map.of("value", person, "type", "String"),
        "reason", Map.of("value", "Tara moved to another team", "type", "String"));
    return http.postJson("/engine-rest/process-definition/key/ChangePilotPeople/submit-form", user,
        Http.toJson(Map.of("variables", variables)));
  }

  private Http.Response deputy(String user, Map<String, Object> body) {
    return http.postJson("/api/deputies", user, Http.toJson(body));
  }

  private Http.Response delete(String path, String user) {
    return http.send(http.request(path, user).DELETE());
  }

  private static void assertProblem(Http.Response response, int status, String detail) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.toString()).contains(detail);
  }

  private AuditEntry last(ProcessInstance pilot, AuditEntryType type) {
    List<AuditEntry> entries = auditTrail.history(pilot.getBusinessKey(), Pageable.ofSize(500)).getContent().stream()
        .filter(entry -> entry.getType() == type).toList();
    assertThat(entries).as(type + " of " + pilot.getBusinessKey()).isNotEmpty();
    return entries.get(entries.size() - 1);
  }
}
