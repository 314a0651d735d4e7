package org.pilotlifecycle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Every demo user logs in to Tasklist the way the browser does, and belongs to its role's group. */
class DemoLoginTest extends IntegrationTestSupport {

  @Autowired IdentityService identityService;

  @ParameterizedTest
  @CsvSource({"admin,camunda-admin", "olivia,business-owner", "paul,ai-product-owner", "tara,tech-lead", "theo,tech-lead",
      "rita,risk-compliance", "chris,change-manager", "sam,steering-committee", "ana,process-analyst"})
  void demoUserLogsInToTasklist(String user, String group) throws Exception {
    assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count()).isOne();

    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    // The webapp hands out its CSRF token with the first page, as it does to a browser.
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();

    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"" + user + "\"").contains("tasklist");
  }
}
