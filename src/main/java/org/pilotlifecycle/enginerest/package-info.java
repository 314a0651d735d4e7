/**
 * Hardening of Camunda's own REST and webapp APIs: form submissions checked against the deployed form,
 * concurrent and vanished tasks answered as conflicts, and every engine error as problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine REST hardening")
package org.pilotlifecycle.enginerest;
