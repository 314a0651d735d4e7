package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18: a successful Basic authentication is kept for seconds, and every change of a password, a membership
 * or a user takes effect at once on this node, through whichever API it is made.
 */
class AuthenticationCacheTest extends IntegrationTestSupport {

  private static final String USER = "cacheprobe";

  @Autowired IdentityService identityService;

  @AfterEach
  void removeUser() {
    identityService.deleteUser(USER);
  }

  private Http.Response pilots(Http http, String password) {
    return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/pilots")).timeout(Duration.ofSeconds(30))
        .header("Authorization", Http.basic(USER, password)).GET().build());
  }

  private Http.Response asAdmin(Http http, String method, String path, String json) {
    return http.send(HttpRequest.newBuilder(URI.create(http.base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", Http.basic("admin", "demo")).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  private void createUser(String password) {
    var user = identityService.newUser(USER);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(USER, Roles.TECH_LEAD);
  }

  @Test
  void aNewPasswordTakesEffectAtOnceAndTheOldOneIsRefused() {
    createUser("first-secret-1");
    Http http = http();
    assertThat(pilots(http, "first-secret-1").status()).isEqualTo(200);
    assertThat(pilots(http, "first-secret-1").status()).as("served from the cache").isEqualTo(200);
    assertThat(pilots(http, "wrong-secret").status()).as("a wrong password is never served from the cache")
        .isEqualTo(401);

    Http.Response changed = asAdmin(http, "PUT", "/engine-rest/user/" + USER + "/credentials",
        "{\"password\":\"second-secret-2\",\"authenticatedUserPassword\":\"demo\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);

    assertThat(pilots(http, "first-secret-1").status()).as("the old password, right after the change").isEqualTo(401);
    // The failed attempt above locks the user for a few seconds (the engine's lock-out); unlock to go on.
    identityService.unlockUser(USER);
    assertThat(pilots(http, "second-secret-2").status()).isEqualTo(200);
  }

  @Test
  void aRemovedMembershipOrUserTakesEffectAtOnce() {
    createUser("first-secret-1");
    Http http = http();
    assertThat(pilots(http, "first-secret-1").status()).isEqualTo(200);

    Http.Response removed = asAdmin(http, "DELETE", "/engine-rest/group/" + Roles.TECH_LEAD + "/members/" + USER, null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(pilots(http, "first-secret-1").status()).as("no role any more").isEqualTo(403);

    identityService.createMembership(USER, Roles.TECH_LEAD);
    assertThat(pilots(http, "first-secret-1").status()).isEqualTo(200);
    identityService.deleteUser(USER);
    assertThat(pilots(http, "first-secret-1").status()).as("deleted").isEqualTo(401);
  }

  @Test
  void theCacheKeepsOnlyTheSamePasswordAndCanBeTurnedOff() {
    AuthenticationCache cache = new AuthenticationCache(Duration.ofSeconds(10));
    cache.remember("u", "right", List.of("g"));
    assertThat(cache.groups("u", "right")).contains(List.of("g"));
    assertThat(cache.groups("u", "Right")).isEmpty();
    assertThat(cache.groups("v", "right")).isEmpty();
    cache.evictAll();
    assertThat(cache.groups("u", "right")).isEmpty();

    AuthenticationCache off = new AuthenticationCache(Duration.ZERO);
    off.remember("u", "right", List.of("g"));
    assertThat(off.groups("u", "right")).isEmpty();
  }
}
