/**
 * The glue both framework diagrams call: a step starts with its due date, its overdue timer and the steering
 * committee's decisions on it, gate decisions with the four-eyes rule, readiness-check outcomes, and the typed
 * reader of process variables those delegates share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lifecycle process glue")
package org.pilotlifecycle.lifecycle;
