/**
 * Spring Security for the application's API, the engine REST API and the webapps: authentication against the
 * engine's users, machine tokens (bearer JWTs for service accounts, each reaching only its scope's endpoints, issued
 * and revoked by administrators under {@code /api/machine-tokens}), single sign-on through the company's OpenID Connect
 * provider ({@code pilot.security.sso.*}, off by default: {@link org.pilotlifecycle.security.SsoProperties}), and the
 * guard against expressions in engine queries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.pilotlifecycle.security;
