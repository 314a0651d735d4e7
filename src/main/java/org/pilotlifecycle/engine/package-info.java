/**
 * Small helpers for code that runs with the Camunda engine: the acting user, queries as the system, the
 * engine's clock as the application's, and the translation of domain exceptions at the engine boundary.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine helpers")
package org.pilotlifecycle.engine;
