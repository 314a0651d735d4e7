package org.pilotlifecycle.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.WebappSession;

/**
 * An administrator may call every endpoint of both engine APIs, so every endpoint meets whatever an
 * administrator types: ids of nothing, a user id the engine's id pattern refuses, an empty or malformed body.
 * Each is a client error (4xx) with problem details, never a server error: Camunda answers many of them with
 * 500 (its own argument checks raise plain engine exceptions), which the application's mappers turn into the
 * 400 or 404 they are.
 */
@Tag("reliability")
class AdministratorsBadInputTest extends IntegrationTestSupport {

  /**
   * Endpoints that act on the whole engine when called without ids, and so are not fed an empty body here:
   * the history clean-up starts a job, the telemetry setting is the engine's, the schema log is a read.
   */
  private static final Set<String> GLOBAL = Set.of("HistoryRestService#cleanupAsync", "HistoryCleanupRestService#cleanupAsync",
      "TelemetryRestService#configureTelemetry");

  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @org.springframework.beans.factory.annotation.Autowired org.pilotlifecycle.intake.PilotIntakeService intake;

  private Map<String, Set<String>> before;

  /** What a create endpoint fed a bare body can add (standalone tasks, users, groups, ...): the ids per kind. */
  private Map<String, Set<String>> recorded() {
    Map<String, Set<String>> ids = new LinkedHashMap<>();
    ids.put("task", ids(engine.getTaskService().createTaskQuery().list().stream()
        .filter(task -> task.getProcessInstanceId() == null && task.getCaseInstanceId() == null).toList(),
        org.camunda.bpm.engine.task.Task::getId));
    ids.put("user", ids(engine.getIdentityService().createUserQuery().list(), org.camunda.bpm.engine.identity.User::getId));
    ids.put("group", ids(engine.getIdentityService().createGroupQuery().list(), org.camunda.bpm.engine.identity.Group::getId));
    ids.put("tenant", ids(engine.getIdentityService().createTenantQuery().list(), org.camunda.bpm.engine.identity.Tenant::getId));
    ids.put("filter", ids(engine.getFilterService().createFilterQuery().list(), org.camunda.bpm.engine.filter.Filter::getId));
    ids.put("authorization", ids(engine.getAuthorizationService().createAuthorizationQuery().list(),
        org.camunda.bpm.engine.authorization.Authorization::getId));
    return ids;
  }

  private static <T> Set<String> ids(List<T> items, java.util.function.Function<T, String> id) {
    return items.stream().map(id).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  @org.junit.jupiter.api.BeforeEach
  void rememberWhatIsThere() {
    before = recorded();
  }

  /** Whatever the bare bodies created (a standalone task, say) goes, so later tests meet the engine as it was. */
  @org.junit.jupiter.api.AfterEach
  void removeWhatTheRequestsCreated() {
    Map<String, Set<String>> after = recorded();
    after.forEach((kind, ids) -> ids.stream().filter(id -> !before.get(kind).contains(id)).forEach(id -> {
      switch (kind) {
        case "task" -> engine.getTaskService().deleteTask(id, true);
        case "user" -> engine.getIdentityService().deleteUser(id);
        case "group" -> engine.getIdentityService().deleteGroup(id);
        case "tenant" -> engine.getIdentityService().deleteTenant(id);
        case "filter" -> engine.getFilterService().deleteFilter(id);
        default -> {
          // A deleted task, user or group takes its authorizations with it.
          if (engine.getAuthorizationService().createAuthorizationQuery().authorizationId(id).count() > 0) {
            engine.getAuthorizationService().deleteAuthorization(id);
          }
        }
      }
    }));
  }

  @Test
  void everyEndpointAnswersAnAdministratorsBadInputWithAProblemNotAServerError() throws Exception {
    Map<String, EngineApiInventory.Endpoint> oneEach = new LinkedHashMap<>();
    EngineApiInventory.endpoints().stream()
        .filter(endpoint -> !endpoint.path().startsWith("/engine/") && !GLOBAL.contains(endpoint.declaredBy()))
        .filter(endpoint -> !Set.of("GET", "HEAD", "OPTIONS").contains(endpoint.httpMethod()))
        .forEach(endpoint -> oneEach.putIfAbsent(endpoint.declaredBy() + " " + endpoint.httpMethod() + " " + endpoint.path(),
            endpoint));
    Http http = http();
    WebappSession cockpit = WebappSession.login(port, "admin", "cockpit");
    List<String> findings = new ArrayList<>();
    int requests = 0;
    for (EngineApiInventory.Endpoint endpoint : oneEach.values()) {
      String path = endpoint.path().replaceAll("\\{[^}]+}", "unknown-id");
      for (String body : bodies(endpoint)) {
        Http.Response viaRest = http.send(http.request("/engine-rest" + path, "admin")
            .header("Content-Type", endpoint.contentType())
            .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> viaWebapp = cockpit.send(endpoint.httpMethod(), "/camunda/api/engine/engine/default" + path,
            endpoint.contentType(), body);
        requests += 2;
        check(findings, "/engine-rest", endpoint, body, viaRest.status(), viaRest.contentType(), viaRest.body());
        check(findings, "webapps", endpoint, body, viaWebapp.statusCode(),
            viaWebapp.headers().firstValue("Content-Type").orElse(""), viaWebapp.body());
      }
    }
    Counts.report("administrators' bad input: endpoints=%d requests=%d findings=%d%n", oneEach.size(), requests,
        findings.size());
    assertThat(findings).as("bad input an administrator may send, answered with a server error or without problem details")
        .isEmpty();
  }

  /** What the answers say, for the failures people running Camunda 7 meet most. */
  @Test
  void theAnswersNameWhatWasWrong() {
    Http http = http();
    Http.Response hyphen = http.postJson("/engine-rest/user/create", "admin",
        "{\"profile\":{\"id\":\"john-doe\",\"firstName\":\"John\",\"lastName\":\"Doe\",\"email\":\"john@example.com\"},"
            + "\"credentials\":{\"password\":\"Secret-Passw0rd-1\"}}");
    assertThat(hyphen.status()).as(hyphen.body()).isEqualTo(400);
    assertThat(hyphen.body()).contains("john-doe").contains("not a valid resource identifier");
    assertThat(engine.getIdentityService().createUserQuery().userId("john-doe").count()).isZero();

    Http.Response unknownVariableTarget = http.postJson("/engine-rest/process-instance/no-such-instance/variables", "admin",
        "{\"modifications\":{\"x\":{\"value\":1,\"type\":\"Integer\"}}}");
    assertThat(unknownVariableTarget.status()).as(unknownVariableTarget.body()).isEqualTo(404);
    assertThat(unknownVariableTarget.body()).contains("no-such-instance");

    Http.Response suspendNothing = http.send(http.request("/engine-rest/process-definition/no-such-definition/suspended", "admin")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\":true}")));
    assertThat(suspendNothing.status()).as(suspendNothing.body()).isEqualTo(404);

    String key = org.pilotlifecycle.support.Registrations.newKey("LONGVAR");
    String instance = intake.register(org.pilotlifecycle.support.Registrations.lowRisk(key,
        org.pilotlifecycle.framework.Framework.FIVE_PHASE)).getProcessInstanceId();
    Http.Response tooLong = http.send(http.request("/engine-rest/process-instance/" + instance + "/variables/note", "admin")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"" + "x".repeat(5000) + "\",\"type\":\"String\"}")));
    assertThat(tooLong.status()).as("a text variable over the engine's column (Camunda checks it): " + tooLong.body())
        .isEqualTo(400);
    assertThat(engine.getRuntimeService().getVariable(instance, "note")).as("nothing stored").isNull();

    // A column the engine does not check: the database refuses the value (SQL's data exception), the caller is told.
    org.camunda.bpm.engine.task.Task open = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    Http.Response longName = http.send(http.request("/engine-rest/task/" + open.getId(), "admin")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "n".repeat(300) + "\",\"assignee\":\"paul\",\"priority\":50}")));
    assertThat(longName.status()).as(longName.body()).isEqualTo(400);
    assertThat(longName.body()).contains("too long");
    assertThat(engine.getTaskService().createTaskQuery().taskId(open.getId()).singleResult().getName())
        .as("the task as it was").isEqualTo(open.getName());

    String task = "{\"id\":\"standalone-" + java.util.UUID.randomUUID().toString().substring(0, 8).replace("-", "") + "\",\"name\":\"Twice\"}";
    assertThat(http.postJson("/engine-rest/task/create", "admin", task).status()).isEqualTo(204);
    Http.Response twice = http.postJson("/engine-rest/task/create", "admin", task);
    assertThat(twice.status()).as(twice.body()).isEqualTo(409);
    assertThat(twice.contentType()).startsWith("application/problem+json");
  }

  /** A refusal is the caller's: it is answered, not logged at ERROR with a stack trace (a flood of them fills no disk). */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
  void aRefusedCommandIsNotLoggedAsAnError(org.springframework.boot.test.system.CapturedOutput output) {
    int before = output.getOut().length();
    Http.Response refused = http().postJson("/engine-rest/user/create", "admin",
        "{\"profile\":{\"id\":\"log-flood\",\"firstName\":\"L\",\"lastName\":\"F\"},\"credentials\":{\"password\":\"x\"}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(output.getOut().substring(before)).doesNotContain("ENGINE-16004").doesNotContain("\tat org.camunda");
  }

  private static void check(List<String> findings, String api, EngineApiInventory.Endpoint endpoint, String body, int status,
      String contentType, String answer) {
    if (status >= 500 || (status >= 400 && !contentType.startsWith("application/problem+json"))) {
      findings.add(api + " " + endpoint + " " + abbreviate(body) + " -> " + status + " " + abbreviate(answer));
    }
  }

  private static List<String> bodies(EngineApiInventory.Endpoint endpoint) {
    return endpoint.consumes().startsWith("multipart/") ? List.of(endpoint.emptyBody())
        : List.of("{}", "not json", "{\"id\":\"john-doe\",\"profile\":{\"id\":\"john-doe\"},\"credentials\":{\"password\":\"x\"},"
            + "\"name\":\"*\",\"userId\":\"*\",\"groupId\":\"a b\",\"messageName\":null,\"variables\":{\"v\":{\"type\":\"Nope\"}}}");
  }


  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
