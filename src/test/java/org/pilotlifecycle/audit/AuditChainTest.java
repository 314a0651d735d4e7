package org.pilotlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tamper-evident audit trail (issue 16): every entry carries a SHA-256 over its canonical content and the
 * previous entry's hash of the same pilot; changing, removing or inserting a row in the database makes the
 * verification name the first entry where the chain breaks; the nightly verification reports broken chains as a
 * stuck reason (and so as the metric pilot_stuck{reason="AUDIT_TRAIL_BROKEN"}). Runs on H2 and again on PostgreSQL
 * (reliability), where the row lock that serialises concurrent writers is PostgreSQL's.
 */
@org.junit.jupiter.api.Tag("reliability")
class AuditChainTest extends IntegrationTestSupport {

  @Autowired PilotAuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void forgetFindings() {
    // Other tests' stuck lists must not see this test's deliberately broken chains.
    jdbc.update("delete from audit_chain_break");
  }

  private String pilotWithEntries(int entries) {
    String key = Registrations.newKey("CHAIN");
    registry.register(Registrations.lowRisk(key, Framework.FIVE_PHASE), "instance-" + key, "paul");
    for (int i = 0; i < entries; i++) {
      auditTrail.record(key, AuditRecord.of(AuditEntryType.DELIVERABLE_SUBMITTED, "OUTCOME_DEFINITION")
          .name("Deliverable " + i).actor("paul").reason("Version " + i + " — ünïcödé ✓"));
    }
    return key;
  }

  private List<Long> ids(String key) {
    return jdbc.queryForList("select e.id from pilot_event e join pilot p on p.id = e.pilot_id where p.pilot_key = ?"
        + " order by e.id", Long.class, key);
  }

  private JsonNode verify(String key, String user) {
    return http().get("/api/pilots/" + key + "/history/verify", user).json();
  }

  @Test
  void everyEntryLinksToTheOneBeforeItAndTheChainHeadIsTheLatestHash() {
    String key = pilotWithEntries(3);
    JsonNode verification = verify(key, "olivia");
    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    List<java.util.Map<String, Object>> rows = jdbc.queryForList("select e.previous_hash, e.entry_hash from pilot_event e"
        + " join pilot p on p.id = e.pilot_id where p.pilot_key = ? order by e.id", key);
    assertThat(verification.path("entries").asInt()).isEqualTo(rows.size()).isGreaterThanOrEqualTo(3);
    assertThat(rows.get(0).get("previous_hash")).isEqualTo(AuditChain.GENESIS);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("previous_hash")).isEqualTo(rows.get(i - 1).get("entry_hash"));
    }
    assertThat(verification.path("head").asText()).isEqualTo(rows.get(rows.size() - 1).get("entry_hash"))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void changingOneRowInTheDatabaseMakesTheVerificationNameThatRow() {
    String key = pilotWithEntries(4);
    long changed = ids(key).get(2);
    jdbc.update("update pilot_event set actor = 'mallory' where id = ?", changed);

    JsonNode verification = verify(key, "olivia");
    assertThat(verification.path("intact").asBoolean()).isFalse();
    assertThat(verification.path("brokenAt").path("entryId").asLong()).isEqualTo(changed);
    assertThat(verification.path("brokenAt").path("problem").asText()).contains("was changed");
  }

  @Test
  void removingARowBreaksTheChainAtTheEntryAfterIt() {
    String key = pilotWithEntries(4);
    List<Long> ids = ids(key);
    jdbc.update("delete from pilot_event where id = ?", ids.get(1));

    JsonNode verification = verify(key, "olivia");
    assertThat(verification.path("intact").asBoolean()).isFalse();
    assertThat(verification.path("brokenAt").path("entryId").asLong()).isEqualTo(ids.get(2));
    assertThat(verification.path("brokenAt").path("problem").asText()).contains("removed, inserted or reordered");
  }

  @Test
  void theNightlyVerificationReportsABrokenChainAsAStuckReasonUntilItIsIntactAgain() {
    String key = pilotWithEntries(2);
    long changed = ids(key).get(1);
    String reason = jdbc.queryForObject("select reason from pilot_event where id = ?", String.class, changed);
    jdbc.update("update pilot_event set reason = 'rewritten' where id = ?", changed);

    List<AuditChainVerification> broken = auditTrail.verifyAll();
    assertThat(broken).extracting(AuditChainVerification::pilotKey).contains(key);
    JsonNode counts = http().get("/api/pilots/stuck/counts", "sam").json();
    assertThat(counts.path("AUDIT_TRAIL_BROKEN").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode stuck = http().get("/api/pilots/stuck?size=200", "sam").json();
    List<String> rows = new ArrayList<>();
    stuck.path("content").forEach(row -> rows.add(row.path("pilotKey").asText() + ":" + row.path("reason").asText()));
    assertThat(rows).contains(key + ":AUDIT_TRAIL_BROKEN");
    assertThat(http().get("/api/pilots/stuck/counts", "oscar").json().path("AUDIT_TRAIL_BROKEN").asLong())
        .as("oscar does not see the pilot").isLessThan(counts.path("AUDIT_TRAIL_BROKEN").asLong());

    jdbc.update("update pilot_event set reason = ? where id = ?", reason, changed);
    assertThat(auditTrail.verifyAll()).extracting(AuditChainVerification::pilotKey).doesNotContain(key);
    assertThat(auditTrail.brokenChainList()).extracting(PilotAuditTrail.BrokenChain::pilotKey).doesNotContain(key);
  }

  @Test
  void entriesWrittenBeforeTheChainExistedAreChainedBeforeTheNextOne() {
    String key = pilotWithEntries(2);
    jdbc.update("update pilot_event set previous_hash = null, entry_hash = null where pilot_id ="
        + " (select id from pilot where pilot_key = ?)", key);
    assertThat(verify(key, "olivia").path("intact").asBoolean()).isFalse();

    auditTrail.record(key, AuditRecord.of(AuditEntryType.DELIVERABLE_SUBMITTED, "OUTCOME_DEFINITION").name("After"));
    JsonNode verification = verify(key, "olivia");
    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();

    // At start-up, pilots with nothing new written are chained as well.
    String idle = pilotWithEntries(2);
    jdbc.update("update pilot_event set previous_hash = null, entry_hash = null where pilot_id ="
        + " (select id from pilot where pilot_key = ?)", idle);
    assertThat(auditTrail.chainUnchained()).isGreaterThanOrEqualTo(1);
    assertThat(verify(idle, "olivia").path("intact").asBoolean()).isTrue();
  }

  @Test
  void concurrentWritersExtendOneChain() throws Exception {
    String key = pilotWithEntries(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<AuditEntry>> writers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int n = i;
        writers.add(() -> auditTrail.record(key, AuditRecord.of(AuditEntryType.DELIVERABLE_SUBMITTED,
            "OUTCOME_DEFINITION").name("Concurrent " + n)));
      }
      for (Future<AuditEntry> written : pool.invokeAll(writers)) {
        written.get();
      }
    } finally {
      pool.shutdown();
    }
    JsonNode verification = verify(key, "olivia");
    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("entries").asInt()).isGreaterThanOrEqualTo(17);
  }

  @Test
  void aPilotTheCallerDoesNotSeeIs404() {
    String key = pilotWithEntries(1);
    Http.Response refused = http().get("/api/pilots/" + key + "/history/verify", "oscar");
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.contentType()).startsWith("application/problem+json");
  }
}
