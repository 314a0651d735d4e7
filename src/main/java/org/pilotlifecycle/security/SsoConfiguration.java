package org.pilotlifecycle.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on for the webapps (with {@code pilot.security.sso.enabled=true}; see {@link SsoProperties}), built as
 * Camunda's {@code camunda-bpm-spring-boot-starter-security} builds it: Spring Security's OAuth 2.0 login on the
 * webapps' paths, and Camunda's {@code ContainerBasedAuthenticationFilter} with {@link SsoWebappAuthenticationProvider}
 * turning the signed-in person into the webapps' login. In place of the default webapp chain of
 * {@link SecurityConfiguration}:
 * <ul>
 *   <li>{@code /camunda/app/**} and {@code /camunda/api/**} need a sign-in: a page redirects to the provider, an XHR
 *       gets a 401 problem. A person the provider grants no product group, or an unknown user with
 *       {@code unknown-users: REFUSE}, is refused with a 403 problem ({@link SsoPeople}).
 *   <li>{@code /logout} (GET or POST) ends the application's session and then the provider's (OpenID Connect
 *       RP-initiated logout: the browser goes to the provider's {@code end_session_endpoint} and back to
 *       {@code post-logout-redirect-uri}). The webapps' own logout button ends the application's session and, through
 *       the webapps' {@code scripts/sso-logout.js}, continues at {@code /logout}. When the application's session
 *       ends otherwise (it times out), the same script loads the page again, and the provider signs the person in
 *       again.
 * </ul>
 * The provider's discovery document is read on the first sign-in, so the application starts while it is unreachable.
 */
@Configuration
@ConditionalOnProperty(name = "pilot.security.sso.enabled", havingValue = "true")
class SsoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SsoConfiguration.class);

  /** The webapps' own logout (Camunda's UserAuthenticationResource), which their logout button calls. */
  static final String WEBAPP_LOGOUT = "/api/admin/auth/user/*/logout";
  /** Logout through the provider. */
  static final String LOGOUT = "/logout";
  /** The one script that knows the logout goes through the provider; a no-op without single sign-on. */
  static final String LOGOUT_SCRIPT = "/scripts/sso-logout.js";
  /**
   * Set by the webapps' own logout for the script, which then continues at {@link #LOGOUT}; without it, the webapps'
   * login page means the session ended otherwise (it timed out), and the script signs in again.
   */
  static final String LOGGED_OUT_COOKIE = "pilot-sso-logged-out";

  private final String webapps;

  SsoConfiguration(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.webapps = webapps;
  }

  @Bean
  SsoPeople ssoPeople(SsoProperties properties, IdentityService identityService,
      @Value("${pilot.identity.admin-user:admin}") String administrator) {
    LOG.info("Single sign-on through {} (client {}); unknown users: {}", properties.issuerUri(), properties.clientId(),
        properties.unknownUsers());
    return new SsoPeople(properties, identityService, administrator);
  }

  @Bean
  ClientRegistrationRepository ssoClientRegistrations(SsoProperties properties) {
    return new ProviderRegistration(properties);
  }

  /** The person's tokens live in their session (and go with it): nothing to clean up, nothing shared between nodes. */
  @Bean
  org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository ssoAuthorizedClients() {
    return new org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository();
  }

  /** Camunda's filter that turns the signed-in person into the webapps' login; after Spring Security. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> ssoWebappAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Container Based Authentication Filter");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SsoWebappAuthenticationProvider.class.getName()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  @Order(3)
  SecurityFilterChain ssoWebappSecurity(HttpSecurity http, ProblemResponses problems, SsoPeople people,
      ClientRegistrationRepository registrations,
      org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository authorizedClients)
      throws Exception {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(path(webapps + "/api/**"), (request, response, e) ->
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign in first: open the webapps in the browser."));
    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
    entryPoint.setDefaultEntryPoint(
        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + SsoProperties.REGISTRATION_ID));
    OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    providerLogout.setPostLogoutRedirectUri(people.properties().postLogoutRedirectUri());
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(SecurityConfiguration.SETUP_ENDPOINT)).denyAll()
            .requestMatchers(path(webapps + LOGOUT_SCRIPT), path(webapps + "/app/*" + LOGOUT_SCRIPT)).permitAll()
            .requestMatchers(path(webapps + "/app/**"), path(webapps + "/api/**")).authenticated()
            .anyRequest().permitAll())
        .oauth2Login(login -> login
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn(people)))
            .failureHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                e instanceof OAuth2AuthenticationException refused && "access_denied".equals(refused.getError().getErrorCode())
                    ? refused.getError().getDescription()
                    : "The sign-in at the identity provider did not succeed.")))
        .logout(logout -> logout
            .logoutRequestMatcher(path(LOGOUT))
            .addLogoutHandler(WebappLogoutFilter::recallIdToken)
            .invalidateHttpSession(true)
            .clearAuthentication(true)
            .deleteCookies(LOGGED_OUT_COOKIE)
            .logoutSuccessHandler((request, response, authentication) -> providerLogout.onLogoutSuccess(request,
                response, authentication != null ? authentication : WebappLogoutFilter.recalled(request))))
        .addFilterBefore(new WebappLogoutFilter(path(webapps + WEBAPP_LOGOUT)),
            org.springframework.security.web.authentication.logout.LogoutFilter.class)
        .addFilterBefore(new LogoutScriptFilter(webapps), org.springframework.security.web.authentication.logout.LogoutFilter.class)
        .addFilterBefore(new ProviderReachable(registrations, problems),
            org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter.class)
        .addFilterAfter(new ProviderStillSignsIn(
                new org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager(registrations,
                    authorizedClients)),
            org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(problems))
        // The webapps protect their API against CSRF themselves; the sign-in is protected by OAuth 2.0's state.
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /** The provider's ID token (and user info) signs the person in: {@link SsoPeople} maps, provisions or refuses. */
  private static OAuth2UserService<OidcUserRequest, OidcUser> signIn(SsoPeople people) {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser user = provider.loadUser(request);
      try {
        List<String> groups = people.signIn(user.getClaims());
        Set<GrantedAuthority> authorities = new java.util.LinkedHashSet<>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(group)));
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), people.properties().userIdClaim());
      } catch (SsoPeople.Refused refused) {
        LOG.info("Single sign-on refused: {}", refused.getMessage());
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", refused.getMessage(), null),
            refused.getMessage());
      }
    };
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /**
   * The provider as a client registration, from its discovery document on first use (and again after a failure),
   * so that the application starts while the provider is unreachable.
   */
  static final class ProviderRegistration implements ClientRegistrationRepository {

    private final SsoProperties properties;
    private volatile ClientRegistration registration;

    ProviderRegistration(SsoProperties properties) {
      this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
      if (!SsoProperties.REGISTRATION_ID.equals(registrationId)) {
        return null;
      }
      ClientRegistration found = registration;
      if (found == null) {
        synchronized (this) {
          if (registration == null) {
            registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(SsoProperties.REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                // SsoPeople names the person; "sub" is always there, so a missing user-id claim is a refusal, not an error.
                .userNameAttributeName("sub")
                .build();
          }
          found = registration;
        }
      }
      return found;
    }
  }

  /**
   * Keeps a signed-in person's session only while the provider stands by them (what the Camunda starter's
   * {@code AuthorizeTokenFilter} does): on each request, an access token past its expiry is refreshed at the provider;
   * when the provider refuses (the person was disabled or their session at the provider ended) or there is no token to
   * refresh, the application's session ends, and the next page goes to the provider's sign-in again.
   */
  static final class ProviderStillSignsIn extends OncePerRequestFilter {

    private final org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager clients;

    ProviderStillSignsIn(org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager clients) {
      this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (SecurityContextHolder.getContext().getAuthentication()
          instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken person) {
        boolean holds;
        try {
          var client = clients.authorize(org.springframework.security.oauth2.client.OAuth2AuthorizeRequest
              .withClientRegistrationId(person.getAuthorizedClientRegistrationId())
              .principal(person)
              .attributes(attributes -> {
                attributes.put(HttpServletRequest.class.getName(), request);
                attributes.put(HttpServletResponse.class.getName(), response);
              })
              .build());
          holds = client != null && client.getAccessToken().getExpiresAt() != null
              && java.time.Instant.now().isBefore(client.getAccessToken().getExpiresAt());
        } catch (org.springframework.security.oauth2.core.OAuth2AuthorizationException refused) {
          holds = false;
        }
        if (!holds) {
          LOG.info("The provider no longer signs {} in: their session ends", person.getName());
          SecurityContextHolder.clearContext();
          jakarta.servlet.http.HttpSession session = request.getSession(false);
          if (session != null) {
            session.invalidate();
          }
        }
      }
      chain.doFilter(request, response);
    }
  }

  /**
   * A sign-in needs the provider's discovery document: while the provider cannot be reached, the start of a sign-in
   * ({@code /oauth2/authorization/sso}) answers 503 with a problem, and the start of one at a provider that is not
   * configured ({@code /oauth2/authorization/<anything else>}) 404, not Spring Security's bare 500.
   */
  static final class ProviderReachable extends OncePerRequestFilter {

    private final ClientRegistrationRepository registrations;
    private final ProblemResponses problems;

    ProviderReachable(ClientRegistrationRepository registrations, ProblemResponses problems) {
      this.registrations = registrations;
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/oauth2/authorization/")) {
        if (!path.equals("/oauth2/authorization/" + SsoProperties.REGISTRATION_ID)) {
          problems.write(request, response, HttpStatus.NOT_FOUND,
              "There is no such identity provider: sign in at /oauth2/authorization/" + SsoProperties.REGISTRATION_ID);
          return;
        }
        try {
          registrations.findByRegistrationId(SsoProperties.REGISTRATION_ID);
        } catch (RuntimeException unreachable) {
          LOG.warn("The identity provider cannot be reached: {}", unreachable.getMessage());
          problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
              "The identity provider cannot be reached; try again later.");
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }

  /**
   * The webapps' own logout under single sign-on: ends the application's session (its Spring Security login and the
   * webapps' login in it) and answers as the webapps expect; the provider's session is ended by {@code /logout}, which
   * the webapps' {@code sso-logout.js} opens next. The ID token the provider wants to hear of then is kept for it in a
   * new session, which holds nothing else.
   */
  static final class WebappLogoutFilter extends OncePerRequestFilter {

    private static final String ID_TOKEN = WebappLogoutFilter.class.getName() + ".idToken";

    /** A logout handler of {@code /logout}: the ID token kept by the webapps' logout, before the session goes. */
    static void recallIdToken(HttpServletRequest request, HttpServletResponse response,
        org.springframework.security.core.Authentication authentication) {
      jakarta.servlet.http.HttpSession session = request.getSession(false);
      if (session != null && session.getAttribute(ID_TOKEN) instanceof org.springframework.security.oauth2.core.oidc.OidcIdToken token) {
        request.setAttribute(ID_TOKEN, token);
      }
    }

    /** The person of the ID token {@link #recallIdToken} found, for the provider's logout; null without one. */
    static org.springframework.security.core.Authentication recalled(HttpServletRequest request) {
      if (request.getAttribute(ID_TOKEN) instanceof org.springframework.security.oauth2.core.oidc.OidcIdToken token) {
        return new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(
            new DefaultOidcUser(List.of(), token), List.of(), SsoProperties.REGISTRATION_ID);
      }
      return null;
    }

    private final RequestMatcher matcher;

    WebappLogoutFilter(RequestMatcher matcher) {
      this.matcher = matcher;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!"POST".equals(request.getMethod()) || !matcher.matches(request)) {
        chain.doFilter(request, response);
        return;
      }
      org.springframework.security.core.Authentication person = SecurityContextHolder.getContext().getAuthentication();
      new SecurityContextLogoutHandler().logout(request, response, person);
      if (person instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken signedIn
          && signedIn.getPrincipal() instanceof OidcUser user) {
        request.getSession(true).setAttribute(ID_TOKEN, user.getIdToken());
      }
      // For the script only (no secret in it): this was a logout, not a session that timed out.
      jakarta.servlet.http.Cookie loggedOut = new jakarta.servlet.http.Cookie(LOGGED_OUT_COOKIE, "1");
      loggedOut.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
      loggedOut.setMaxAge(120);
      loggedOut.setAttribute("SameSite", "Lax");
      response.addCookie(loggedOut);
      response.setStatus(HttpStatus.OK.value());
    }
  }

  /** Serves the active {@code sso-logout.js} to the webapps in place of their no-op one. */
  static final class LogoutScriptFilter extends OncePerRequestFilter {

    private static final String SCRIPT = """
        // Single sign-on (served by SsoConfiguration). The webapps show their login page when their session is gone:
        // after their own logout (which ends the application's session and sets a marker cookie), the browser continues
        // at %1$s, which ends the provider's session too; when the session ended otherwise (it timed out), the page is
        // loaded again and the provider signs the person in again.
        const loggedOut = () => document.cookie.split(';').some((c) => c.trim().startsWith('%2$s='));
        // A page opened at the login page (a bookmark) goes to the start page: the person is signed in already.
        if (window.location.hash.startsWith('#/login')) {
          window.location.hash = '#/';
        }
        window.addEventListener('hashchange', () => {
          if (window.location.hash.startsWith('#/login')) {
            if (loggedOut()) {
              window.location.href = '%1$s';
            } else {
              window.location.replace(window.location.pathname);
            }
          }
        });
        export default [];
        """;

    private final String webapps;

    LogoutScriptFilter(String webapps) {
      this.webapps = webapps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!"GET".equals(request.getMethod()) || !path.startsWith(webapps + "/app/") || !path.endsWith(LOGOUT_SCRIPT)) {
        chain.doFilter(request, response);
        return;
      }
      response.setContentType("text/javascript;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write(SCRIPT.formatted(LOGOUT, LOGGED_OUT_COOKIE));
    }
  }
}
