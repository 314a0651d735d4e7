package org.pilotlifecycle.security;

import static org.pilotlifecycle.framework.Roles.ADMIN;
import static org.pilotlifecycle.framework.Roles.AI_PRODUCT_OWNER;

import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.pilotlifecycle.framework.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The application's edge. {@code /api/**} and {@code /engine-rest/**} take HTTP Basic credentials of
 * Camunda users, statelessly (reads also with a webapp login, for the webapps' plugins); the engine
 * then checks its own authorizations for the user. {@code /api} also takes machine tokens (bearer JWTs,
 * {@link BearerTokens}): each reaches only its scope's endpoints, never the engine's APIs nor the webapps. The
 * webapps under {@code /camunda/**} keep their own session login and CSRF protection; the Admin
 * webapp's first-user set-up is closed for good. With single sign-on ({@link SsoProperties}) the webapps sign people
 * in through the company's OpenID Connect provider ({@link SsoConfiguration}), and {@code /api} and
 * {@code /engine-rest} also take the provider's access tokens of people ({@link BearerTokens}).
 */
@Configuration
class SecurityConfiguration {

  static final String SETUP_ENDPOINT = "/camunda/api/admin/setup/**";

  private static final String[] ALL_GROUPS =
      Stream.concat(Roles.WORKING_GROUPS.stream(), Stream.of(ADMIN)).toArray(String[]::new);

  private static final String[] PORTFOLIO_READERS =
      Stream.concat(Stream.of(ALL_GROUPS), Stream.of(MachineScope.PORTFOLIO_READ.authority())).toArray(String[]::new);

  /** Authenticated, and as a person: a machine token never reaches the engine's APIs. */
  private static org.springframework.security.authorization.AuthorizationDecision peopleOnly(
      java.util.function.Supplier<org.springframework.security.core.Authentication> authentication,
      org.springframework.security.web.access.intercept.RequestAuthorizationContext context) {
    org.springframework.security.core.Authentication caller = authentication.get();
    return new org.springframework.security.authorization.AuthorizationDecision(
        new org.springframework.security.authentication.AuthenticationTrustResolverImpl().isAuthenticated(caller)
            && !MachineTokenAuthentication.isMachine(caller)
            // A person signed in by the provider without a product group is refused (SsoPeople).
            && !PersonTokenAuthentication.withoutGroups(caller));
  }

  /** Before everything else, so that no filter or servlet parses what it refuses; see {@link MalformedRequestGuard}. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<MalformedRequestGuard> malformedRequestGuard(
      ProblemResponses problems) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new MalformedRequestGuard(problems));
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** After Spring Security, so that it sees who is calling; see {@link QueryExpressionGuard}. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(
      ProblemResponses problems) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new QueryExpressionGuard(problems));
    registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** Matches the path below the context path, whichever servlet (MVC, Jersey, webapps) serves it. */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, IdentityService identityService,
      BearerTokens bearerTokens) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/api/machine-tokens"), path("/api/machine-tokens/**")).hasAuthority(ADMIN)
            .requestMatchers(path(HttpMethod.POST, "/api/pilots"), path(HttpMethod.POST, "/api/pilots/import"))
            .hasAnyAuthority(AI_PRODUCT_OWNER, ADMIN)
            // A machine token reaches only its scope's endpoints; people's groups reach the whole API.
            .requestMatchers(path(HttpMethod.GET, "/api/portfolio"), path(HttpMethod.GET, "/api/portfolio/**"),
                path(HttpMethod.GET, "/api/export/pilots.csv"))
            .hasAnyAuthority(PORTFOLIO_READERS)
            // Monitoring tools' machine credential sends signals, and nothing else (issue 15).
            .requestMatchers(path(HttpMethod.POST, "/api/pilots/*/signals")).hasAnyAuthority(MachineScope.SIGNALS_SEND.authority(), ADMIN)
            .requestMatchers(path("/api/**")).hasAnyAuthority(ALL_GROUPS)
            // The engine checks each engine-rest call against the user's Camunda authorizations: people only.
            .anyRequest().access(SecurityConfiguration::peopleOnly))
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(bearerTokens.resolver())
            .authenticationEntryPoint(problems.bearer()).accessDeniedHandler(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // Stateless; and a read with the webapps' login must never rotate their session id under them.
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // Stateless Basic authentication: no cookie to forge a request with.
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .addFilterBefore(new WebappSessionAuthenticationFilter(),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher(path("/actuator/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info")).permitAll()
            .anyRequest().hasAuthority(ADMIN))
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * Webapps, API docs and the rest: the webapps authenticate and protect against CSRF themselves. With single sign-on
   * on, {@link SsoConfiguration}'s chain takes its place.
   */
  @Bean
  @Order(3)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "pilot.security.sso.enabled",
      havingValue = "false", matchIfMissing = true)
  SecurityFilterChain webappSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(SETUP_ENDPOINT)).denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) ->
                problems.write(request, response, org.springframework.http.HttpStatus.FORBIDDEN,
                    "The first-user set-up is disabled: the administrator is created at start-up."))
            .accessDeniedHandler(problems))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .build();
  }
}
