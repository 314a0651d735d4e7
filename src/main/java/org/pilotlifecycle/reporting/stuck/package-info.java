/** The stuck list: pilots overdue, with a failed check's incident, or with a gate waiting too long; {@code /api/pilots/stuck}. */
package org.pilotlifecycle.reporting.stuck;
