package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Machine tokens: an administrator issues a token to a service account with scopes; the token reaches exactly its
 * scope's endpoints and nothing else (no other API endpoint, no engine API, no webapp, no Camunda identity); a
 * revoked, expired, tampered or foreign token is refused with a 401 problem; a wrong scope with a 403 problem.
 */
@Tag("reliability")
class MachineTokensTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired org.pilotlifecycle.production.MonitoringSignals signals;
  @Value("${pilot.security.machine-tokens.secret}") String secret;
  Http http;

  @BeforeEach
  void client() {
    http = http();
  }

  @Test
  void aPortfolioTokenReadsThePortfolioAndNothingElse() {
    String key = Registrations.newKey("MTP");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String token = issue("export-job", "portfolio.read").path("token").asText();

    Http.Response portfolio = bearer("GET", "/api/portfolio", token, null);
    assertThat(portfolio.status()).as(portfolio.body()).isEqualTo(200);
    Http.Response filtered = bearer("GET", "/api/portfolio?businessUnit=Claims", token, null);
    assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
    Http.Response rootCauses = bearer("GET", "/api/portfolio/root-causes", token, null);
    assertThat(rootCauses.status()).as(rootCauses.body()).isEqualTo(200);
    Http.Response csv = bearer("GET", "/api/export/pilots.csv", token, null);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.body()).as("the whole portfolio, as the export job's").contains(key);

    List<String> findings = refusedEverywhereElse(token, key, List.of("/api/portfolio", "/api/export/pilots.csv"));
    Http.Response signals = bearer("POST", "/api/pilots/" + key + "/signals", token,
        "{\"type\":\"DRIFT\",\"severity\":\"HIGH\",\"source\":\"x\",\"description\":\"d\",\"idempotencyKey\":\"k1\"}");
    if (signals.status() != 403) {
      findings.add("POST signals with portfolio.read -> " + signals.status());
    }
    assertThat(findings).isEmpty();
  }

  @Test
  void aSignalsTokenReachesNothingButTheSignals() {
    String key = Registrations.newKey("MTS");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String token = issue("monitoring", "signals.send").path("token").asText();

    // It reaches the signal API: a pilot in production takes the signal (201), as sent by the service account;
    // a pilot still in its framework is a 409 of the endpoint itself, not a refusal of the token.
    String live = new org.pilotlifecycle.production.ProductionDriver(engine).inProduction(intake, "MTSLIVE")
        .getBusinessKey();
    String signal = "{\"type\":\"DRIFT\",\"severity\":\"HIGH\",\"source\":\"evidently\","
        + "\"description\":\"PSI 0.31 on claim_amount\",\"idempotencyKey\":\"drift-1\"}";
    Http.Response sent = bearer("POST", "/api/pilots/" + live + "/signals", token, signal);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(signals.open(live)).extracting(org.pilotlifecycle.production.MonitoringSignal::getReceivedBy)
        .as("sent by the service account").containsExactly("monitoring");
    Http.Response notLive = bearer("POST", "/api/pilots/" + key + "/signals", token, signal);
    assertThat(notLive.status()).as(notLive.body()).isEqualTo(409);

    List<String> findings = refusedEverywhereElse(token, key, List.of());
    for (String path : List.of("/api/portfolio", "/api/portfolio/root-causes", "/api/export/pilots.csv")) {
      Http.Response response = bearer("GET", path, token, null);
      if (response.status() != 403) {
        findings.add("GET " + path + " with signals.send -> " + response.status());
      }
    }
    assertThat(findings).isEmpty();
  }

  /** Everything but {@code allowed}: the rest of the API (403), the engine REST API (403), the webapps (401/403). */
  private List<String> refusedEverywhereElse(String token, String key, List<String> allowed) {
    String task = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    List<String[]> forbidden = new ArrayList<>(List.of(
        new String[] {"GET", "/api/pilots"}, new String[] {"GET", "/api/pilots/" + key},
        new String[] {"GET", "/api/pilots/" + key + "/history"}, new String[] {"GET", "/api/pilots/counts"},
        new String[] {"GET", "/api/pilots/stuck"}, new String[] {"GET", "/api/export/audit-trail.csv"},
        new String[] {"GET", "/api/deputies"}, new String[] {"GET", "/api/machine-tokens"},
        new String[] {"POST", "/api/machine-tokens"}, new String[] {"POST", "/api/pilots"},
        new String[] {"POST", "/api/pilots/import"}, new String[] {"PUT", "/api/pilots/" + key + "/people/techLead"},
        new String[] {"GET", "/engine-rest/task"}, new String[] {"GET", "/engine-rest/task/" + task},
        new String[] {"POST", "/engine-rest/task/" + task + "/claim"},
        new String[] {"POST", "/engine-rest/task/" + task + "/complete"},
        new String[] {"POST", "/engine-rest/task/" + task + "/submit-form"},
        new String[] {"GET", "/engine-rest/process-definition"}, new String[] {"POST", "/engine-rest/deployment/create"},
        new String[] {"GET", "/engine-rest/user"}, new String[] {"GET", "/engine-rest/identity/groups?userId=admin"}));
    forbidden.removeIf(request -> allowed.contains(request[1]));
    List<String> findings = new ArrayList<>();
    for (String[] request : forbidden) {
      String body = request[0].equals("GET") ? null : "{}";
      Http.Response response = bearer(request[0], request[1], token, body);
      if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")) {
        findings.add(request[0] + " " + request[1] + " -> " + response.status() + " " + response.body());
      }
    }
    // The webapps know nothing of bearer tokens: Tasklist's and Cockpit's APIs, Admin, the actuator.
    for (String path : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/task/count",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
        "/camunda/api/admin/auth/user/default", "/actuator/prometheus")) {
      Http.Response response = bearer("GET", path, token, null);
      if (response.status() != 401 && response.status() != 403 && response.status() != 404) {
        findings.add("GET " + path + " -> " + response.status());
      }
    }
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as("task unchanged").isNull();
    Counts.report("machine tokens: allowed %s, refused on %d other endpoints, findings=%d", allowed, forbidden.size() + 5,
        findings.size());
    return findings;
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() {
    JsonNode issued = issue("export-job", "portfolio.read");
    String token = issued.path("token").asText();
    assertThat(bearer("GET", "/api/portfolio", token, null).status()).isEqualTo(200);

    Http.Response revoke = http.send(http.request("/api/machine-tokens/" + issued.path("id").asText(), "admin").DELETE());
    assertThat(revoke.status()).isEqualTo(204);

    Http.Response refused = bearer("GET", "/api/portfolio", token, null);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    JsonNode listed = listed(issued.path("id").asText());
    assertThat(listed.path("state").asText()).isEqualTo("REVOKED");
    assertThat(listed.path("revokedBy").asText()).isEqualTo("admin");
    assertThat(http.send(http.request("/api/machine-tokens/" + issued.path("id").asText(), "admin").DELETE()).status())
        .as("revoking again changes nothing").isEqualTo(204);
    assertThat(http.send(http.request("/api/machine-tokens/" + UUID.randomUUID(), "admin").DELETE()).status()).isEqualTo(404);
    assertThat(http.send(http.request("/api/machine-tokens/not-an-id", "admin").DELETE()).status()).isEqualTo(404);
  }

  @Test
  void expiredTamperedForeignAndMalformedTokensAreRefused() throws Exception {
    JsonNode issued = issue("export-job", "portfolio.read");
    String id = issued.path("id").asText();
    String good = issued.path("token").asText();
    Instant now = Instant.now();

    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("expired", sign(secret, claims(id, "portfolio.read", now.minusSeconds(3600), now.minusSeconds(600)), JWSAlgorithm.HS256));
    bad.put("tampered scope", tamper(good, "\"scope\":\"portfolio.read\"", "\"scope\":\"portfolio.read signals.send\""));
    bad.put("tampered subject", tamper(good, "\"sub\":\"export-job\"", "\"sub\":\"admin\""));
    bad.put("signed with another key", sign("another-key-of-thirty-two-bytes-or-more!!", claims(id, "portfolio.read",
        now, now.plusSeconds(600)), JWSAlgorithm.HS256));
    bad.put("never issued", sign(secret, claims(UUID.randomUUID().toString(), "portfolio.read", now, now.plusSeconds(600)),
        JWSAlgorithm.HS256));
    bad.put("no jti", sign(secret, claims(null, "portfolio.read", now, now.plusSeconds(600)), JWSAlgorithm.HS256));
    bad.put("HS512", sign(secret + secret, claims(id, "portfolio.read", now, now.plusSeconds(600)), JWSAlgorithm.HS512));
    bad.put("unknown issuer", sign(secret, new JWTClaimsSet.Builder(claims(id, "portfolio.read", now, now.plusSeconds(600)))
        .issuer("https://evil.example").build(), JWSAlgorithm.HS256));
    bad.put("alg none", unsigned(claims(id, "portfolio.read", now, now.plusSeconds(600))));
    bad.put("signature stripped", good.substring(0, good.lastIndexOf('.') + 1));
    bad.put("garbage", "not-a-jwt");
    bad.put("empty", "");
    bad.put("long", "a".repeat(6_000));
    bad.put("control characters", "abc\u0001def");

    List<String> findings = new ArrayList<>();
    for (var entry : bad.entrySet()) {
      Http.Response response;
      try {
        response = bearer("GET", "/api/portfolio", entry.getValue(), null);
      } catch (AssertionError | IllegalArgumentException e) {
        continue; // the client itself refuses to send such a header
      }
      if (response.status() != 401 || !response.contentType().startsWith("application/problem+json")
          || response.body().contains("Exception") || response.body().contains("nimbus")) {
        findings.add(entry.getKey() + " -> " + response.status() + " " + response.contentType() + " " + response.body());
      }
    }
    assertThat(findings).isEmpty();
    assertThat(bearer("GET", "/api/portfolio", good, null).status()).as("the untouched token still works").isEqualTo(200);
  }

  @Test
  void onlyAdministratorsIssueListAndRevoke() {
    String body = "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"]}";
    for (String user : List.of("paul", "olivia", "sam", "rita", "ana")) {
      assertThat(http.postJson("/api/machine-tokens", user, body).status()).as(user).isEqualTo(403);
      assertThat(http.get("/api/machine-tokens", user).status()).as(user).isEqualTo(403);
    }
    JsonNode issued = issue("monitoring", "signals.send");
    assertThat(issued.path("scopes")).hasSize(1);
    assertThat(issued.path("tokenType").asText()).isEqualTo("Bearer");
    Http.Response list = http.get("/api/machine-tokens", "admin");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).as("the list never shows a token").doesNotContain(issued.path("token").asText())
        .doesNotContain("\"token\"");
    assertThat(listed(issued.path("id").asText()).path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void badIssueRequestsAreProblems() {
    List<String> bodies = List.of("", "not json", "[]", "{}", "{\"serviceAccount\":\"monitoring\"}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[]}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"camunda-admin\"]}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"SCOPE_signals.send\"]}",
        "{\"serviceAccount\":\"Monitoring Tool\",\"scopes\":[\"signals.send\"]}",
        "{\"serviceAccount\":\"" + "m".repeat(65) + "\",\"scopes\":[\"signals.send\"]}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"validForDays\":0}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"validForDays\":367}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"validForDays\":\"x\"}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"validForDays\":1.5}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"description\":\"a\\u0000b\"}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":\"signals.send\"}",
        "{\"serviceAccount\":\"monitoring\",\"scopes\":[\"signals.send\"],\"admin\":true}");
    long before = http.get("/api/machine-tokens", "admin").json().size();
    for (String body : bodies) {
      Http.Response response = http.postJson("/api/machine-tokens", "admin", body);
      assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(http.get("/api/machine-tokens", "admin").json().size()).as("nothing issued").isEqualTo(before);
  }

  @Test
  void theScopesMapToExactlyTheirAuthorities() {
    var jwt = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "HS256")
        .subject("tool").claim("scope", "signals.send portfolio.read camunda-admin openid SCOPE_x").build();
    assertThat(BearerTokens.authorities(jwt)).extracting(Object::toString)
        .containsExactlyInAnyOrder("SCOPE_signals.send", "SCOPE_portfolio.read");
    var signalsOnly = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "HS256")
        .subject("tool").claim("scp", List.of("signals.send")).build();
    assertThat(BearerTokens.authorities(signalsOnly)).extracting(Object::toString).containsExactly("SCOPE_signals.send");
    var token = new MachineTokenAuthentication(signalsOnly, BearerTokens.authorities(signalsOnly));
    assertThat(token.getName()).isEqualTo("tool");
    assertThat(MachineTokenAuthentication.isMachine(token)).isTrue();
  }

  /** What each scope reaches; every other endpoint of the application's API refuses it. */
  static final Map<String, java.util.Set<String>> REACHES = Map.of(
      "portfolio.read", java.util.Set.of("GET /api/portfolio", "GET /api/portfolio/root-causes",
          "GET /api/portfolio/dossier.pdf", "GET /api/export/pilots.csv"),
      "signals.send", java.util.Set.of("POST /api/pilots/{key}/signals"));

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  /**
   * The inventory of the application's own API, found from its request mappings at test time (a new endpoint is in
   * it at once): a token of each scope is refused (403 problem) on every endpoint its scope does not reach.
   */
  @Test
  void eachScopeIsRefusedOnEveryOtherEndpointOfTheApi() {
    String key = Registrations.newKey("MTI");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    List<String[]> endpoints = new ArrayList<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(pattern -> pattern.startsWith("/api/"))
        .forEach(pattern -> {
          var methods = info.getMethodsCondition().getMethods();
          (methods.isEmpty() ? java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods)
              .forEach(method -> endpoints.add(new String[] {method.name(), pattern}));
        }));
    assertThat(endpoints.size()).as("the API's endpoints").isGreaterThanOrEqualTo(15);
    List<String> findings = new ArrayList<>();
    int refused = 0;
    for (String scope : REACHES.keySet()) {
      String token = issue("inventory", scope).path("token").asText();
      for (String[] endpoint : endpoints) {
        if (REACHES.get(scope).contains(endpoint[0] + " " + endpoint[1])) {
          continue;
        }
        String path = endpoint[1].replace("{key}", key).replace("{role}", "techLead").replaceAll("\\{[^}]+}", "1");
        Http.Response response = bearer(endpoint[0], path, token, endpoint[0].equals("GET") ? null : "{}");
        if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")) {
          findings.add(scope + ": " + endpoint[0] + " " + endpoint[1] + " -> " + response.status() + " " + response.body());
        } else {
          refused++;
        }
      }
    }
    Counts.report("machine tokens: api endpoints=%d refused outside their scope=%d findings=%d", endpoints.size(), refused,
        findings.size());
    assertThat(findings).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private JsonNode issue(String account, String scope) {
    Http.Response response = http.postJson("/api/machine-tokens", "admin",
        "{\"serviceAccount\":\"" + account + "\",\"scopes\":[\"" + scope + "\"],\"validForDays\":30}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return response.json();
  }

  private JsonNode listed(String id) {
    for (JsonNode token : http.get("/api/machine-tokens", "admin").json()) {
      if (token.path("id").asText().equals(id)) {
        return token;
      }
    }
    throw new AssertionError("not listed: " + id);
  }

  private Http.Response bearer(String method, String path, String token, String body) {
    HttpRequest.Builder request = http.request(path, null).header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JWTClaimsSet claims(String id, String scope, Instant issued, Instant expires) {
    return new JWTClaimsSet.Builder().issuer("pilot-lifecycle").subject("export-job").jwtID(id)
        .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).claim("scope", scope).build();
  }

  private static String sign(String key, JWTClaimsSet claims, JWSAlgorithm algorithm) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
    jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String unsigned(JWTClaimsSet claims) {
    return new com.nimbusds.jwt.PlainJWT(claims).serialize();
  }

  /** The token with its payload changed and its signature kept. */
  private static String tamper(String token, String from, String to) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains(from);
    String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(from, to)
        .getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + changed + "." + parts[2];
  }
}
