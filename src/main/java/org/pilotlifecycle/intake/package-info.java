/**
 * The pilot intake ({@code bpmn/PilotIntake.bpmn}): registration through {@code POST /api/pilots} or
 * Tasklist's start form, the risk tier, confirmation or withdrawal, and the hand-over to a framework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.pilotlifecycle.intake;
