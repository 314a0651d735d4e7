package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.web.InvalidFieldsException;

class DueDatesTest {

  private static final Instant NOW = Instant.parse("2030-01-15T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void aDateIsTheStartOfThatDayInUtc() {
    assertThat(DueDates.parse("2030-02-01", "newDueDate")).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
    assertThat(DueDates.parse(" 2030-02-01 ", "newDueDate")).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
  }

  @Test
  void aDateAndTimeWithOffsetIsThatInstant() {
    assertThat(DueDates.parse("2030-02-01T10:00:00+02:00", "newDueDate"))
        .isEqualTo(Instant.parse("2030-02-01T08:00:00Z"));
    assertThat(DueDates.parse("2030-02-01T10:00:00Z", "newDueDate")).isEqualTo(Instant.parse("2030-02-01T10:00:00Z"));
  }

  @Test
  void aJavaUtilDateIsTakenAsItIs() {
    Instant instant = Instant.parse("2030-02-01T08:30:00Z");
    assertThat(DueDates.parse(Date.from(instant), "newDueDate")).isEqualTo(instant);
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
    assertThat(DueDates.future("2030-01-16", "newDueDate", CLOCK)).isEqualTo(Instant.parse("2030-01-16T00:00:00Z"));
    assertThat(DueDates.future(Date.from(NOW.plusSeconds(1)), "newDueDate", CLOCK)).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void aDueDateInThePastIsRefused() {
    assertThatThrownBy(() -> DueDates.future("2030-01-14", "newDueDate", CLOCK))
        .isInstanceOf(InvalidFieldsException.class)
        .hasMessage("newDueDate: the new due date must lie in the future");
  }

  @Test
  void todayAtMidnightHasAlreadyPassed() {
    assertThatThrownBy(() -> DueDates.future("2030-01-15", "newDueDate", CLOCK))
        .isInstanceOf(InvalidFieldsException.class);
  }

  @Test
  void aDueDateOfExactlyNowIsRefused() {
    assertThatThrownBy(() -> DueDates.future(Date.from(NOW), "newDueDate", CLOCK))
        .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("must lie in the future");
  }
}
