package org.pilotlifecycle.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.pilotlifecycle.engine.OrganisationProperties;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.pilot.PeopleDirectory;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deputies for a period (out of office): a named person, or an administrator for them, names one deputy per
 * day; within the period the deputy holds the person's open and new tasks too, sees their pilots, and the
 * audit trail says "D as deputy of P". Days are whole days in the organisation's time zone
 * ({@code pilot.time-zone}), both ends included.
 */
@Service
public class Deputies {

  /** The longest period one naming covers: a year. */
  static final int MAX_DAYS = 366;

  /** The days a period may name: four-digit years, which every database stores and date arithmetic survives. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private final DeputyRepository deputies;
  private final PeopleDirectory directory;
  private final OpenTaskHolders holders;
  private final Clock clock;
  private final OrganisationProperties organisation;

  Deputies(DeputyRepository deputies, PeopleDirectory directory, OpenTaskHolders holders, Clock clock,
      OrganisationProperties organisation) {
    this.deputies = deputies;
    this.directory = directory;
    this.holders = holders;
    this.clock = clock;
    this.organisation = organisation;
  }

  /** Today in the organisation's time zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(organisation.timeZone()));
  }

  /** The deputies standing in for the person today (usually none or one). */
  @Transactional(readOnly = true)
  public List<String> deputiesOf(String principal) {
    return principal == null ? List.of()
        : deputies.activeFor(principal, today()).stream().map(Deputy::getDeputy).distinct().toList();
  }

  /** The people the user stands in for today. */
  @Transactional(readOnly = true)
  public List<String> principalsOf(String deputy) {
    return deputy == null ? List.of()
        : deputies.activeAsDeputy(deputy, today()).stream().map(Deputy::getPrincipal).distinct().toList();
  }

  /** The current and coming periods the user is in (as person or deputy); everyone's for an administrator. */
  @Transactional(readOnly = true)
  public List<Deputy> visibleTo(String user, List<String> groups) {
    return groups.contains(Roles.ADMIN) ? deputies.currentOrComing(today())
        : deputies.currentOrComingOf(user, today());
  }

  /**
   * Names a deputy for a period and moves the person's open tasks to them when it has begun.
   *
   * @param principal the person away; only they or an administrator may name their deputy
   * @throws PeopleException 403 when the actor is neither the person nor an administrator
   * @throws InvalidFieldsException 400: unknown users, the person as their own deputy, a period that ends before
   *     it starts, has ended, exceeds {@value #MAX_DAYS} days or overlaps another of the person's
   */
  @Transactional
  public Deputy name(String principal, String deputy, LocalDate startsOn, LocalDate endsOn, String reason,
      String actor, List<String> actorGroups) {
    requirePersonOrAdmin(principal, actor, actorGroups);
    if (!directory.exists(principal)) {
      throw InvalidFieldsException.of("principal", "no user " + principal);
    }
    if (!directory.exists(deputy)) {
      throw InvalidFieldsException.of("deputy", "no user " + deputy);
    }
    if (principal.equals(deputy)) {
      throw InvalidFieldsException.of("deputy", "a person cannot be their own deputy");
    }
    if (outside(startsOn)) {
      throw InvalidFieldsException.of("startsOn", "must be a day between " + EARLIEST + " and " + LATEST);
    }
    if (outside(endsOn)) {
      throw InvalidFieldsException.of("endsOn", "must be a day between " + EARLIEST + " and " + LATEST);
    }
    if (endsOn.isBefore(startsOn)) {
      throw InvalidFieldsException.of("endsOn", "must not be before startsOn " + startsOn);
    }
    if (endsOn.isBefore(today())) {
      throw InvalidFieldsException.of("endsOn", "the period has already ended (today is " + today() + ")");
    }
    if (java.time.temporal.ChronoUnit.DAYS.between(startsOn, endsOn) >= MAX_DAYS) {
      throw InvalidFieldsException.of("endsOn", "a period covers at most " + MAX_DAYS + " days");
    }
    if (!deputies.overlapping(principal, startsOn, endsOn).isEmpty()) {
      throw InvalidFieldsException.of("startsOn", principal + " already has a deputy on some of these days;"
          + " withdraw that one first");
    }
    Deputy saved = deputies.saveAndFlush(new Deputy(principal, deputy, startsOn, endsOn, reason, actor, clock.instant()));
    if (saved.covers(today())) {
      holders.moveTasksOf(principal, deputy);
    }
    return saved;
  }

  /**
   * Withdraws a period: one that begins today or later is deleted, one under way ends yesterday, and the deputy's hold on the
   * person's tasks ends with it.
   *
   * @throws PeopleException 404 for an unknown (or someone else's) period, 403 for a deputy withdrawing it
   */
  @Transactional
  public void withdraw(long id, String actor, List<String> actorGroups) {
    Deputy period = deputies.findById(id)
        .filter(found -> actorGroups.contains(Roles.ADMIN) || actor.equals(found.getPrincipal())
            || actor.equals(found.getDeputy()))
        .orElseThrow(() -> PeopleException.notFound("No deputy period " + id));
    requirePersonOrAdmin(period.getPrincipal(), actor, actorGroups);
    LocalDate today = today();
    if (period.getEndsOn().isBefore(today)) {
      return;
    }
    if (period.getStartsOn().isBefore(today)) {
      period.endBefore(today);
    } else {
      deputies.delete(period);
    }
    deputies.flush();
    holders.moveTasksOf(period.getPrincipal(), period.getDeputy());
  }

  private static boolean outside(LocalDate day) {
    return day.isBefore(EARLIEST) || day.isAfter(LATEST);
  }

  private static void requirePersonOrAdmin(String principal, String actor, List<String> actorGroups) {
    if (actor == null || !(actor.equals(principal) || actorGroups.contains(Roles.ADMIN))) {
      throw PeopleException.forbidden("Only " + principal
          + " or an administrator may name or withdraw " + principal + "'s deputy");
    }
  }
}
