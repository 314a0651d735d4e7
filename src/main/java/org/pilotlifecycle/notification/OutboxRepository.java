package org.pilotlifecycle.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

  List<OutboxMail> findBySentAtIsNullAndFailedAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(Instant now,
      Pageable pageable);
}
