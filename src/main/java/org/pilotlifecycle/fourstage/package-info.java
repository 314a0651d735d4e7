/**
 * The four-stage scaling framework ({@code bpmn/FourStageScaling.bpmn}): its element ids and variables, its
 * settings, the gap-score rule, and the delegates the diagram calls ({@code process}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Four-stage scaling")
package org.pilotlifecycle.fourstage;
