package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.OidcProvider;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.SingleSignOnTestSupport;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on on {@code /api} and {@code /engine-rest} (issue 17): access tokens of the real provider
 * ({@link OidcProvider}) for people name them and carry their groups; the group mapping decides what they may do, the
 * engine's authorizations apply, a person without a mapped group is refused, an unknown person is provisioned and kept
 * in step with the claim (or refused, as configured), and a machine of the same provider stays a machine. The webapps
 * send a browser without a session to the provider. See {@link SingleSignOnTestSupport} for the provider's people.
 */
class SingleSignOnApiTest extends SingleSignOnTestSupport {

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired SsoProperties properties;

  @Test
  void aPersonsTokenRegistersAPilotAndTheRoleFromTheClaimLetsThemCompleteTheirTask() {
    String paul = provider().accessToken("paul");
    String key = Registrations.newKey("SSO");

    Http.Response registered = post(paul, "/api/pilots",
        Http.toJson(Registrations.asJson(Registrations.lowRisk(key, Framework.FIVE_PHASE))));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);

    JsonNode tasks = get(paul, "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
        + URLEncoder.encode("Task_ConfirmRegistration", StandardCharsets.UTF_8)).json();
    assertThat(tasks).as("paul's groups from the claim offer him the confirmation").hasSize(1);
    String task = tasks.get(0).path("id").asText();
    Http.Response completed = post(paul, "/engine-rest/task/" + task + "/submit-form",
        TasklistUser.typed(Map.of("registrationConfirmed", true)));
    assertThat(completed.status()).as(completed.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    assertThat(groupsOf("paul")).containsExactly("ai-product-owner");
  }

  @Test
  void anUnknownPersonIsProvisionedAndTheirGroupsFollowTheClaimAtEachSignIn() {
    try {
      assertThat(get(provider().accessToken("ursula"), "/api/pilots").status()).isEqualTo(200);
      User ursula = identityService.createUserQuery().userId("ursula").singleResult();
      assertThat(ursula).as("provisioned at her first sign-in").isNotNull();
      assertThat(ursula.getFirstName()).isEqualTo("Ursula");
      assertThat(ursula.getEmail()).isEqualTo("ursula@company.example");
      assertThat(groupsOf("ursula")).containsExactly("ai-product-owner");

      provider().setGroups("ursula", List.of("steering", "all-staff"));
      String steering = provider().accessToken("ursula");
      assertThat(get(steering, "/api/pilots").status()).isEqualTo(200);
      assertThat(groupsOf("ursula")).as("the claim's groups replace the old ones").containsExactly("steering-committee");
      assertThat(post(steering, "/api/pilots", Http.toJson(Registrations.asJson(
          Registrations.lowRisk(Registrations.newKey("SSO"), Framework.FIVE_PHASE)))).status())
          .as("no longer a product owner").isEqualTo(403);
    } finally {
      provider().setGroups("ursula", PEOPLE.get("ursula"));
    }
  }

  @Test
  void aPersonWithoutAMappedGroupIsRefusedEverywhere() {
    String nina = provider().accessToken("nina");

    for (Http.Response refused : List.of(get(nina, "/api/pilots"), get(nina, "/engine-rest/task"),
        post(nina, "/api/pilots", Http.toJson(Registrations.asJson(
            Registrations.lowRisk(Registrations.newKey("SSO"), Framework.FIVE_PHASE)))))) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(identityService.createUserQuery().userId("nina").count()).as("never provisioned").isZero();
  }

  @Test
  void aMachineOfTheSameProviderStaysAMachine() {
    String machine = provider().machineToken("portfolio.read");

    assertThat(get(machine, "/api/portfolio").status()).isEqualTo(200);
    assertThat(get(machine, "/engine-rest/task").status()).isEqualTo(403);
    assertThat(get(machine, "/api/pilots").status()).isEqualTo(403);
  }

  @Test
  void withUnknownUsersRefusedOnlyPeopleTheEngineKnowsSignIn() {
    SsoProperties refusing = new SsoProperties(true, properties.issuerUri(), properties.clientId(),
        properties.clientSecret(), null, null, null, properties.groupMapping(), SsoProperties.UnknownUsers.REFUSE, null);
    SsoPeople people = new SsoPeople(refusing, identityService);

    assertThatThrownBy(() -> people.signIn(Map.of("preferred_username", "victor", "groups", List.of("product-owners"))))
        .isInstanceOf(SsoPeople.Refused.class).hasMessageContaining("victor is not a user");
    assertThat(identityService.createUserQuery().userId("victor").count()).isZero();
    assertThat(people.signIn(Map.of("preferred_username", "paul", "groups", "product-owners,all-staff")))
        .containsExactly("ai-product-owner");
  }

  @Test
  void theProviderCanNeitherTakeOverNorDemoteTheApplicationsAdministrator(@Autowired SsoPeople people) {
    assertThatThrownBy(() -> people.signIn(Map.of("preferred_username", "admin", "groups", List.of("product-owners"))))
        .isInstanceOf(SsoPeople.Refused.class).hasMessageContaining("signs in with a password only");
    assertThat(groupsOf("admin")).containsExactly("camunda-admin");
  }

  @Test
  void theWebappsSendABrowserWithoutASessionToTheProviderAndRefuseTheirApiWithout() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(BASE + "/camunda/app/tasklist/default/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/sso");
    HttpResponse<String> start = client.send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/authorization/sso"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(start.headers().firstValue("Location").orElseThrow())
        .startsWith(provider().issuer() + "/oauth2/authorize?").contains("client_id=" + OidcProvider.CLIENT_ID);

    HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(BASE
        + "/camunda/api/engine/engine/default/task")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void badSignInRequestsAreProblemsNeverServerErrors() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Map<String, Integer> expected = Map.of(
        "/oauth2/authorization/elsewhere", 404,
        "/login/oauth2/code/sso?code=forged&state=forged", 403,
        "/login/oauth2/code/sso", 403,
        "/login/oauth2/code/elsewhere?code=forged&state=forged", 403,
        "/login/oauth2/code/sso?error=access_denied&state=forged", 403);
    for (var request : expected.entrySet()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(BASE + request.getKey())).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(request.getKey() + ": " + response.body()).isEqualTo(request.getValue());
      assertThat(response.headers().firstValue("Content-Type").orElse("")).as(request.getKey())
          .startsWith("application/problem+json");
    }
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).orderByGroupId().asc().list().stream()
        .map(Group::getId).toList();
  }

  private Http.Response get(String token, String path) {
    return http().send(http().request(path, null).header("Authorization", "Bearer " + token).GET());
  }

  private Http.Response post(String token, String path, String json) {
    return http().send(http().request(path, null).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }
}
