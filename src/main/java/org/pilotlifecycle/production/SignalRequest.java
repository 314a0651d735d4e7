package org.pilotlifecycle.production;

/**
 * The body of {@code POST /api/pilots/{key}/signals}; read as text and checked field by field, so that every bad
 * field is named in the problem details.
 *
 * @param type DRIFT, INCIDENT or KPI_BREACH
 * @param severity LOW, MEDIUM, HIGH or CRITICAL
 * @param source the tool or check that raised it, e.g. "evidently drift monitor"
 * @param description what it observed
 * @param idempotencyKey the sender's key of the signal: a repeated key is the same signal
 */
public record SignalRequest(String type, String severity, String source, String description, String idempotencyKey) {
}
