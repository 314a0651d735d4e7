/**
 * What starts with the engine: deployment of {@code bpmn/} and {@code forms/}, the demo identity and its
 * authorizations, the shared Tasklist filters, the start-up lock of a cluster, PostgreSQL statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bootstrap")
package org.pilotlifecycle.bootstrap;
