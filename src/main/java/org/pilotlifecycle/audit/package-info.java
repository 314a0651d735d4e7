/**
 * The audit trail: every pilot event and every lifecycle fact (deliverables, checks, gate and steering
 * decisions) as an entry, written in the transaction of what it records, and read through
 * {@code /api/pilots/{key}/history}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.pilotlifecycle.audit;
