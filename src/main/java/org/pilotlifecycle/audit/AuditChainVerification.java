package org.pilotlifecycle.audit;

import java.time.Instant;

/**
 * Whether a pilot's audit trail is intact: every entry links to the one before it and its content matches its
 * hash ({@link AuditChain}).
 *
 * @param entries how many entries the trail has
 * @param head the latest entry's hash: printed in the audit dossier, so that a trail cut short after it was printed
 *     shows too
 * @param brokenAt the first entry where the chain breaks; null when intact
 */
public record AuditChainVerification(String pilotKey, boolean intact, int entries, String head, Break brokenAt) {

  /** @param problem what is wrong with the entry, e.g. its content does not match its hash (it was changed) */
  public record Break(long entryId, Instant occurredAt, AuditEntryType type, String problem) {
  }
}
