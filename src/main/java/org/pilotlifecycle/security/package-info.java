/**
 * Spring Security for the application's API, the engine REST API and the webapps: authentication against the
 * engine's users, and the guard against expressions in engine queries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.pilotlifecycle.security;
