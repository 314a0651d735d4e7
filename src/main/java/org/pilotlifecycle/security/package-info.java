/**
 * Spring Security for the application's API, the engine REST API and the webapps: authentication against the
 * engine's users, machine tokens (bearer JWTs for service accounts, each reaching only its scope's endpoints, issued
 * and revoked by administrators under {@code /api/machine-tokens}), and the guard against expressions in engine
 * queries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.pilotlifecycle.security;
