package org.pilotlifecycle.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.framework.Reasons;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistration;

/**
 * The contract between what a form lets a person enter, what the server accepts and what storage holds, for
 * every field of every form in {@code forms/}: a value the form lets through must never fail later, in an
 * asynchronous check (an incident) or in the database. Plain JUnit: the forms, the JPA entity, the Flyway
 * migrations, the registration's bean validation and the engine's own schema are read as files and classes.
 */
class FormStorageContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("forms");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /** The forms whose values the server keeps on the pilot row, field key to {@link Pilot} field. */
  private static final Map<String, Map<String, String>> PILOT_ROW = Map.of(
      "pilot-registration", Map.ofEntries(Map.entry("pilotKey", "key"), Map.entry("name", "name"),
          Map.entry("businessUnit", "businessUnit"), Map.entry("useCaseDescription", "useCaseDescription"),
          Map.entry("framework", "framework"), Map.entry("executiveOwner", "executiveOwner"),
          Map.entry("aiProductOwner", "aiProductOwner"), Map.entry("techLead", "techLead"),
          Map.entry("riskComplianceOwner", "riskComplianceOwner"), Map.entry("changeManager", "changeManager"),
          Map.entry("lineManager", "lineManager"), Map.entry("affectsIndividuals", "affectsIndividuals"),
          Map.entry("regulatedDomain", "regulatedDomain"), Map.entry("processesPersonalData", "processesPersonalData"),
          Map.entry("autonomy", "autonomy"), Map.entry("pilotCost", "pilotCost"),
          Map.entry("projectedProductionCost", "projectedProductionCost")),
      "define-success-metric", Map.of("kpiCategory", "kpiCategory", "kpiName", "kpiName", "kpiUnit", "kpiUnit",
          "kpiBaseline", "kpiBaseline", "kpiTarget", "kpiTarget", "measurementMethod", "measurementMethod",
          "annualValue", "annualValue", "lineManager", "lineManager"));

  /** The registration form's field key to the {@link PilotRegistration} component its value becomes. */
  private static final Map<String, String> REGISTRATION = Map.of("pilotKey", "key");

  /**
   * Fields the server reads as a reason ({@link Reasons}: at most {@value Reasons#MAX_LENGTH} characters), kept
   * in the audit trail's reason column and, for withdrawals, stops and resumes, in the pilot's status reason.
   */
  private static final Set<String> REASON_FIELDS = Set.of("gateReason", "noGoReason", "overdueReason",
      "shortfallReason", "withdrawalReason", "resumeNote", "adoptionIssues");

  /** The largest number a form may allow: a double holds it to the cent, and it is finite. */
  private static final BigDecimal LARGEST_NUMBER = new BigDecimal("1e15");

  record FormField(String form, String key, String type, JsonNode component) {

    String where() {
      return form + ": " + key;
    }

    JsonNode validate() {
      return component.path("validate");
    }

    boolean displayOnly() {
      return component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
    }

    boolean required() {
      return validate().path("required").asBoolean(false)
          || ("checkbox".equals(type) && component.path("defaultValue").isBoolean());
    }

    Integer maxLength() {
      return validate().hasNonNull("maxLength") ? validate().path("maxLength").asInt() : null;
    }

    BigDecimal min() {
      return validate().hasNonNull("min") ? validate().path("min").decimalValue() : null;
    }

    BigDecimal max() {
      return validate().hasNonNull("max") ? validate().path("max").decimalValue() : null;
    }

    Integer decimalDigits() {
      return component.hasNonNull("decimalDigits") ? component.path("decimalDigits").asInt() : null;
    }

    String pattern() {
      return validate().hasNonNull("pattern") ? validate().path("pattern").asText() : null;
    }

    List<String> options() {
      List<String> options = new ArrayList<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      return options;
    }

    boolean text() {
      return "textfield".equals(type) || "textarea".equals(type);
    }
  }

  static List<FormField> fields() throws IOException {
    List<FormField> fields = new ArrayList<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        collect(form.path("id").asText(), form.path("components"), fields);
      }
    }
    assertThat(fields).hasSizeGreaterThan(100);
    return fields;
  }

  static List<JsonNode> components(JsonNode components) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : components) {
      all.add(component);
      all.addAll(components(component.path("components")));
    }
    return all;
  }

  private static void collect(String form, JsonNode components, List<FormField> fields) {
    for (JsonNode component : components(components)) {
      if (!component.path("key").asText("").isEmpty()) {
        fields.add(new FormField(form, component.path("key").asText(), component.path("type").asText(), component));
      }
    }
  }

  /** The longest String the engine keeps in a variable: ACT_RU_VARIABLE.TEXT_ in its own schema. */
  static int engineTextColumn(String database) throws IOException {
    String script = "org/camunda/bpm/engine/db/create/activiti." + database + ".create.engine.sql";
    try (InputStream in = FormStorageContractTest.class.getClassLoader().getResourceAsStream(script)) {
      assertThat(in).as(script).isNotNull();
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String table = sql.substring(sql.indexOf("create table ACT_RU_VARIABLE"));
      table = table.substring(0, table.indexOf(");"));
      Matcher text = java.util.regex.Pattern.compile("\\bTEXT_ n?varchar2?\\((\\d+)\\)").matcher(table);
      assertThat(text.find()).as("TEXT_ in " + script).isTrue();
      return Integer.parseInt(text.group(1));
    }
  }

  /** The pilot table's varchar and numeric columns as the migrations create them: name to {length} or {p, s}. */
  static Map<String, int[]> pilotColumns() throws IOException {
    StringBuilder sql = new StringBuilder();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.sorted().toList()) {
        sql.append(Files.readString(file)).append('\n');
      }
    }
    Map<String, int[]> columns = new TreeMap<>();
    String all = sql.toString();
    String create = all.substring(all.indexOf("create table pilot ("));
    create = create.substring(0, create.indexOf("\n);"));
    java.util.regex.Pattern column = java.util.regex.Pattern.compile(
        "(?m)^\\s*(?:alter table pilot add column )?(\\w+)\\s+(varchar|numeric)\\((\\d+)(?:,\\s*(\\d+))?\\)");
    Matcher inCreate = column.matcher(create);
    while (inCreate.find()) {
      columns.put(inCreate.group(1), size(inCreate));
    }
    Matcher added = java.util.regex.Pattern.compile(
        "(?m)^alter table pilot add column (\\w+) (varchar|numeric)\\((\\d+)(?:,\\s*(\\d+))?\\)").matcher(all);
    while (added.find()) {
      columns.put(added.group(1), size(added));
    }
    return columns;
  }

  private static int[] size(Matcher m) {
    int first = Integer.parseInt(m.group(3));
    return m.group(4) == null ? new int[] {first} : new int[] {first, Integer.parseInt(m.group(4))};
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The largest value numeric(precision, scale) holds. */
  private static BigDecimal largest(int precision, int scale) {
    return BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
  }

  /** The bound as the engine keeps it (a double), read back as the server reads it. */
  private static BigDecimal asDouble(BigDecimal bound) {
    return new BigDecimal(Double.toString(bound.doubleValue()));
  }

  @Test
  void whatAFormLetsAPersonEnterAProcessVariableHolds() throws IOException {
    int engineText = Math.min(engineTextColumn("h2"), engineTextColumn("postgres"));
    List<String> violations = new ArrayList<>();
    for (FormField field : fields()) {
      if (field.displayOnly()) {
        continue;
      }
      if (field.text()) {
        if (field.maxLength() == null) {
          violations.add(field.where() + " has no maxLength (the engine keeps at most " + engineText + ")");
        } else if (field.maxLength() > engineText) {
          violations.add(field.where() + " allows " + field.maxLength() + " characters, a variable holds " + engineText);
        }
      }
      if ("number".equals(field.type())) {
        if (field.min() == null || field.max() == null) {
          violations.add(field.where() + " has no min and max: any number, even 1e308, would pass");
        } else if (field.min().abs().compareTo(LARGEST_NUMBER) > 0 || field.max().abs().compareTo(LARGEST_NUMBER) > 0) {
          violations.add(field.where() + " allows numbers beyond " + LARGEST_NUMBER.toPlainString());
        }
        if (Integer.valueOf(0).equals(field.decimalDigits()) && field.max() != null
            && field.max().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
          violations.add(field.where() + " is a whole number read as an int but allows " + field.max().toPlainString());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void whatAFormLetsAPersonEnterAsAReasonTheServerAcceptsAndTheAuditTrailHolds() throws Exception {
    int auditReason = AuditEntry.class.getDeclaredField("reason").getAnnotation(Column.class).length();
    int statusReason = Pilot.class.getDeclaredField("statusReason").getAnnotation(Column.class).length();
    int holds = Math.min(Reasons.MAX_LENGTH, Math.min(auditReason, statusReason));
    Set<String> seen = new TreeSet<>();
    List<String> violations = new ArrayList<>();
    for (FormField field : fields()) {
      if (!REASON_FIELDS.contains(field.key()) || field.displayOnly()) {
        continue;
      }
      seen.add(field.key());
      if (field.maxLength() == null || field.maxLength() > holds) {
        violations.add(field.where() + " allows " + field.maxLength() + " characters; Reasons accepts "
            + Reasons.MAX_LENGTH + ", the audit trail holds " + auditReason + ", the status reason " + statusReason);
      }
    }
    assertThat(seen).as("every reason field is on a form").containsExactlyInAnyOrderElementsOf(REASON_FIELDS);
    assertThat(violations).isEmpty();
  }

  @Test
  void whatAFormLetsAPersonEnterThePilotRowHolds() throws Exception {
    Map<String, int[]> columns = pilotColumns();
    List<String> violations = new ArrayList<>();
    Set<String> mapped = new TreeSet<>();
    for (FormField field : fields()) {
      Map<String, String> row = PILOT_ROW.get(field.form());
      if (row == null || field.displayOnly()) {
        continue;
      }
      String property = row.get(field.key());
      assertThat(property).as(field.where() + " is mapped to the pilot row").isNotNull();
      mapped.add(field.form() + ":" + field.key());
      Field entity = Pilot.class.getDeclaredField(property);
      Column column = entity.getAnnotation(Column.class);
      String name = column.name().isEmpty() ? snake(property) : column.name();
      int[] sql = columns.get(name);
      if (field.text()) {
        assertThat(sql).as("varchar column " + name).isNotNull();
        assertThat(column.length()).as("entity and migration agree on " + name).isEqualTo(sql[0]);
        if (field.maxLength() == null || field.maxLength() > sql[0]) {
          violations.add(field.where() + " allows " + field.maxLength() + " characters, pilot." + name + " holds " + sql[0]);
        }
      } else if ("number".equals(field.type())) {
        assertThat(sql).as("numeric column " + name).isNotNull().hasSize(2);
        assertThat(new int[] {column.precision(), column.scale()}).as("entity and migration agree on " + name)
            .isEqualTo(sql);
        BigDecimal largest = largest(sql[0], sql[1]);
        if (field.max() == null || asDouble(field.max()).compareTo(largest) > 0) {
          violations.add(field.where() + " allows up to " + field.max() + ", pilot." + name + " holds " + largest);
        }
        if (field.min() == null || asDouble(field.min()).compareTo(largest.negate()) < 0) {
          violations.add(field.where() + " allows down to " + field.min() + ", pilot." + name + " holds " + largest.negate());
        }
        if (field.decimalDigits() == null || field.decimalDigits() > sql[1]) {
          violations.add(field.where() + " allows " + field.decimalDigits() + " decimal digits, pilot." + name
              + " keeps " + sql[1]);
        }
      } else if (!field.options().isEmpty()) {
        int length = column.length();
        for (String option : field.options()) {
          if (option.length() > length) {
            violations.add(field.where() + " option " + option + " is longer than pilot." + name + " (" + length + ")");
          }
          if (entity.getType().isEnum()) {
            assertThat(Arrays.stream(entity.getType().getEnumConstants()).map(Object::toString))
                .as(field.where() + " options are constants of " + entity.getType().getSimpleName()).contains(option);
          }
        }
      }
    }
    assertThat(mapped).as("every mapped field is on its form").hasSize(PILOT_ROW.values().stream().mapToInt(Map::size).sum());
    assertThat(violations).isEmpty();
  }

  @Test
  void whatTheRegistrationFormLetsAPersonEnterTheServerAccepts() throws Exception {
    List<String> violations = new ArrayList<>();
    Map<String, FormField> form = new LinkedHashMap<>();
    fields().stream().filter(f -> "pilot-registration".equals(f.form())).forEach(f -> form.put(f.key(), f));
    for (java.lang.reflect.RecordComponent component : PilotRegistration.class.getRecordComponents()) {
      if ("stepDurations".equals(component.getName())) {
        continue; // the API's own option, not on the form
      }
      String key = REGISTRATION.entrySet().stream().filter(e -> e.getValue().equals(component.getName()))
          .map(Map.Entry::getKey).findFirst().orElse(component.getName());
      FormField field = form.get(key);
      assertThat(field).as("the registration form has " + key).isNotNull();
      Field rule = PilotRegistration.class.getDeclaredField(component.getName());
      if ((rule.isAnnotationPresent(NotBlank.class) || rule.isAnnotationPresent(NotNull.class)) && !field.required()) {
        violations.add(field.where() + " may be left out, the server requires it");
      }
      Size size = rule.getAnnotation(Size.class);
      if (size != null && (field.maxLength() == null || field.maxLength() > size.max())) {
        violations.add(field.where() + " allows " + field.maxLength() + " characters, the server " + size.max());
      }
      Pattern pattern = rule.getAnnotation(Pattern.class);
      if (pattern != null && !"TEXT".equals(textPattern(pattern.regexp())) && !pattern.regexp().equals(field.pattern())) {
        violations.add(field.where() + " has pattern " + field.pattern() + ", the server requires " + pattern.regexp());
      }
      DecimalMin min = rule.getAnnotation(DecimalMin.class);
      if (min != null && (field.min() == null || field.min().compareTo(new BigDecimal(min.value())) < 0)) {
        violations.add(field.where() + " allows down to " + field.min() + ", the server " + min.value());
      }
      Digits digits = rule.getAnnotation(Digits.class);
      if (digits != null) {
        BigDecimal largest = largest(digits.integer() + digits.fraction(), digits.fraction());
        if (field.max() == null || asDouble(field.max()).compareTo(largest) > 0) {
          violations.add(field.where() + " allows up to " + field.max() + ", the server " + largest);
        }
        if (field.decimalDigits() == null || field.decimalDigits() > digits.fraction()) {
          violations.add(field.where() + " allows " + field.decimalDigits() + " decimal digits, the server "
              + digits.fraction());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** The server's pattern for free text (no control characters), which the form guard checks for every text. */
  private static String textPattern(String regexp) throws Exception {
    Field text = PilotRegistration.class.getDeclaredField("TEXT_PATTERN");
    text.setAccessible(true);
    return regexp.equals(text.get(null)) ? "TEXT" : regexp;
  }

  @Test
  void aDisplayOnlyFieldIsDisabledAndNeverRequired() throws IOException {
    List<String> violations = new ArrayList<>();
    for (FormField field : fields()) {
      if (field.component().path("readonly").asBoolean(false)) {
        // form-js submits a readonly field's value, and the guard refuses it: show values with disabled fields
        violations.add(field.where() + " is readonly: use disabled, form-js does not submit disabled fields");
      }
      if (field.displayOnly() && field.validate().path("required").asBoolean(false)) {
        violations.add(field.where() + " is display-only but required");
      }
    }
    assertThat(violations).isEmpty();
  }
}
