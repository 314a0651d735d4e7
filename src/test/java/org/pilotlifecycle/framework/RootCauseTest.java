package org.pilotlifecycle.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.web.InvalidFieldsException;

class RootCauseTest {

  @Test
  void theSixRootCausesOfSeed001AndOther() {
    assertThat(Arrays.stream(RootCause.values()).map(RootCause::label)).containsExactly("No hard business owner",
        "Workflow myopia", "Data and integration debt", "Missing MLOps pipeline", "Governance paralysis",
        "Change management deficit", "Other");
  }

  @Test
  void aCauseIsReadInAnyCaseAndATextOnlyWithOther() {
    assertThat(RootCause.required("c", " workflow_myopia ", "t", "ignored"))
        .isEqualTo(new RootCause.Stated(RootCause.WORKFLOW_MYOPIA, null));
    assertThat(RootCause.required("c", "OTHER", "t", "  the unit was sold  "))
        .isEqualTo(new RootCause.Stated(RootCause.OTHER, "the unit was sold"));
  }

  @Test
  void noUnknownOrUndescribedCause() {
    for (Object missing : new Object[] {null, "", "  "}) {
      assertThatThrownBy(() -> RootCause.required("stopRootCause", missing, "stopRootCauseText", null))
          .isInstanceOf(InvalidFieldsException.class)
          .hasMessageContaining("stopRootCause: name the root cause: choose NO_HARD_BUSINESS_OWNER");
    }
    assertThatThrownBy(() -> RootCause.required("stopRootCause", "BAD_LUCK", "stopRootCauseText", null))
        .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("stopRootCause: choose");
    for (Object missing : new Object[] {null, "", " \t "}) {
      assertThatThrownBy(() -> RootCause.required("stopRootCause", "OTHER", "stopRootCauseText", missing))
          .isInstanceOf(InvalidFieldsException.class)
          .hasMessage("stopRootCauseText: describe the root cause when you choose OTHER")
          .satisfies(e -> assertThat(((InvalidFieldsException) e).getField()).isEqualTo("stopRootCauseText"));
    }
    assertThatThrownBy(() -> RootCause.required("stopRootCause", "OTHER", "stopRootCauseText", "x".repeat(501)))
        .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("at most 500 characters");
    assertThat(RootCause.required("stopRootCause", "OTHER", "stopRootCauseText", "x".repeat(500)).text()).hasSize(500);
  }

  /** Every form that can stop a pilot offers exactly this vocabulary, with the text's limit, shown only for a stop. */
  @Test
  void theStopFormsOfferTheVocabulary() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Map<String, String> decisions = java.util.Map.of("decide-overdue-step", "overdueDecision",
        "decide-after-no-go", "noGoDecision", "decide-adoption-shortfall", "shortfallDecision");
    for (var form : decisions.entrySet()) {
      com.fasterxml.jackson.databind.JsonNode root = json.readTree(java.nio.file.Path.of("forms", form.getKey() + ".form").toFile());
      com.fasterxml.jackson.databind.JsonNode cause = root.findParents("key").stream()
          .filter(c -> "stopRootCause".equals(c.path("key").asText())).findFirst().orElseThrow();
      com.fasterxml.jackson.databind.JsonNode text = root.findParents("key").stream()
          .filter(c -> "stopRootCauseText".equals(c.path("key").asText())).findFirst().orElseThrow();
      assertThat(cause.path("values").findValuesAsText("value")).as(form.getKey())
          .containsExactlyElementsOf(Arrays.stream(RootCause.values()).map(Enum::name).toList());
      assertThat(cause.path("conditional").path("hide").asText()).isEqualTo("=" + form.getValue() + " != \"STOP\"");
      assertThat(text.path("validate").path("maxLength").asInt()).isEqualTo(RootCause.MAX_TEXT_LENGTH);
      assertThat(text.path("conditional").path("hide").asText()).contains("stopRootCause != \"OTHER\"");
    }
  }
}
