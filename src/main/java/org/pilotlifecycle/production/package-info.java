/**
 * A pilot in production until it is retired ({@code bpmn/ProductionOperations.bpmn}): value checkpoints with the
 * KPIs measured, periodic re-certification, monitoring signals ({@code POST /api/pilots/{key}/signals}) and their
 * reviews, the monthly executive review, pausing and retirement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production operations")
package org.pilotlifecycle.production;
