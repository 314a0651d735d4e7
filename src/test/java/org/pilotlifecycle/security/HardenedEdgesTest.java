package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's edges, hardened: expression-bearing queries and filters only for administrators,
 * no Java-serialized variables, bounded request bodies, no internals in error bodies.
 */
@Tag("reliability")
class HardenedEdgesTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private static final List<String> EXPRESSION_QUERIES = List.of(
      "{\"assigneeExpression\":\"${currentUser()}\"}",
      "{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}",
      "{\"orQueries\":[{\"orQueries\":[{\"assigneeExpression\":\"#{execution}\"}]}]}",
      "{\"assigneeExpression\":\"\\u0024{identityService.createUserQuery()}\"}",
      "{\"dueBeforeExpression\":\"$ {now()}\"}");

  @Test
  void expressionBearingTaskQueriesAreRefusedForEveryoneButAdministrators() {
    Http http = http();
    int sent = 0;
    int refused = 0;
    int serverErrors = 0;
    for (String query : EXPRESSION_QUERIES) {
      for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
        sent++;
        Http.Response response = http.postJson(path, "paul", query);
        if (response.status() == 403) {
          refused++;
        }
        if (response.status() >= 500) {
          serverErrors++;
        }
        assertThat(response.status()).as(path + " " + query).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
    assertThat(http.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", "paul").status()).isEqualTo(403);
    // Administrators pass the edge; the engine then applies its own rule on expressions in ad-hoc queries.
    assertThat(http.postJson("/engine-rest/task", "admin", EXPRESSION_QUERIES.get(0)).status()).isNotEqualTo(403);
    assertThat(http.postJson("/engine-rest/task", "paul", "{\"candidateGroup\":\"ai-product-owner\"}").status())
        .as("plain queries pass").isEqualTo(200);
    Counts.report("expression queries: %d sent, %d refused, %d 5xx%n", sent, refused, serverErrors);
    assertThat(refused).isEqualTo(sent);
    assertThat(serverErrors).isZero();
  }

  @Test
  void expressionBearingFiltersAreRefusedForEveryoneButAdministrators() {
    Http http = http();
    String filter = "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}";
    assertThat(http.postJson("/engine-rest/filter/create", "olivia", filter).status()).isEqualTo(403);
    String someFilter = http.get("/engine-rest/filter?resourceType=Task", "olivia").json().get(0).path("id").asText();
    assertThat(http.postJson("/engine-rest/filter/" + someFilter + "/list", "olivia",
        "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}").status()).isEqualTo(403);
    assertThat(http.postJson("/engine-rest/filter/" + someFilter + "/list", "olivia", "{}").status())
        .as("the stored filter's own expressions still work").isEqualTo(200);
  }

  @Test
  void theWebappsEngineApiRefusesExpressionQueriesToo() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=paul&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    // The login rotates the session: fetch its CSRF token as Tasklist does, with a read.
    var read = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/engine/engine/default/task/count"))
        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    csrf = read.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue());

    var refused = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/engine/engine/default/task"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(EXPRESSION_QUERIES.get(1))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/problem+json"));
    assertThat(refused.body()).contains("reserved to administrators");
    var plain = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/engine/engine/default/task/count"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("{\"candidateGroup\":\"ai-product-owner\"}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    String key = Registrations.newKey("SER");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    String serialized = Http.toJson(Map.of("value", "rO0ABXQABGV2aWw=", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));

    Http.Response refused = http().send(http().request("/engine-rest/process-instance/" + instance + "/variables/evil", "admin")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(serialized)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).doesNotContain("\tat ");
    assertThat(runtimeService.getVariable(instance, "evil")).isNull();
  }

  @Test
  void oversizedBodiesAreRefusedBeforeTheyReachTheEngine() {
    String key = Registrations.newKey("BIG");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    String huge = Http.toJson(Map.of("variables", Map.of("withdrawalReason",
        Map.of("value", "x".repeat(QueryExpressionGuard.MAX_BODY_BYTES + 10), "type", "String"))));

    Http.Response refused = http().postJson("/engine-rest/task/" + task + "/submit-form", "paul", huge);

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is untouched").isOne();
    assertThat(http().postJson("/api/pilots", "paul", "{\"name\":\"" + "y".repeat(1_100_000) + "\"}").status())
        .isEqualTo(413);
  }

  @Test
  void webappSessionCookiesAreHttpOnlyAndSameSite() throws Exception {
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).build();
    String base = "http://localhost:" + port;
    var page = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    List<String> pageCookies = page.headers().allValues("Set-Cookie");
    String csrf = pageCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    var login = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';')))
        .POST(HttpRequest.BodyPublishers.ofString("username=chris&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    List<String> sessionCookies = new java.util.ArrayList<>(pageCookies);
    sessionCookies.addAll(login.headers().allValues("Set-Cookie"));
    List<String> sessions = sessionCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    assertThat(sessions).as("the webapps' session cookie").isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    // The CSRF token must stay readable by the webapps' scripts, but is never sent cross-site.
    assertThat(csrf).containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("HttpOnly");
  }

  @Test
  void formsSubmittedThroughTheWebappsEngineApiAreCheckedOnTheServerToo() throws Exception {
    String key = Registrations.newKey("WEBFORM");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    String csrf = csrfToken(cookies);
    var login = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=paul&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // As Tasklist does after the login: its first reads hand out the new session's CSRF token.
    browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/engine/engine/default/task/count")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    csrf = csrfToken(cookies);

    // What Tasklist's form would never send: a variable the form does not have, deciding a gate.
    var smuggled = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/engine/engine/default/task/"
            + task + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"registrationConfirmed\":{\"value\":true,"
            + "\"type\":\"Boolean\"},\"gateApproved\":{\"value\":true,\"type\":\"Boolean\"}}}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(400);
    assertThat(smuggled.body()).contains("gateApproved");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
  }

  @Test
  void aTasksVariablesAreWrittenOnlyThroughItsFormExceptByAdministrators() {
    String key = Registrations.newKey("VARWRITE");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    String typed = "{\"value\":true,\"type\":\"Boolean\"}";
    Http http = http();

    List<Http.Response> refused = List.of(
        http.send(http.request("/engine-rest/task/" + task + "/variables/gateApproved", "paul")
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(typed))),
        http.send(http.request("/engine-rest/task/" + task + "/localVariables/gateApproved", "paul")
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(typed))),
        http.postJson("/engine-rest/task/" + task + "/variables", "paul",
            "{\"modifications\":{\"gateApproved\":" + typed + "}}"),
        http.send(http.request("/engine-rest/task/" + task + "/variables/pilotKey", "paul").DELETE()),
        http.postJson("/engine-rest/task/" + task + "/resolve", "paul", "{\"variables\":{\"gateApproved\":" + typed + "}}"));

    assertThat(refused).allSatisfy(response -> {
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
    });
    assertThat(taskService.getVariables(task)).doesNotContainKey("gateApproved").containsKey("pilotKey");
    assertThat(http.get("/engine-rest/task/" + task + "/variables", "paul").status()).as("reading stays allowed")
        .isEqualTo(200);
    assertThat(http.send(http.request("/engine-rest/task/" + task + "/localVariables/note", "admin")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"checked\",\"type\":\"String\"}"))).status())
        .as("administrators may repair").isEqualTo(204);
  }

  private static String csrfToken(java.net.CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }
}
