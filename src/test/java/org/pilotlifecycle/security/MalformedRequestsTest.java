package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a hostile walk through every entrance met as server errors or bare answers, each now a problem with a
 * client status: requests nothing can serve (odd methods, non-normalised paths, wildcard content types), paging
 * the engine passes to SQL unchecked, queries the engine cannot run, and a task claimed by two people at once.
 */
class MalformedRequestsTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> send(String method, String path, String user, String contentType, String body) throws Exception {
    return send(method, path, user, contentType, body, null);
  }

  private HttpResponse<String> send(String method, String path, String user, String contentType, String body, String accept)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", Http.basic(user, "demo"));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(List<String> findings, String what, HttpResponse<String> response, int status) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != status || !type.startsWith("application/problem+json")) {
      findings.add(what + " -> " + response.statusCode() + " " + type + " "
          + response.body().substring(0, Math.min(160, response.body().length())));
    }
  }

  @Test
  void requestsNothingCanServeAreProblemsAtTheDoorSignedInOrNot() throws Exception {
    List<String> findings = new ArrayList<>();
    for (String user : new String[] {null, "paul"}) {
      for (String path : List.of("/x/../engine-rest/task", "/api/../engine-rest/task", "/api/%2e%2e/engine-rest/task",
          "/x/../camunda/api/engine/engine/default/task", "/x/../api/pilots")) {
        expect(findings, user + " GET " + path, send("GET", path, user, null, null), 400);
      }
      for (String method : List.of("TRACE", "PROPFIND", "BREW")) {
        for (String path : List.of("/api/pilots", "/engine-rest/task")) {
          expect(findings, user + " " + method + " " + path, send(method, path, user, null, null), 405);
        }
      }
    }
    for (String type : List.of("*/*", "application/*", "text/*", "not a type")) {
      for (String path : List.of("/api/pilots", "/api/deputies", "/engine-rest/task")) {
        expect(findings, "POST " + path + " as " + type, send("POST", path, "paul", type, "{}"), 415);
      }
    }
    expect(findings, "Accept: ***", send("GET", "/api/pilots/NOPE", "sam", null, null, "***"), 400);
    assertThat(findings).isEmpty();
  }

  /** The application's API names what is wrong where it used to take it or answer vaguely. */
  @Test
  void theApisOwnAnswersNameWhatIsWrong() throws Exception {
    var numbered = send("POST", "/api/pilots", "paul", "application/json", Http.toJson(java.util.Map.of("framework", 1)));
    assertThat(numbered.statusCode()).isEqualTo(400);
    assertThat(numbered.body()).contains("framework must be one of FIVE_PHASE, FOUR_STAGE");

    var bogusStep = send("GET", "/api/pilots?step=BOGUS", "sam", null, null);
    assertThat(bogusStep.statusCode()).isEqualTo(400);
    assertThat(bogusStep.body()).contains("step").contains("DATA_READINESS");
    assertThat(send("GET", "/api/pilots?step=IN_PRODUCTION", "sam", null, null).statusCode()).isEqualTo(200);

    var noBody = send("POST", "/api/pilots/import", "paul", "text/csv", null);
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(noBody.body()).contains("The request needs a body.");
  }

  @Test
  void pagingOfTheEnginesListsIsAWholeNumberFromZero() throws Exception {
    List<String> findings = new ArrayList<>();
    WebappSession tasklist = WebappSession.login(port, "paul");
    for (String paging : List.of("firstResult=-2", "maxResults=-2", "firstResult=-1", "maxResults=x", "firstResult=1e3")) {
      expect(findings, "GET task?" + paging, send("GET", "/engine-rest/task?" + paging, "paul", null, null), 400);
      expect(findings, "POST task?" + paging, send("POST", "/engine-rest/task?" + paging, "paul", "application/json", "{}"), 400);
      var viaWebapp = tasklist.send("GET", "/camunda/api/engine/engine/default/process-instance?" + paging, "application/json", "");
      expect(findings, "webapps process-instance?" + paging, viaWebapp, 400);
    }
    assertThat(send("GET", "/engine-rest/task?firstResult=0&maxResults=5", "paul", null, null).statusCode()).isEqualTo(200);
    assertThat(findings).isEmpty();
  }

  @Test
  void aQueryTheEngineCannotRunIsTheCallersError() throws Exception {
    List<String> findings = new ArrayList<>();
    String objectValue = "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}";
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
      expect(findings, "POST " + path, send("POST", path, "sam", "application/json", objectValue), 400);
    }
    String instanceVariable = "{\"variables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":[1,2]}]}";
    for (String path : List.of("/engine-rest/process-instance", "/engine-rest/history/process-instance")) {
      expect(findings, "POST " + path, send("POST", path, "sam", "application/json", instanceVariable), 400);
    }
    WebappSession tasklist = WebappSession.login(port, "olivia");
    expect(findings, "webapps POST task", tasklist.send("POST", "/camunda/api/engine/engine/default/task",
        "application/json", objectValue), 400);
    assertThat(findings).isEmpty();
  }

  @Test
  void aTaskClaimedByTwoIsAConflictForTheSecond() {
    String key = Registrations.newKey("CLAIM2");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    Http http = http();
    assertThat(http.postJson("/engine-rest/task/" + task + "/claim", "paul", "{\"userId\":\"paul\"}").status()).isEqualTo(204);

    Http.Response second = http.postJson("/engine-rest/task/" + task + "/claim", "admin", "{\"userId\":\"admin\"}");

    assertThat(second.status()).as(second.body()).isEqualTo(409);
    assertThat(second.contentType()).startsWith("application/problem+json");
    assertThat(second.body()).contains("already claimed");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("paul");
  }
}
