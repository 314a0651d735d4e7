/**
 * The pilot aggregate: registration and its validation, the transitions that guard the pilot's state and
 * publish {@link org.pilotlifecycle.pilot.PilotEvent domain events}, the registry that stores pilots, and
 * the read API under {@code /api/pilots}. No Camunda.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pilot")
package org.pilotlifecycle.pilot;
