package org.pilotlifecycle.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The deployed forms' constraints, checked against submissions; forms read from forms/ as analysts see them. */
class FormSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static FormSchema form(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", name))) {
      return FormSchema.read(in);
    }
  }

  /** {"a": {"value": 1, "type": "Integer"}}, from pairs name, value, type. */
  private static JsonNode variables(Object... triples) {
    ObjectNode variables = JSON.createObjectNode();
    for (int i = 0; i < triples.length; i += 3) {
      ObjectNode variable = variables.putObject((String) triples[i]);
      variable.set("value", JSON.valueToTree(triples[i + 1]));
      if (triples[i + 2] != null) {
        variable.put("type", (String) triples[i + 2]);
      }
    }
    return variables;
  }

  private static List<String> problems(FormSchema form, JsonNode variables) {
    return form.validate(variables).stream().map(p -> p.field() + " " + p.message()).toList();
  }

  @Test
  void aCompleteOverdueDecisionPasses() throws IOException {
    FormSchema form = form("decide-overdue-step.form");
    assertThat(problems(form, variables("overdueDecision", "EXTEND", "String", "newDueDate", "2030-02-01", "String",
        "overdueReason", "more data", "String"))).isEmpty();
    assertThat(problems(form, variables("overdueDecision", "STOP", "String", "overdueReason", "no value", null)))
        .isEmpty();
  }

  @Test
  void requiredFieldsMustBeSubmitted() throws IOException {
    assertThat(problems(form("decide-overdue-step.form"), variables("overdueReason", " ", "String")))
        .containsExactlyInAnyOrder("overdueDecision is required", "overdueReason is required");
  }

  @Test
  void aConditionalFieldIsNeverRequired() throws IOException {
    assertThat(problems(form("decide-overdue-step.form"),
        variables("overdueDecision", "EXTEND", "String", "overdueReason", "r", "String"))).isEmpty();
  }

  @Test
  void aRadioValueMustBeOneOfItsOptions() throws IOException {
    assertThat(problems(form("decide-overdue-step.form"),
        variables("overdueDecision", "extend", "String", "overdueReason", "r", "String")))
        .containsExactly("overdueDecision must be one of EXTEND, PAUSE, STOP");
  }

  @Test
  void aTextLongerThanItsMaxLengthIsRefused() throws IOException {
    FormSchema form = form("decide-overdue-step.form");
    assertThat(problems(form, variables("overdueDecision", "STOP", "String", "overdueReason", "x".repeat(2000), "String")))
        .isEmpty();
    assertThat(problems(form, variables("overdueDecision", "STOP", "String", "overdueReason", "x".repeat(2001), "String")))
        .containsExactly("overdueReason must have at most 2000 characters");
  }

  @Test
  void aDateMustBeADate() throws IOException {
    FormSchema form = form("decide-overdue-step.form");
    assertThat(problems(form, variables("overdueDecision", "EXTEND", "String", "newDueDate", "soon", "String",
        "overdueReason", "r", "String"))).containsExactly("newDueDate must be a date (yyyy-mm-dd) or a date and time");
    assertThat(problems(form, variables("overdueDecision", "EXTEND", "String", "newDueDate",
        "2030-02-01T10:00:00+01:00", "String", "overdueReason", "r", "String"))).isEmpty();
    assertThat(problems(form, variables("overdueDecision", "EXTEND", "String", "newDueDate", 20300201, "Integer",
        "overdueReason", "r", "String"))).containsExactly("newDueDate must be a date (yyyy-mm-dd) or a date and time");
  }

  @Test
  void aVariableThatIsNoFieldOfTheFormIsRefused() throws IOException {
    assertThat(problems(form("decide-overdue-step.form"), variables("overdueDecision", "STOP", "String",
        "overdueReason", "r", "String", "pilotStatus", "IN_PRODUCTION", "String")))
        .containsExactly("pilotStatus is not a field of this form");
  }

  @Test
  void anOverlongUnknownNameIsShortenedAndControlCharactersHidden() throws IOException {
    String name = "x\u0000" + "y".repeat(100);
    List<String> problems = problems(form("decide-overdue-step.form"),
        variables("overdueDecision", "STOP", "String", "overdueReason", "r", "String", name, 1, "Integer"));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("x?yyy").contains("…").endsWith(" is not a field of this form")
        .doesNotContain("\u0000");
  }

  @Test
  void aVariableMustBeAnObjectWithValueAndType() throws IOException {
    ObjectNode variables = (ObjectNode) variables("overdueDecision", "STOP", "String");
    variables.put("overdueReason", "plain text");
    assertThat(problems(form("decide-overdue-step.form"), variables))
        .containsExactly("overdueReason must be an object with a value and a type");
  }

  @Test
  void textMustBeText() throws IOException {
    assertThat(problems(form("decide-overdue-step.form"),
        variables("overdueDecision", "STOP", "String", "overdueReason", 42, "Integer")))
        .containsExactly("overdueReason must be text");
  }

  @Test
  void textWithControlCharactersOrBrokenUnicodeIsRefused() throws IOException {
    FormSchema form = form("decide-overdue-step.form");
    for (String bad : new String[] {"a\u0000b", "a\u0007", "a\uD800", "\uDC00a"}) {
      assertThat(problems(form, variables("overdueDecision", "STOP", "String", "overdueReason", bad, "String")))
          .containsExactly("overdueReason contains characters that are not allowed (control characters or broken Unicode)");
    }
    assertThat(problems(form, variables("overdueDecision", "STOP", "String", "overdueReason", "a\tb\r\nc 😀", "String")))
        .isEmpty();
  }

  private static JsonNode registration(Object... extra) {
    Object[] base = {"pilotKey", "CLAIMS-TRIAGE", "String", "name", "Claims", "String", "businessUnit", "Ops",
        "String", "useCaseDescription", "Route claims", "String", "framework", "FIVE_PHASE", "String",
        "executiveOwner", "olivia", "String", "aiProductOwner", "paul", "String", "autonomy", "ADVISORY", "String"};
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return variables(all);
  }

  @Test
  void aCompleteRegistrationPasses() throws IOException {
    assertThat(problems(form("pilot-registration.form"), registration("affectsIndividuals", true, "Boolean",
        "pilotCost", 1000.5, "Double", "projectedProductionCost", "4000", "Long", "techLead", "tara", "String")))
        .isEmpty();
  }

  @Test
  void aTextMustMatchItsPattern() throws IOException {
    ObjectNode variables = (ObjectNode) registration();
    variables.set("pilotKey", variables("pilotKey", "claims", "String").get("pilotKey"));
    assertThat(problems(form("pilot-registration.form"), variables))
        .containsExactly("pilotKey does not have the required format");
  }

  @Test
  void aNumberBelowItsMinimumIsRefused() throws IOException {
    assertThat(problems(form("pilot-registration.form"), registration("pilotCost", -1, "Integer")))
        .containsExactly("pilotCost must be at least 0");
  }

  @Test
  void aNumberMustBeANumber() throws IOException {
    FormSchema form = form("pilot-registration.form");
    assertThat(problems(form, registration("pilotCost", "lots", "Double"))).containsExactly("pilotCost must be a number");
    assertThat(problems(form, registration("pilotCost", "100", "String"))).containsExactly("pilotCost must be a number");
    assertThat(problems(form, registration("pilotCost", 100, "String"))).containsExactly("pilotCost must be a number");
  }

  @Test
  void aCheckboxIsTrueOrFalse() throws IOException {
    FormSchema form = form("pilot-registration.form");
    assertThat(problems(form, registration("regulatedDomain", "true", "Boolean"))).isEmpty();
    assertThat(problems(form, registration("regulatedDomain", "yes", "Boolean")))
        .containsExactly("regulatedDomain must be true or false");
    assertThat(problems(form, registration("regulatedDomain", 1, "Integer")))
        .containsExactly("regulatedDomain must be true or false");
  }

  @Test
  void aSelectValueMustBeOneOfItsOptions() throws IOException {
    ObjectNode variables = (ObjectNode) registration();
    variables.set("autonomy", variables("autonomy", "FULL", "String").get("autonomy"));
    assertThat(problems(form("pilot-registration.form"), variables))
        .containsExactly("autonomy must be one of ADVISORY, HUMAN_APPROVED, AUTONOMOUS");
  }

  @Test
  void wholeNumbersWithinTheirRange() throws IOException {
    FormSchema form = form("assess-readiness-gaps.form");
    JsonNode ok = variables("dataScore", 5, "Integer", "integrationScore", 0, "Integer", "governanceScore", "3",
        "Long", "changeReadinessScore", 3.0, "Double", "monitoringScore", 4, null);
    assertThat(problems(form, ok)).isEmpty();
    JsonNode bad = variables("dataScore", 6, "Integer", "integrationScore", -1, "Integer", "governanceScore", 2.5,
        "Double", "changeReadinessScore", 3, "Integer");
    assertThat(problems(form, bad)).containsExactlyInAnyOrder("dataScore must be at most 5",
        "integrationScore must be at least 0", "governanceScore must be a whole number", "monitoringScore is required");
  }

  @Test
  void aChecklistIsAJsonListOfItsOptions() throws IOException {
    FormSchema form = form("build-integration-connectors.form");
    List<String> ok = problems(form, variables("coreSystems", "[\"ERP\",\"CRM\"]", "Json"));
    assertThat(ok).noneMatch(p -> p.startsWith("coreSystems"));
    assertThat(problems(form, variables("coreSystems", "[\"ERP\",\"MAINFRAME\"]", "Json")))
        .contains("coreSystems must be a list of ERP, CRM, SCHEDULING, REPORTING, OTHER");
    assertThat(problems(form, variables("coreSystems", "[]", "Json"))).contains("coreSystems is required");
    assertThat(problems(form, variables("coreSystems", "ERP", "String")))
        .contains("coreSystems must be a list of ERP, CRM, SCHEDULING, REPORTING, OTHER");
  }

  @Test
  void somethingThatIsNotACamundaFormHasNoSchema() throws IOException {
    assertThat(FormSchema.read(null)).isNull();
    assertThat(FormSchema.read(new ByteArrayInputStream("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))).isNull();
  }

  @Test
  void badCharactersAreControlCharactersAndLoneSurrogates() {
    assertThat(FormSchema.badCharacters("ok\t\n\r 😀")).isFalse();
    assertThat(FormSchema.badCharacters("\u0001")).isTrue();
    assertThat(FormSchema.badCharacters("\uD83D")).isTrue();
    assertThat(FormSchema.badCharacters("\uDE00\uD83D")).isTrue();
  }

  @Test
  void aDisplayOnlyFieldIsNeverTakenFromASubmission() throws IOException {
    FormSchema form = form("confirm-pilot-registration.form");
    assertThat(problems(form, variables("registrationConfirmed", true, "Boolean"))).isEmpty();
    assertThat(problems(form, variables("registrationConfirmed", true, "Boolean", "useCaseDescription", "rewritten",
        "String"))).containsExactly("useCaseDescription is shown for information only and cannot be submitted");
    assertThat(problems(form, variables("registrationConfirmed", true, "Boolean", "useCaseDescription", null,
        "Null"))).containsExactly("useCaseDescription is shown for information only and cannot be submitted");
    FormSchema readonly = FormSchema.read(new ByteArrayInputStream(("{\"components\":[{\"type\":\"textfield\","
        + "\"key\":\"shown\",\"readonly\":true,\"validate\":{\"required\":true}}]}").getBytes(StandardCharsets.UTF_8)));
    assertThat(problems(readonly, variables())).isEmpty();
    assertThat(problems(readonly, variables("shown", "x", "String")))
        .containsExactly("shown is shown for information only and cannot be submitted");
  }

  @Test
  void aSingleLineFieldRefusesLineBreaks() throws IOException {
    for (String lineBreak : List.of("\n", "\r", "\r\n", "\u2028", "\u2029")) {
      assertThat(problems(form("pilot-registration.form"), registration("techLead", "tara" + lineBreak + "x", "String")))
          .as("textfield with %s", lineBreak.codePointAt(0))
          .containsExactly("techLead must be a single line (no line breaks)");
      assertThat(problems(form("define-success-metric.form"), variables("kpiName", "a" + lineBreak + "b", "String")))
          .contains("kpiName must be a single line (no line breaks)");
    }
    assertThat(problems(form("pilot-registration.form"), registration("useCaseDescription", "two\nlines", "String")))
        .isEmpty();
  }

  @Test
  void aNumberOutOfRangeOrNotFiniteIsRefused() throws IOException {
    FormSchema form = form("measure-production-performance.form");
    JsonNode infinite = JSON.readTree("{\"performanceMetric\":{\"value\":\"time\",\"type\":\"String\"},"
        + "\"pilotPerformance\":{\"value\":1e400,\"type\":\"Double\"},"
        + "\"productionPerformance\":{\"value\":-1e400}}");
    assertThat(problems(form, infinite)).containsExactlyInAnyOrder("pilotPerformance must be a finite number",
        "productionPerformance must be a finite number");
    for (String notFinite : List.of("NaN", "Infinity", "-Infinity", "1e400")) {
      assertThat(problems(form, variables("performanceMetric", "time", "String", "pilotPerformance", notFinite,
          "Double", "productionPerformance", 1, "Integer")))
          .as(notFinite).hasSize(1).allMatch(p -> p.startsWith("pilotPerformance must be a"));
    }
    assertThat(problems(form, variables("performanceMetric", "time", "String", "pilotPerformance", 3_000_000_000L,
        "Integer", "productionPerformance", 1.5, "Integer"))).containsExactlyInAnyOrder(
        "pilotPerformance is out of range", "productionPerformance must be a whole number");
    assertThat(problems(form("record-weekly-adoption.form"), variables("adoptionRate", 50, "Integer",
        "activeUsers", "99999999999999999999", "Long"))).containsExactly("activeUsers is out of range");
  }
}
