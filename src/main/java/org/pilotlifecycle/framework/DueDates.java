package org.pilotlifecycle.framework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.pilotlifecycle.web.InvalidFieldsException;

/**
 * Reads a new due date as forms submit it (a date, or a date and time) and insists it lies ahead. A date alone
 * (yyyy-mm-dd, what the date picker offers) means the end of that day in the organisation's time zone
 * (23:59:59.999 there), so today is accepted until it is over, wherever the organisation is.
 */
public final class DueDates {

  private DueDates() {
  }

  /** The due date, refused (400) when it has already passed: for a date alone, when that day is over in the zone. */
  public static Instant future(Object value, String field, Clock clock, ZoneId zone) {
    Instant due = parse(value, field, zone);
    if (!due.isAfter(clock.instant())) {
      throw InvalidFieldsException.of(field, "the new due date must lie in the future");
    }
    return due;
  }

  /** Whether the value reads as a due date at all (the form guard's check; the zone does not matter). */
  public static Instant parse(Object value, String field) {
    return parse(value, field, ZoneOffset.UTC);
  }

  /** A date alone is the last millisecond of that day in the zone; a date and time with its offset is that instant. */
  public static Instant parse(Object value, String field, ZoneId zone) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      throw InvalidFieldsException.of(field, "a new due date is required");
    }
    try {
      return LocalDate.parse(text).plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notADateTime) {
        throw InvalidFieldsException.of(field, "'" + text + "' is not a date (yyyy-mm-dd)");
      }
    }
  }
}
