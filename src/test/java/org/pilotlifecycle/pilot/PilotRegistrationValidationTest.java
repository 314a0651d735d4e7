package org.pilotlifecycle.pilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Registrations;

class PilotRegistrationValidationTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private static PilotRegistration valid() {
    return Registrations.lowRisk("CLAIMS-TRIAGE", Framework.FIVE_PHASE);
  }

  private static PilotRegistration with(String key, String name, String techLead) {
    PilotRegistration r = valid();
    return new PilotRegistration(key, name, r.businessUnit(), r.useCaseDescription(), r.framework(),
        r.executiveOwner(), r.aiProductOwner(), techLead, r.riskComplianceOwner(), r.changeManager(),
        r.lineManager(), r.affectsIndividuals(), r.regulatedDomain(), r.processesPersonalData(), r.autonomy(),
        r.pilotCost(), r.projectedProductionCost(), r.stepDurations());
  }

  private static Set<String> badFields(PilotRegistration registration) {
    return validator.validate(registration).stream().map(v -> v.getPropertyPath().toString())
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void aValidRegistrationHasNoViolations() {
    assertThat(validator.validate(valid())).isEmpty();
    assertThat(validator.validate(Registrations.highRisk("CREDIT-LINES", Framework.FOUR_STAGE))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABC", "A-1", "CLAIMS-TRIAGE-2030", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
  void aKeyIsThreeTo32UpperCaseLettersDigitsOrDashesStartingWithALetter(String key) {
    assertThat(badFields(with(key, valid().name(), "tara"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB", "1ABC", "-ABC", "claims", "Claims-Triage", "CLAIMS_TRIAGE", "CLAIMS TRIAGE",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", " ", "ÄBC"})
  void aKeyOfAnyOtherShapeIsRefused(String key) {
    assertThat(badFields(with(key, valid().name(), "tara"))).containsExactly("key");
  }

  @Test
  void theKeyMessageExplainsTheShape() {
    Set<ConstraintViolation<PilotRegistration>> violations = validator.validate(with("x", valid().name(), "tara"));
    assertThat(violations).extracting(ConstraintViolation::getMessage)
        .contains("must be 3 to 32 upper-case letters, digits or dashes, starting with a letter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Claims\u0000triage", "Claims\u0007", "\u001bClaims", "Claims\u007f", "Claims\u0085"})
  void textWithControlCharactersIsRefused(String name) {
    Set<ConstraintViolation<PilotRegistration>> violations = validator.validate(with("ABC", name, "tara"));
    assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("name");
    assertThat(violations).extracting(ConstraintViolation::getMessage)
        .containsExactly("must not contain control characters or broken Unicode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Claims\ttriage", "Claims\ntriage\r\n", "Schadenfälle 😀 日本"})
  void tabsLineBreaksAndAnyUnicodeAreFine(String name) {
    assertThat(badFields(with("ABC", name, "tara"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Claims \uD83D", "\uDE00 Claims", "Claims \uDE00\uD83D"})
  void aBrokenSurrogateIsRefused(String name) {
    assertThat(badFields(with("ABC", name, "tara"))).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tara", "t.ara", "t_ara", "tara@example.org", "t-ara", "TARA99", ""})
  void aUserIdIsLettersDigitsDotUnderscoreAtOrDash(String userId) {
    assertThat(badFields(with("ABC", valid().name(), userId))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tara smith", "tara;drop", "tära", "tara/x", "<tara>"})
  void anythingElseIsNotAUserId(String userId) {
    assertThat(badFields(with("ABC", valid().name(), userId))).containsExactly("techLead");
  }

  @Test
  void requiredFieldsMustBePresent() {
    PilotRegistration empty = new PilotRegistration(null, " ", null, "", null, null, "", null, null, null, null,
        null, null, null, null, null, null, null);
    assertThat(badFields(empty)).contains("key", "name", "businessUnit", "useCaseDescription", "framework",
        "executiveOwner", "aiProductOwner", "affectsIndividuals", "regulatedDomain", "processesPersonalData",
        "autonomy");
  }

  @Test
  void costsAreNonNegativeWithAtMostTwoDecimals() {
    PilotRegistration r = valid();
    PilotRegistration bad = new PilotRegistration(r.key(), r.name(), r.businessUnit(), r.useCaseDescription(),
        r.framework(), r.executiveOwner(), r.aiProductOwner(), null, null, null, null, false, false, false,
        r.autonomy(), new BigDecimal("-1"), new BigDecimal("1.234"), Map.of());
    assertThat(badFields(bad)).containsExactlyInAnyOrder("pilotCost", "projectedProductionCost");
  }

  @Test
  void atMostNineStepDurations() {
    UnaryOperator<Map<String, String>> build = m -> m;
    PilotRegistration r = valid();
    Map<String, String> ten = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      ten.put("S" + i, "P1D");
    }
    PilotRegistration bad = new PilotRegistration(r.key(), r.name(), r.businessUnit(), r.useCaseDescription(),
        r.framework(), r.executiveOwner(), r.aiProductOwner(), null, null, null, null, false, false, false,
        r.autonomy(), null, null, build.apply(ten));
    assertThat(badFields(bad)).containsExactly("stepDurations");
  }
}
