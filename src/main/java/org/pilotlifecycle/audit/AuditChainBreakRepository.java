package org.pilotlifecycle.audit;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuditChainBreakRepository extends JpaRepository<AuditChainBreak, Long> {
}
