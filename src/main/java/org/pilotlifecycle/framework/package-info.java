/**
 * The vocabulary of the two frameworks, free of the engine: {@link org.pilotlifecycle.framework.Framework},
 * the {@link org.pilotlifecycle.framework.Step step catalogue} (phases, stages, their gates, default durations
 * and diagram ids), the roles, the decisions and outcomes, the four-eyes and due-date rules, and per-pilot step
 * durations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Framework vocabulary")
package org.pilotlifecycle.framework;
