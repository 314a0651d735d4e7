package org.pilotlifecycle.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in a Spring application of
 * its own (no process engine, none of the application's configuration) on a random port of {@code localhost}, with a
 * form login. Its issuer is {@code http://localhost:<port>}. It knows one confidential client, {@link #CLIENT_ID},
 * whose redirect and post-logout URIs are those of the application at {@code http://127.0.0.1:<appPort>} (the provider
 * refuses {@code localhost} in redirect URIs; and two host names keep the two sessions' cookies apart), and one machine
 * client, {@link #MACHINE_CLIENT_ID} (client credentials, scope {@code portfolio.read}). Its people have the password
 * {@link #PASSWORD}; their ID and access tokens carry {@code preferred_username}, {@code given_name} and a
 * {@code groups} claim (the groups may be changed while it runs).
 */
public final class OidcProvider implements AutoCloseable {

  public static final String CLIENT_ID = "pilot-lifecycle";
  public static final String CLIENT_SECRET = "pilot-lifecycle-secret";
  public static final String MACHINE_CLIENT_ID = "export-job";
  public static final String MACHINE_CLIENT_SECRET = "export-job-secret";
  public static final String PASSWORD = "sso-secret";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Person → groups at the provider; the token customizer reads it at each sign-in. */
  private static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>();
  private static volatile String appBase;

  private final ConfigurableApplicationContext context;
  private final String issuer;

  private OidcProvider(ConfigurableApplicationContext context) {
    this.context = context;
    this.issuer = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Starts the provider for the application at {@code appBase} (e.g. {@code http://127.0.0.1:8123}).
   *
   * @param people each person's groups at the provider
   */
  public static OidcProvider start(String appBase, Map<String, List<String>> people) {
    OidcProvider.appBase = appBase;
    GROUPS.clear();
    GROUPS.putAll(people);
    SpringApplication application = new SpringApplicationBuilder(ProviderApplication.class)
        .web(WebApplicationType.SERVLET)
        // None of the application's own configuration files.
        .properties("spring.config.name=oidc-test-provider", "server.port=0", "spring.main.banner-mode=off",
            "server.servlet.session.cookie.name=PROVIDER_SESSION", "logging.level.root=warn")
        .build();
    return new OidcProvider(application.run());
  }

  public String issuer() {
    return issuer;
  }

  /** Changes a person's groups at the provider: the next sign-in carries them. */
  public void setGroups(String person, List<String> groups) {
    GROUPS.put(person, List.copyOf(groups));
  }

  /**
   * An access token of {@code person}, as a browser gets it for the application: the authorization code flow with the
   * provider's login form, the code exchanged by the client.
   */
  public String accessToken(String person) {
    try {
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
      String redirectUri = appBase + "/login/oauth2/code/sso";
      String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&scope="
          + encode("openid profile") + "&state=" + UUID.randomUUID() + "&redirect_uri=" + encode(redirectUri);
      HttpResponse<String> first = browser.send(HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String loginPage = location(first);
      HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(loginPage)).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
      if (!csrf.find()) {
        throw new AssertionError("No CSRF token on the provider's login page: " + form.body());
      }
      HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(person) + "&password=" + encode(PASSWORD)
              + "&_csrf=" + encode(csrf.group(1))))
          .build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> authorized = browser.send(HttpRequest.newBuilder(URI.create(location(login))).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String callback = location(authorized);
      Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
      if (!callback.startsWith(redirectUri) || !code.find()) {
        throw new AssertionError("No authorization code for " + person + ": " + callback);
      }
      return token("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + encode(redirectUri),
          CLIENT_ID, CLIENT_SECRET);
    } catch (Exception e) {
      throw new AssertionError("Cannot get a token of " + person + " from the provider", e);
    }
  }

  /** An access token of the machine client (client credentials), with the given scope. */
  public String machineToken(String scope) {
    return token("grant_type=client_credentials&scope=" + encode(scope), MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET);
  }

  private String token(String form, String client, String secret) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
              .header("Authorization", Http.basic(client, secret))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
        throw new AssertionError("The provider gave no token: " + response.statusCode() + " " + response.body());
      }
      return body.get("access_token").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("No redirect from " + response.uri() + ": " + response.statusCode()));
    return location.startsWith("/") ? issuer + location : location;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * The provider: the authorization server's endpoints, and a form login for people. Not a {@code @Configuration}: the
   * application's tests scan this package, and must not find it.
   */
  @EnableWebSecurity
  @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
  static class ProviderApplication {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
      OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
      return http
          .securityMatcher(server.getEndpointsMatcher())
          .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
              new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
          .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
          .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
      return http
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults())
          .build();
    }

    @Bean
    UserDetailsService people() {
      return username -> {
        if (!GROUPS.containsKey(username)) {
          throw new UsernameNotFoundException(username);
        }
        return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
      };
    }

    @Bean
    RegisteredClientRepository clients() {
      RegisteredClient application = RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
          .redirectUri(appBase + "/login/oauth2/code/sso")
          .postLogoutRedirectUri(appBase + "/")
          .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
          .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
          .build();
      RegisteredClient machine = RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(MACHINE_CLIENT_ID).clientSecret("{noop}" + MACHINE_CLIENT_SECRET)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .scope("portfolio.read")
          .build();
      return new InMemoryRegisteredClientRepository(application, machine);
    }

    /** A person's tokens name them and carry their groups; a machine's carry its scopes only. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personClaims() {
      return context -> {
        Authentication principal = context.getPrincipal();
        if (principal != null && GROUPS.containsKey(principal.getName())) {
          String person = principal.getName();
          context.getClaims().claim("preferred_username", person)
              .claim("given_name", Character.toUpperCase(person.charAt(0)) + person.substring(1))
              .claim("family_name", "Signed-on")
              .claim("email", person + "@company.example")
              .claim("groups", GROUPS.getOrDefault(person, List.of()));
        }
      };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(UUID.randomUUID().toString()).build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
      return AuthorizationServerSettings.builder().build();
    }
  }
}
