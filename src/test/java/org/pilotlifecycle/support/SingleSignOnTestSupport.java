package org.pilotlifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with single sign-on on, against a real OpenID Connect provider ({@link OidcProvider}) started
 * first, and on a fixed port of {@code 127.0.0.1} chosen before (the provider registers the application's redirect
 * URI). Its configuration differs from {@link IntegrationTestSupport}'s, so these tests (tag {@code sso}) run in a JVM
 * of their own: the Surefire execution {@code sso-tests}, where this is the one Spring context.
 *
 * <p>The provider's people: {@code paul} (groups {@code product-owners}, {@code all-staff}; a demo user of the engine
 * as well), {@code ursula} ({@code product-owners}; unknown to the engine, provisioned at her first sign-in),
 * {@code nina} ({@code all-staff} only: no product group). The mapping grants {@code product-owners} the group
 * {@code ai-product-owner}, {@code steering} the {@code steering-committee} and {@code /company/admins} (a Keycloak
 * group path) {@code camunda-admin}. The provider is also the configured issuer of machine tokens
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}): its machine client's tokens stay machines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Tag("sso")
public abstract class SingleSignOnTestSupport {

  protected static final int PORT = freePort();
  /** The application as the browser reaches it. */
  protected static final String BASE = "http://127.0.0.1:" + PORT;
  protected static final Map<String, List<String>> PEOPLE = Map.of(
      "paul", List.of("product-owners", "all-staff"),
      "ursula", List.of("product-owners"),
      "nina", List.of("all-staff"));

  private static OidcProvider provider;

  protected static synchronized OidcProvider provider() {
    if (provider == null) {
      provider = OidcProvider.start(BASE, PEOPLE);
      OidcProvider started = provider;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return provider;
  }

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry properties) {
    OidcProvider oidc = provider();
    properties.add("server.port", () -> PORT);
    properties.add("pilot.security.sso.enabled", () -> "true");
    properties.add("pilot.security.sso.issuer-uri", oidc::issuer);
    properties.add("pilot.security.sso.client-id", () -> OidcProvider.CLIENT_ID);
    properties.add("pilot.security.sso.client-secret", () -> OidcProvider.CLIENT_SECRET);
    properties.add("pilot.security.sso.group-mapping.product-owners", () -> "ai-product-owner");
    properties.add("pilot.security.sso.group-mapping.steering", () -> "steering-committee");
    properties.add("pilot.security.sso.group-mapping[/company/admins]", () -> "camunda-admin");
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", oidc::issuer);
  }

  protected Http http() {
    return new Http(PORT);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
