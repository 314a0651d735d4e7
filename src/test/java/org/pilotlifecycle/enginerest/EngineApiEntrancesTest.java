package org.pilotlifecycle.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.WebappSession;

/**
 * The inventory of entrances: every state-changing endpoint of Camunda's REST resources, found by reflection at
 * test time, is either allowed because a role needs it ({@link EngineApiEntrances#ALLOWED}, each guarded like
 * the form path) or reserved to administrators (listed in {@code enginerest/refused-for-non-administrators.txt}).
 * A new endpoint in neither list fails the test. Each reserved one is then called as a non-administrator
 * through both engine APIs, {@code /engine-rest} and the webapps' {@code /camunda/api/engine}, and must be
 * refused with a 403 problem.
 */
@Tag("reliability")
class EngineApiEntrancesTest extends IntegrationTestSupport {

  @org.springframework.beans.factory.annotation.Autowired org.pilotlifecycle.intake.PilotIntakeService intake;
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.TaskService taskService;

  static final Path REFUSED = Path.of("src/test/resources/enginerest/refused-for-non-administrators.txt");

  @Test
  void everyStateChangingEndpointIsAllowedWithAGuardOrReservedToAdministrators() throws IOException {
    Set<String> mutating = EngineApiInventory.mutating().stream().map(EngineApiInventory.Endpoint::declaredBy)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> refused = refusedList();

    Set<String> undecided = new TreeSet<>(mutating);
    undecided.removeAll(refused);
    undecided.removeAll(EngineApiEntrances.ALLOWED.keySet());
    assertThat(undecided).as("state-changing endpoints in neither list: allow them with a guard or refuse them").isEmpty();
    Set<String> stale = new TreeSet<>(refused);
    stale.addAll(EngineApiEntrances.ALLOWED.keySet());
    stale.removeAll(mutating);
    assertThat(stale).as("listed endpoints Camunda no longer has").isEmpty();
    assertThat(refused).as("an endpoint is either allowed or refused").doesNotContainAnyElementsOf(
        EngineApiEntrances.ALLOWED.keySet());
  }

  @Test
  void nonAdministratorsAreRefusedEveryReservedEndpointOnBothEngineApis() throws Exception {
    Set<String> refused = refusedList();
    Map<String, EngineApiInventory.Endpoint> oneEach = new LinkedHashMap<>();
    // One path per endpoint; by id rather than by key where both exist (a key is looked up before any guard).
    EngineApiInventory.mutating().stream()
        .filter(endpoint -> refused.contains(endpoint.declaredBy()) && !endpoint.path().startsWith("/engine/"))
        .sorted(java.util.Comparator.comparing((EngineApiInventory.Endpoint endpoint) -> endpoint.path().contains("/key/")))
        .forEach(endpoint -> oneEach.putIfAbsent(endpoint.declaredBy() + " " + endpoint.httpMethod(), endpoint));
    Http http = http();
    WebappSession tasklist = WebappSession.login(port, "paul");
    List<String> findings = new ArrayList<>();
    int requests = 0;
    int serverErrors = 0;

    for (EngineApiInventory.Endpoint endpoint : oneEach.values()) {
      String path = withIds(endpoint.path());
      Http.Response viaRest = http.send(http.request("/engine-rest" + path, "paul")
          .header("Content-Type", endpoint.contentType())
          .method(endpoint.httpMethod(), HttpRequest.BodyPublishers.ofString(endpoint.emptyBody())));
      HttpResponse<String> viaWebapp = tasklist.send(endpoint.httpMethod(), "/camunda/api/engine/engine/default" + path,
          endpoint.contentType(), endpoint.emptyBody());
      requests += 2;
      serverErrors += (viaRest.status() >= 500 ? 1 : 0) + (viaWebapp.statusCode() >= 500 ? 1 : 0);
      if (!refused(endpoint, viaRest.status(), viaRest.contentType(), viaRest.body())) {
        findings.add("/engine-rest " + endpoint + " -> " + viaRest.status() + " " + abbreviate(viaRest.body()));
      }
      if (!refused(endpoint, viaWebapp.statusCode(), viaWebapp.headers().firstValue("Content-Type").orElse(""),
          viaWebapp.body())) {
        findings.add("webapps " + endpoint + " -> " + viaWebapp.statusCode() + " " + abbreviate(viaWebapp.body()));
      }
    }

    Counts.report("entrances: mutating=%d allowed=%d refused=%d requests=%d refusedAs403=%d 5xx=%d",
        EngineApiInventory.mutating().stream().map(EngineApiInventory.Endpoint::declaredBy).distinct().count(),
        EngineApiEntrances.ALLOWED.size(), refused.size(), requests, requests - findings.size(), serverErrors);
    assertThat(findings).as("reserved endpoints not refused with a 403 problem").isEmpty();
  }

  /** The allowed endpoints, fed bad input by a user entitled to the task, through both APIs: 4xx problems, never a 5xx. */
  @Test
  void allowedEndpointsAnswerBadInputWithAProblemOnBothEngineApis() throws Exception {
    String key = org.pilotlifecycle.support.Registrations.newKey("ALLOWFZ");
    intake.register(org.pilotlifecycle.support.Registrations.lowRisk(key, org.pilotlifecycle.framework.Framework.FIVE_PHASE));
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    List<String[]> endpoints = List.of(
        new String[] {"POST", "/task/" + task + "/claim"}, new String[] {"POST", "/task/" + task + "/unclaim"},
        new String[] {"POST", "/task/" + task + "/assignee"}, new String[] {"POST", "/task/" + task + "/delegate"},
        new String[] {"POST", "/task/" + task + "/comment/create"},
        new String[] {"POST", "/task/" + task + "/submit-form"}, new String[] {"POST", "/task/" + task + "/complete"},
        new String[] {"POST", "/process-definition/key/PilotIntake/submit-form"},
        new String[] {"PUT", "/user/paul/credentials"}, new String[] {"PUT", "/user/paul/profile"},
        new String[] {"POST", "/identity/password-policy"});
    List<String> bodies = List.of("not json", "[]", "{\"userId\":123}", "{\"userId\":\"" + "x".repeat(5000) + "\"}",
        "{\"variables\":\"none\"}", "{\"variables\":{\"registrationConfirmed\":{\"value\":\"maybe\",\"type\":\"Boolean\"}}}",
        "{\"message\":null}", "{\"password\":{}}");
    Http http = http();
    WebappSession tasklist = WebappSession.login(port, "paul");
    List<String> findings = new ArrayList<>();
    int requests = 0;
    for (String[] endpoint : endpoints) {
      for (String body : bodies) {
        Http.Response viaRest = http.send(http.request("/engine-rest" + endpoint[1], "paul")
            .header("Content-Type", "application/json").method(endpoint[0], HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> viaWebapp = tasklist.send(endpoint[0], "/camunda/api/engine/engine/default" + endpoint[1],
            "application/json", body);
        requests += 2;
        if (viaRest.status() >= 500 || (viaRest.status() >= 400 && !viaRest.contentType().startsWith("application/problem+json"))) {
          findings.add("/engine-rest " + endpoint[0] + " " + endpoint[1] + " " + abbreviate(body) + " -> " + viaRest.status()
              + " " + abbreviate(viaRest.body()));
        }
        String type = viaWebapp.headers().firstValue("Content-Type").orElse("");
        if (viaWebapp.statusCode() >= 500 || (viaWebapp.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
          findings.add("webapps " + endpoint[0] + " " + endpoint[1] + " " + abbreviate(body) + " -> " + viaWebapp.statusCode()
              + " " + type + " " + abbreviate(viaWebapp.body()));
        }
      }
    }
    assertThat(taskService.createTaskQuery().taskId(task).singleResult()).as("the task is still open").isNotNull();
    Counts.report("entrances fuzz: allowed endpoints=%d requests=%d findings=%d", endpoints.size(), requests, findings.size());
    assertThat(findings).as("bad input on an allowed endpoint answered with a 5xx or without problem details").isEmpty();
  }

  /**
   * Machine tokens are for the application's API only: every endpoint of Camunda's REST resources, reads
   * included, refuses a token holding every scope, with a 403 problem through {@code /engine-rest}; the webapps'
   * engine API knows no bearer tokens at all (401, or its own earlier refusal).
   */
  @Test
  void machineTokensReachNoEndpointOfEitherEngineApi() throws Exception {
    Http.Response issued = http().postJson("/api/machine-tokens", "admin",
        "{\"serviceAccount\":\"entrances\",\"scopes\":[\"signals.send\",\"portfolio.read\"],\"validForDays\":1}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String token = issued.json().path("token").asText();
    Map<String, EngineApiInventory.Endpoint> oneEach = new LinkedHashMap<>();
    EngineApiInventory.endpoints().stream().filter(endpoint -> !endpoint.path().startsWith("/engine/"))
        .forEach(endpoint -> oneEach.putIfAbsent(endpoint.declaredBy() + " " + endpoint.httpMethod(), endpoint));
    HttpClient client = HttpClient.newHttpClient();
    List<String> findings = new ArrayList<>();
    int requests = 0;
    for (EngineApiInventory.Endpoint endpoint : oneEach.values()) {
      String path = withIds(endpoint.path());
      boolean read = Set.of("GET", "HEAD", "OPTIONS").contains(endpoint.httpMethod());
      for (String base : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + path))
            .header("Authorization", "Bearer " + token);
        if (!read) {
          request.header("Content-Type", endpoint.contentType());
        }
        HttpResponse<String> response = client.send(request.method(endpoint.httpMethod(), read
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(endpoint.emptyBody())).build(),
            HttpResponse.BodyHandlers.ofString());
        requests++;
        // The webapps' API refuses before it looks for a login where an earlier guard applies (403) or nothing is
        // there for anyone (404: no password policy); it never answers the token.
        Set<Integer> expected = base.equals("/engine-rest") ? Set.of(403) : Set.of(401, 403, 404);
        boolean problem = endpoint.httpMethod().equals("HEAD")
            || response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (!expected.contains(response.statusCode()) || !problem) {
          findings.add(base + " " + endpoint + " -> " + response.statusCode() + " " + abbreviate(response.body()));
        }
      }
    }
    Counts.report("entrances: machine token on every engine endpoint: endpoints=%d requests=%d findings=%d",
        oneEach.size(), requests, findings.size());
    assertThat(findings).as("engine endpoints a machine token reached").isEmpty();
  }

  @Test
  void administratorsPassTheEntranceGuard() {
    Http.Response asAdmin = http().send(http().request("/engine-rest/process-instance/unknown-id", "admin").DELETE());
    assertThat(asAdmin.body()).doesNotContain(EngineApiEntrances.REFUSAL);
    assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(404);
  }

  /**
   * Real keys where a path names a definition by key: Camunda looks the definition up while it matches the
   * path, so an unknown key is 404 before any guard runs (and changes nothing).
   */
  private static String withIds(String path) {
    return path.replaceFirst("^/process-definition/key/\\{key}", "/process-definition/key/PilotIntake")
        .replaceFirst("^/decision-definition/key/\\{key}", "/decision-definition/key/RiskTierClassification")
        .replaceAll("\\{[^}]+}", "unknown-id");
  }

  /**
   * A 403 problem that says the endpoint is reserved to administrators (this guard's, or the older one for a
   * task's variables). No CMMN is deployed, so a case definition named by key is not found (404) first.
   */
  private static boolean refused(EngineApiInventory.Endpoint endpoint, int status, String contentType, String body) {
    if (endpoint.path().startsWith("/case-definition/key/")) {
      return status == 404 && body.contains("No matching case definition");
    }
    return status == 403 && contentType.startsWith("application/problem+json")
        && body.contains("reserved to administrators");
  }

  static Set<String> refusedList() throws IOException {
    return Files.readAllLines(REFUSED).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
  }



  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
