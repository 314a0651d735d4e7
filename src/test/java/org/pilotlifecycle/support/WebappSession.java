package org.pilotlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A session of the webapps, logged in as Tasklist does it, with its CSRF token. */
public final class WebappSession {
  private final HttpClient browser;
  private final CookieManager cookies;
  private final String base;

  private WebappSession(HttpClient browser, CookieManager cookies, String base) {
    this.browser = browser;
    this.cookies = cookies;
    this.base = base;
  }

  public static WebappSession login(int port, String user) throws Exception {
    return login(port, user, "tasklist");
  }

  /** Logs in to one webapp (tasklist, cockpit, admin), as its login page does. */
  public static WebappSession login(int port, String user, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    WebappSession webapp = new WebappSession(browser, cookies, "http://localhost:" + port);
    browser.send(HttpRequest.newBuilder(URI.create(webapp.base + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(webapp.base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", webapp.csrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("webapp login of " + user).isEqualTo(200);
    browser.send(HttpRequest.newBuilder(URI.create(webapp.base + "/camunda/api/engine/engine/default/task/count"))
        .build(), HttpResponse.BodyHandlers.discarding());
    return webapp;
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .header("X-XSRF-TOKEN", csrf()).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** As {@link #send}, with the given X-XSRF-TOKEN instead of the session's (null: none), as a forged request would. */
  public HttpResponse<String> sendWithToken(String method, String path, String contentType, String body, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String csrf() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }
}
