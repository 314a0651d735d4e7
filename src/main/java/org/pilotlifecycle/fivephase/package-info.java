/**
 * The five-phase operationalization framework ({@code bpmn/FivePhaseOperationalization.bpmn}): its element
 * ids and variables, its settings, the delegates the diagram calls ({@code process}) and the readiness-check
 * rules ({@code checks}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Five-phase operationalization")
package org.pilotlifecycle.fivephase;
