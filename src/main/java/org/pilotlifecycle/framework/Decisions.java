package org.pilotlifecycle.framework;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.pilotlifecycle.web.InvalidFieldsException;

/** Reads a decision submitted by a form into its enum: stripped, any case; anything else is a 400 naming the choices. */
public final class Decisions {

  private Decisions() {
  }

  /** @throws InvalidFieldsException "{field}: choose A, B or C" when the value is none of the choices */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, Object value) {
    String text = value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
    for (E choice : type.getEnumConstants()) {
      if (choice.name().equals(text)) {
        return choice;
      }
    }
    throw InvalidFieldsException.of(field, "choose " + choices(type));
  }

  static <E extends Enum<E>> String choices(Class<E> type) {
    String[] names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    if (names.length == 1) {
      return names[0];
    }
    return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or " + names[names.length - 1];
  }
}
