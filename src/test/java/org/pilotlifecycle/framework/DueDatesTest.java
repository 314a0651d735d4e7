package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.web.InvalidFieldsException;

class DueDatesTest {

  private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** The clock at a local date and time of the zone. */
  private static Clock at(String localDateTime, ZoneId zone) {
    return Clock.fixed(java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), zone);
  }

  @Test
  void aDateIsTheEndOfThatDayInTheOrganisationsZone() {
    assertThat(DueDates.parse("2030-02-01", "newDueDate", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2030-02-01T23:59:59.999Z"));
    assertThat(DueDates.parse(" 2030-02-01 ", "newDueDate", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2030-02-01T23:59:59.999Z"));
    assertThat(DueDates.parse("2030-02-01", "newDueDate", LOS_ANGELES))
        .isEqualTo(Instant.parse("2030-02-02T07:59:59.999Z"));
    assertThat(DueDates.parse("2030-02-01", "newDueDate", TOKYO)).isEqualTo(Instant.parse("2030-02-01T14:59:59.999Z"));
    assertThat(DueDates.parse("2030-02-01", "newDueDate")).as("the format check reads UTC")
        .isEqualTo(Instant.parse("2030-02-01T23:59:59.999Z"));
  }

  @Test
  void theEndOfADayFollowsDaylightSavingTime() {
    // 2030-03-10 is the first day of daylight saving time in Los Angeles (UTC-7 from 02:00).
    assertThat(DueDates.parse("2030-03-10", "d", LOS_ANGELES)).isEqualTo(Instant.parse("2030-03-11T06:59:59.999Z"));
    assertThat(DueDates.parse("2030-03-09", "d", LOS_ANGELES)).isEqualTo(Instant.parse("2030-03-10T07:59:59.999Z"));
  }

  @Test
  void aDateAndTimeWithOffsetIsThatInstant() {
    assertThat(DueDates.parse("2030-02-01T10:00:00+02:00", "newDueDate", TOKYO))
        .isEqualTo(Instant.parse("2030-02-01T08:00:00Z"));
    assertThat(DueDates.parse("2030-02-01T10:00:00Z", "newDueDate", LOS_ANGELES))
        .isEqualTo(Instant.parse("2030-02-01T10:00:00Z"));
  }

  @Test
  void aJavaUtilDateIsTakenAsItIs() {
    Instant instant = Instant.parse("2030-02-01T08:30:00Z");
    assertThat(DueDates.parse(Date.from(instant), "newDueDate", TOKYO)).isEqualTo(instant);
  }

  @Test
  void aMissingDateIsRequiredAndTheMessageNamesTheField() {
    for (Object missing : new Object[] {null, "", "   "}) {
      assertThatThrownBy(() -> DueDates.parse(missing, "newDueDate")).isInstanceOf(InvalidFieldsException.class)
          .hasMessage("newDueDate: a new due date is required")
          .satisfies(e -> assertThat(((InvalidFieldsException) e).getField()).isEqualTo("newDueDate"));
    }
  }

  @Test
  void somethingThatIsNoDateIsRefusedQuotingIt() {
    assertThatThrownBy(() -> DueDates.parse("next friday", "resumeDueDate")).isInstanceOf(InvalidFieldsException.class)
        .hasMessage("resumeDueDate: 'next friday' is not a date (yyyy-mm-dd)");
    assertThatThrownBy(() -> DueDates.parse("2030-02-30", "d")).isInstanceOf(InvalidFieldsException.class);
    assertThatThrownBy(() -> DueDates.parse("01.02.2030", "d")).isInstanceOf(InvalidFieldsException.class);
  }

  @Test
  void aFutureDueDateIsAccepted() {
    assertThat(DueDates.future("2030-01-16", "newDueDate", CLOCK, ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2030-01-16T23:59:59.999Z"));
    assertThat(DueDates.future(Date.from(NOW.plusSeconds(1)), "newDueDate", CLOCK, ZoneOffset.UTC))
        .isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void aDueDateInThePastIsRefused() {
    assertThatThrownBy(() -> DueDates.future("2030-01-14", "newDueDate", CLOCK, ZoneOffset.UTC))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessage("newDueDate: the new due date must lie in the future");
  }

  @Test
  void aDateThePickerOffersIsAccepted() {
    // Today, wherever the organisation is and whatever the hour: the day is not over yet.
    for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, LOS_ANGELES, TOKYO}) {
      for (String time : new String[] {"00:00:00", "09:30:00", "17:00:00", "23:59:59"}) {
        Clock clock = at("2030-01-15T" + time, zone);
        String today = LocalDate.now(clock).toString();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        assertThat(DueDates.future(today, "newDueDate", clock, zone)).as("today, %s at %s", zone, time)
            .isEqualTo(ZonedDateTime.of(2030, 1, 16, 0, 0, 0, 0, zone).toInstant().minusMillis(1));
        assertThat(DueDates.future(tomorrow, "newDueDate", clock, zone)).as("tomorrow, %s at %s", zone, time)
            .isAfter(clock.instant());
        assertThatThrownBy(() -> DueDates.future("2030-01-14", "newDueDate", clock, zone))
            .as("yesterday, %s at %s", zone, time).isInstanceOf(InvalidFieldsException.class);
      }
    }
  }

  @Test
  void inTheAmericasTomorrowIsAcceptedInTheEvening() {
    // 17:00 in Los Angeles is already 01:00 the next day in UTC: a UTC reading of "tomorrow" would have passed.
    Clock evening = at("2030-01-15T17:00:00", LOS_ANGELES);
    assertThat(DueDates.future("2030-01-16", "newDueDate", evening, LOS_ANGELES))
        .isEqualTo(Instant.parse("2030-01-17T07:59:59.999Z"));
    assertThat(DueDates.future("2030-01-15", "newDueDate", evening, LOS_ANGELES))
        .isEqualTo(Instant.parse("2030-01-16T07:59:59.999Z"));
  }

  @Test
  void inTokyoAPastDayIsRefusedEvenWhileItIsStillThatDayInUtc() {
    // 08:00 on the 16th in Tokyo is 23:00 on the 15th in UTC: the 15th is over in Tokyo.
    Clock morning = at("2030-01-16T08:00:00", TOKYO);
    assertThatThrownBy(() -> DueDates.future("2030-01-15", "newDueDate", morning, TOKYO))
        .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("must lie in the future");
    assertThat(DueDates.future("2030-01-16", "newDueDate", morning, TOKYO))
        .isEqualTo(Instant.parse("2030-01-16T14:59:59.999Z"));
  }

  @Test
  void theDayIsOverAtItsLastMillisecond() {
    Clock lastMillisecond = Clock.fixed(Instant.parse("2030-01-15T23:59:59.999Z"), ZoneOffset.UTC);
    assertThatThrownBy(() -> DueDates.future("2030-01-15", "newDueDate", lastMillisecond, ZoneOffset.UTC))
        .isInstanceOf(InvalidFieldsException.class);
  }

  @Test
  void aDueDateOfExactlyNowIsRefused() {
    assertThatThrownBy(() -> DueDates.future(Date.from(NOW), "newDueDate", CLOCK, ZoneOffset.UTC))
        .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("must lie in the future");
  }
}
