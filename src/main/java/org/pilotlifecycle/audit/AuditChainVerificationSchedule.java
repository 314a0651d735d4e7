package org.pilotlifecycle.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Chains the entries written before the chain existed once the application is ready, and verifies every pilot's
 * chain on {@code pilot.audit.verify-cron} (nightly by default): a broken chain is kept in {@code audit_chain_break}
 * until a later run finds it intact, shown as the metric {@code pilot_audit_chains_broken} and in the log. Every
 * node may run it; each run replaces the findings of the one before.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "pilot.audit.scheduled", havingValue = "true", matchIfMissing = false)
class AuditChainVerificationSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(AuditChainVerificationSchedule.class);

  private final PilotAuditTrail auditTrail;

  AuditChainVerificationSchedule(PilotAuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @EventListener(ApplicationReadyEvent.class)
  void chainEarlierEntries() {
    int pilots = auditTrail.chainUnchained();
    if (pilots > 0) {
      LOG.info("Chained the earlier audit entries of {} pilot(s)", pilots);
    }
  }

  @Scheduled(cron = "${pilot.audit.verify-cron:0 15 2 * * *}")
  void verify() {
    var broken = auditTrail.verifyAll();
    broken.forEach(chain -> LOG.error("The audit trail of {} is broken at entry {}: {}", chain.pilotKey(),
        chain.brokenAt().entryId(), chain.brokenAt().problem()));
  }
}
