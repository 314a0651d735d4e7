package org.pilotlifecycle.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain that makes a pilot's audit trail tamper-evident (issue 16): each entry's hash is SHA-256 over the
 * previous entry's hash of the same pilot and the entry's canonical content, so changing, removing or inserting an
 * entry breaks every hash after it. Canonical content, version 1: the pilot's id, the time in microseconds since the
 * epoch (what the database keeps), type, phase or stage, name, actor, outcome, reason and details, each written as
 * its length in UTF-16 code units, a colon and the text (null as {@code -1:}), so that no two contents share a form.
 */
public final class AuditChain {

  /** The previous hash of a pilot's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {
  }

  /** SHA-256 of the previous hash and the entry's canonical content, as 64 lower-case hex digits. */
  public static String hash(String previousHash, AuditEntry entry) {
    return sha256(previousHash + "\n" + canonical(entry));
  }

  static String canonical(AuditEntry entry) {
    StringBuilder text = new StringBuilder("v1;");
    field(text, String.valueOf(entry.getPilotId()));
    field(text, String.valueOf(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, entry.getOccurredAt())));
    field(text, entry.getType() == null ? null : entry.getType().name());
    field(text, entry.getStep());
    field(text, entry.getName());
    field(text, entry.getActor());
    field(text, entry.getOutcome());
    field(text, entry.getReason());
    field(text, entry.getDetails());
    return text.toString();
  }

  private static void field(StringBuilder text, String value) {
    if (value == null) {
      text.append("-1:;");
    } else {
      text.append(value.length()).append(':').append(value).append(';');
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
