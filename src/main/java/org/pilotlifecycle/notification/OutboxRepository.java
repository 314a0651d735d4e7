package org.pilotlifecycle.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

  List<OutboxMail> findBySentAtIsNullAndFailedAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(Instant now,
      Pageable pageable);

  @Query("select m.id from OutboxMail m where m.sentAt < :cutoff order by m.id")
  List<Long> findSentBefore(@Param("cutoff") Instant cutoff, Pageable pageable);

  /** Deletes those of the mails that are still there and were sent before the cutoff; a bulk delete, so a mail
   * another node deleted first is simply not counted. */
  @Modifying
  @Query("delete from OutboxMail m where m.id in :ids and m.sentAt < :cutoff")
  int deleteSentBefore(@Param("ids") List<Long> ids, @Param("cutoff") Instant cutoff);
}
