package org.pilotlifecycle.framework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.pilotlifecycle.web.InvalidFieldsException;

/** Reads a new due date as forms submit it (a date, or a date and time) and insists it lies ahead. */
public final class DueDates {

  private DueDates() {
  }

  public static Instant future(Object value, String field, Clock clock) {
    Instant due = parse(value, field);
    if (!due.isAfter(clock.instant())) {
      throw InvalidFieldsException.of(field, "the new due date must lie in the future");
    }
    return due;
  }

  public static Instant parse(Object value, String field) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      throw InvalidFieldsException.of(field, "a new due date is required");
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notADateTime) {
        throw InvalidFieldsException.of(field, "'" + text + "' is not a date (yyyy-mm-dd)");
      }
    }
  }
}
