package org.pilotlifecycle.enginerest;

import org.pilotlifecycle.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pilotlifecycle.framework.DueDates;

/**
 * The fields of a deployed Camunda form (form-js JSON) with the constraints the browser enforces, checked
 * against the variables of a submission as the engine REST API receives them ({@code {"name": {"value": …,
 * "type": …}}}).
 *
 * <p>A field the form shows disabled or readonly is display only: form-js does not submit a disabled field,
 * so a submission carrying a value for one (which would overwrite the stored value) is refused, naming the
 * field. A single-line field (textfield) has no line breaks; a textarea may. A number must be finite and fit
 * the type it is sent as (Integer, Long, Short: a whole number in range; Double: a finite double).
 *
 * <p>Fields shown only under a condition are never required here (the forms must not make them required
 * in the browser either); whether a decision needs them (a reason to reject, a date to extend) is the
 * process's synchronous validation after the task.
 */
final class FormSchema {

  record Problem(String field, String message) {
  }

  private record Field(String key, String type, boolean required, boolean conditional, boolean displayOnly,
      BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, Pattern pattern, Integer decimalDigits,
      Set<String> options) {
  }

  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");
  private static final int MAX_NAME_IN_MESSAGE = 64;
  /** The longest text the engine keeps as a String variable. */
  private static final int MAX_TEXT = 4000;
  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

  private final Map<String, Field> fields;

  private FormSchema(Map<String, Field> fields) {
    this.fields = fields;
  }

  /** The form's schema, or null when the resource is not a Camunda form. */
  static FormSchema read(InputStream deployed) throws IOException {
    if (deployed == null) {
      return null;
    }
    JsonNode form = Json.mapper().readTree(deployed);
    if (form == null || !form.path("components").isArray()) {
      return null;
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), false, fields);
    return new FormSchema(fields);
  }

  private static void collect(JsonNode components, boolean conditionalParent, Map<String, Field> fields) {
    for (JsonNode component : components) {
      boolean conditional = conditionalParent || !component.path("conditional").path("hide").asText("").isBlank();
      if (component.path("components").isArray()) {
        collect(component.path("components"), conditional, fields);
      }
      String key = component.path("key").asText("");
      if (key.isEmpty()) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Set<String> options = new LinkedHashSet<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      Pattern pattern = null;
      if (validate.hasNonNull("pattern")) {
        try {
          pattern = Pattern.compile(validate.path("pattern").asText());
        } catch (PatternSyntaxException notJava) {
          pattern = null;
        }
      }
      boolean displayOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
      fields.put(key, new Field(key, component.path("type").asText(""),
          validate.path("required").asBoolean(false) && !conditional && !displayOnly,
          conditional,
          displayOnly,
          validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
          validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
          validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
          validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
          pattern,
          component.hasNonNull("decimalDigits") ? component.path("decimalDigits").asInt() : null,
          options));
    }
  }

  /** The problems of the submitted variables, empty when the form would have let them through. */
  List<Problem> validate(JsonNode variables) {
    List<Problem> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      if (!fields.containsKey(variable.getKey())) {
        problems.add(new Problem(shortened(variable.getKey()), "is not a field of this form"));
      }
    }
    for (Field field : fields.values()) {
      JsonNode variable = variables.get(field.key());
      if (variable != null && field.displayOnly()) {
        // form-js never submits a disabled field: a value for it would overwrite what the form only shows
        problems.add(new Problem(field.key(), "is shown for information only and cannot be submitted"));
        continue;
      }
      if (variable != null && !variable.isNull() && !variable.isObject()) {
        problems.add(new Problem(field.key(), "must be an object with a value and a type"));
        continue;
      }
      JsonNode value = variable == null ? null : variable.get("value");
      String type = variable == null ? "" : variable.path("type").asText("").toLowerCase(Locale.ROOT);
      if (isEmpty(value)) {
        if (field.required()) {
          problems.add(new Problem(field.key(), "is required"));
        }
        continue;
      }
      String problem = switch (field.type()) {
        case "number" -> number(field, value, type);
        case "checkbox" -> checkbox(value, type);
        case "radio", "select" -> option(field, value, type);
        case "checklist", "taglist" -> options(field, value, type);
        case "datetime" -> dateTime(value, type);
        default -> text(field, value, type);
      };
      if (problem != null) {
        problems.add(new Problem(field.key(), problem));
      }
    }
    return problems;
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode() || (value.isTextual() && value.asText().isBlank());
  }

  private static String number(Field field, JsonNode value, String type) {
    BigDecimal number;
    if (value.isNumber() && (type.isEmpty() || NUMBER_TYPES.contains(type))) {
      if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
        return "must be a finite number";
      }
      number = value.decimalValue();
    } else if (value.isTextual() && NUMBER_TYPES.contains(type)) {
      try {
        number = new BigDecimal(value.asText().strip());
      } catch (NumberFormatException notANumber) {
        return "must be a number";
      }
    } else {
      return "must be a number";
    }
    String outOfRange = outOfRange(number, type);
    if (outOfRange != null) {
      return outOfRange;
    }
    if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
      return field.decimalDigits() == 0 ? "must be a whole number"
          : "must have at most " + field.decimalDigits() + " decimal digits";
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      return "must be at least " + field.min().toPlainString();
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      return "must be at most " + field.max().toPlainString();
    }
    return null;
  }

  /** A number the engine cannot keep as the type it is sent as: not whole, too large, or no finite double. */
  private static String outOfRange(BigDecimal number, String type) {
    BigDecimal limit = switch (type) {
      case "short" -> BigDecimal.valueOf(Short.MAX_VALUE);
      case "integer" -> BigDecimal.valueOf(Integer.MAX_VALUE);
      case "long" -> BigDecimal.valueOf(Long.MAX_VALUE);
      default -> null;
    };
    if (limit != null) {
      if (number.stripTrailingZeros().scale() > 0) {
        return "must be a whole number";
      }
      return number.abs().compareTo(limit) > 0 ? "is out of range" : null;
    }
    return number.abs().compareTo(MAX_DOUBLE) > 0 ? "must be a finite number" : null;
  }

  private static String checkbox(JsonNode value, String type) {
    if (value.isBoolean() && (type.isEmpty() || "boolean".equals(type))) {
      return null;
    }
    if (value.isTextual() && "boolean".equals(type)
        && ("true".equals(value.asText()) || "false".equals(value.asText()))) {
      return null;
    }
    return "must be true or false";
  }

  private static String option(Field field, JsonNode value, String type) {
    if (value.isTextual() && (type.isEmpty() || "string".equals(type)) && field.options().contains(value.asText())) {
      return null;
    }
    return "must be one of " + String.join(", ", field.options());
  }

  private static String options(Field field, JsonNode value, String type) {
    JsonNode list = value;
    if (value.isTextual() && ("json".equals(type) || "object".equals(type))) {
      try {
        list = Json.mapper().readTree(value.asText());
      } catch (IOException notJson) {
        list = null;
      }
    } else if (!("json".equals(type) || "object".equals(type))) {
      list = null;
    }
    if (list == null || !list.isArray()) {
      return "must be a list of " + String.join(", ", field.options());
    }
    if (field.required() && list.isEmpty()) {
      return "is required";
    }
    for (JsonNode item : list) {
      if (!item.isTextual() || !field.options().contains(item.asText())) {
        return "must be a list of " + String.join(", ", field.options());
      }
    }
    return null;
  }

  private static String dateTime(JsonNode value, String type) {
    if (!value.isTextual() || !(type.isEmpty() || "string".equals(type) || "date".equals(type))) {
      return "must be a date (yyyy-mm-dd) or a date and time";
    }
    if ("date".equals(type)) {
      return null; // the engine reads its own date format and refuses what it cannot
    }
    try {
      DueDates.parse(value.asText(), "");
      return null;
    } catch (RuntimeException notADate) {
      return "must be a date (yyyy-mm-dd) or a date and time";
    }
  }

  private static String text(Field field, JsonNode value, String type) {
    if (!value.isTextual() || !(type.isEmpty() || "string".equals(type))) {
      return "must be text";
    }
    String text = value.asText();
    int maxLength = field.maxLength() != null ? field.maxLength() : MAX_TEXT;
    if (text.length() > maxLength) {
      return "must have at most " + maxLength + " characters";
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return "must have at least " + field.minLength() + " characters";
    }
    if ("textfield".equals(field.type()) && lineBreak(text)) {
      return "must be a single line (no line breaks)";
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      return "does not have the required format";
    }
    return badCharacters(text) ? "contains characters that are not allowed (control characters or broken Unicode)"
        : null;
  }

  /** A line break of any kind: a single-line field (textfield) has none; a textarea may. */
  static boolean lineBreak(String text) {
    return text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085'
        || c == '\u000B' || c == '\u000C');
  }

  /** Control characters other than tab and line breaks, and UTF-16 surrogates without their pair. */
  static boolean badCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return true;
      }
      if (Character.isLowSurrogate(c)) {
        return true;
      }
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  private static String shortened(String name) {
    String visible = badCharacters(name) ? name.replaceAll("\\p{Cc}|\\p{Cs}", "?") : name;
    return visible.length() <= MAX_NAME_IN_MESSAGE ? visible : visible.substring(0, MAX_NAME_IN_MESSAGE) + "…";
  }
}
