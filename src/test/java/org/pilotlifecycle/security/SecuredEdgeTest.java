package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** 401 without credentials, 403 without the permission, and who may deploy. */
@Tag("reliability")
class SecuredEdgeTest extends IntegrationTestSupport {

  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PilotIntakeService intake;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void theApiAndTheEngineRestApiRequireCredentials() {
    for (String path : new String[] {"/api/pilots", "/engine-rest/task", "/engine-rest/process-definition"}) {
      Http.Response response = http.get(path, null);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsUnauthorized() {
    // Camunda throttles a user's logins after a failure, so this test has a user of its own.
    String user = "probe" + UUID.randomUUID().toString().substring(0, 8);
    var probe = identityService.newUser(user);
    probe.setPassword("the-password");
    identityService.saveUser(probe);
    for (String candidate : new String[] {user, "mallory"}) {
      Http.Response response = http.send(http.request("/api/pilots", null)
          .header("Authorization", Http.basic(candidate, "not-the-password")).GET());
      assertThat(response.status()).isEqualTo(401);
    }
  }

  /**
   * Anyone may send a wrong password, so failed logins must not lock a person out for good (Camunda's default: after
   * 10): after twelve failures, each after the previous one's delay, the right password still works once the last
   * delay (at most 60 s) has passed; during the delay it is refused. The clock is moved, not waited for.
   */
  @Test
  void wrongPasswordsDelayAPersonButNeverLockThemOut() {
    String user = "probe" + UUID.randomUUID().toString().substring(0, 8);
    var probe = identityService.newUser(user);
    probe.setPassword("the-password-1");
    identityService.saveUser(probe);
    identityService.createMembership(user, org.pilotlifecycle.framework.Roles.TECH_LEAD);
    try {
      for (int i = 0; i < 12; i++) {
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()
            - System.currentTimeMillis() + 61_000);
        assertThat(pilots(user, "not-the-password").status()).isEqualTo(401);
      }
      assertThat(pilots(user, "the-password-1").status()).as("within the last failure's delay").isEqualTo(401);
      org.camunda.bpm.engine.impl.util.ClockUtil.offset(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()
          - System.currentTimeMillis() + 61_000);
      assertThat(pilots(user, "the-password-1").status()).as("after it, after twelve failures").isEqualTo(200);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      identityService.deleteUser(user);
    }
  }

  private Http.Response pilots(String user, String password) {
    return http.send(http.request("/api/pilots", null).header("Authorization", Http.basic(user, password)).GET());
  }

  @Test
  void onlyAiProductOwnersRegisterPilots() {
    String body = Http.toJson(Registrations.asJson(Registrations.lowRisk(Registrations.newKey("SEC"), Framework.FIVE_PHASE)));
    Http.Response response = http.postJson("/api/pilots", "olivia", body);
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void onlyAnalystsAndAdministratorsDeploy() throws IOException {
    long before = repositoryService.createDeploymentQuery().count();
    String name = "modeler-" + UUID.randomUUID();

    for (String role : List.of("olivia", "paul", "tara", "rita", "chris", "sam")) {
      assertThat(deploy(role, name).status()).as(role + " deploys").isEqualTo(403);
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);

    Http.Response analyst = deploy("ana", name);
    assertThat(analyst.status()).as(analyst.body()).isEqualTo(200);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isOne();
    assertThat(deploy("admin", name).status()).as("unchanged, so nothing new, but allowed").isEqualTo(200);
  }

  @Test
  void eachRoleSeesOnlyTheTasksOfItsGroups() {
    String key = Registrations.newKey("TASK");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();

    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + key, "paul").json()).hasSize(1);
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + key, "olivia").json()).isEmpty();
    Http.Response claim = http.postJson("/engine-rest/task/" + taskId + "/claim", "olivia", "{\"userId\":\"olivia\"}");
    assertThat(claim.status()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void theAdminFirstUserSetupIsClosed() {
    Http.Response response = http.postJson("/camunda/api/admin/setup/default/user/create", null,
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}");
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void healthAndApiDocsArePublic() {
    assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    Http.Response docs = http.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/pilots");
    assertThat(http.get("/actuator/metrics", "paul").status()).isEqualTo(403);
    assertThat(http.get("/actuator/metrics", "admin").status()).isEqualTo(200);
  }

  @Test
  void theWebappsKeepTheirOwnLoginAndCsrfProtection() {
    assertThat(http.get("/camunda/api/engine/engine/default/task/count", null).status()).isEqualTo(401);
    Http.Response withoutToken = http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=paul&password=demo")));
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }

  @Test
  void theWebappsLoginReadsTheApiButNeverWritesItNorRotatesTheirSession() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/cockpit/default/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    String csrf = cookie(cookies, "XSRF-TOKEN");
    var login = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    String session = cookie(cookies, "JSESSIONID");

    var read = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/api/pilots/stuck")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Set-Cookie")).as("the webapp session is left alone").isEmpty();
    assertThat(cookie(cookies, "JSESSIONID")).isEqualTo(session);

    var write = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/api/pilots"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).as("a cookie alone never changes anything").isEqualTo(401);
  }

  private static String cookie(java.net.CookieManager cookies, String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
  }

  @Test
  void swaggerUiIsServed() {
    assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
  }

  @Test
  void responsesCarrySecurityHeaders() {
    for (String path : new String[] {"/api/pilots", "/camunda/app/tasklist/default/", "/actuator/health"}) {
      Http.Response response = http.get(path, path.startsWith("/api") ? "paul" : null);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).isPresent();
    }
  }

  /** What Camunda Modeler sends to deploy a diagram. */
  private Http.Response deploy(String user, String deploymentName) throws IOException {
    String boundary = "----modeler" + UUID.randomUUID();
    byte[] diagram = Files.readAllBytes(Path.of("bpmn", PilotIntakeProcess.FIVE_PHASE_PROCESS_ID + ".bpmn"));
    String head = part(boundary, "deployment-name", deploymentName)
        + part(boundary, "deployment-source", "Camunda Modeler")
        + part(boundary, "deploy-changed-only", "true")
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"FivePhaseOperationalization.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[headBytes.length + diagram.length + tail.length];
    System.arraycopy(headBytes, 0, body, 0, headBytes.length);
    System.arraycopy(diagram, 0, body, headBytes.length, diagram.length);
    System.arraycopy(tail, 0, body, headBytes.length + diagram.length, tail.length);
    return http.send(http.request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
}
