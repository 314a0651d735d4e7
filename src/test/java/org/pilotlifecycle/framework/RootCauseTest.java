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

  /**
   * The decisions that can end a pilot, found from the diagrams: a sequence flow whose condition is
   * {@code ${field == 'STOP'}} or {@code ${field == 'RETIRE'}} makes {@code field} such a decision, with that outcome.
   */
  private static java.util.Map<String, String> endingDecisions() throws Exception {
    java.util.regex.Pattern ending = java.util.regex.Pattern.compile("\\$\\{\\s*(\\w+)\\s*==\\s*'(STOP|RETIRE)'\\s*}");
    java.util.Map<String, String> decisions = new java.util.TreeMap<>();
    try (var diagrams = java.nio.file.Files.list(java.nio.file.Path.of("bpmn"))) {
      for (java.nio.file.Path diagram : diagrams.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        java.util.regex.Matcher condition = ending.matcher(java.nio.file.Files.readString(diagram));
        while (condition.find()) {
          decisions.put(condition.group(1), condition.group(2));
        }
      }
    }
    return decisions;
  }

  /** The field that names the root cause, per outcome that ends a pilot. */
  private static final java.util.Map<String, String> ROOT_CAUSE_FIELD = java.util.Map.of(
      "STOP", org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE,
      "RETIRE", org.pilotlifecycle.production.ProductionOperationsProcess.Variables.RETIREMENT_ROOT_CAUSE);
  private static final java.util.Map<String, String> ROOT_CAUSE_TEXT_FIELD = java.util.Map.of(
      "STOP", org.pilotlifecycle.lifecycle.LifecycleVariables.STOP_ROOT_CAUSE_TEXT,
      "RETIRE", org.pilotlifecycle.production.ProductionOperationsProcess.Variables.RETIREMENT_ROOT_CAUSE_TEXT);

  /** Radios that offer STOP or RETIRE without deciding it: the tech lead's recommendation before the signal review. */
  private static final java.util.Set<String> ADVISORY = java.util.Set.of(
      org.pilotlifecycle.production.ProductionOperationsProcess.Variables.SIGNAL_RECOMMENDATION);

  /**
   * Every form whose decision can end a pilot (stop or retire, {@link #endingDecisions}) offers exactly this
   * vocabulary right with the decision, shown only for that outcome, and the text's limit, shown only with OTHER.
   * Every other radio that offers STOP or RETIRE is advisory.
   */
  @Test
  void everyFormWhoseDecisionCanEndAPilotOffersTheVocabulary() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Map<String, String> decisions = endingDecisions();
    assertThat(decisions).as("the diagrams' decisions that end a pilot").containsEntry("overdueDecision", "STOP")
        .containsEntry("noGoDecision", "STOP").containsEntry("shortfallDecision", "STOP")
        .containsEntry("signalReviewOutcome", "RETIRE").containsEntry("executiveReviewAction", "RETIRE")
        .containsEntry("productionEscalationDecision", "RETIRE").containsEntry("resumeDecision", "RETIRE");
    java.util.List<String> checked = new java.util.ArrayList<>();
    java.util.List<String> findings = new java.util.ArrayList<>();
    try (var forms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      for (java.nio.file.Path file : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        String form = file.getFileName().toString();
        com.fasterxml.jackson.databind.JsonNode root = json.readTree(file.toFile());
        for (com.fasterxml.jackson.databind.JsonNode radio : root.findParents("key")) {
          String key = radio.path("key").asText();
          java.util.List<String> offered = radio.path("values").findValuesAsText("value");
          String outcome = decisions.get(key);
          if (outcome == null) {
            if ((offered.contains("STOP") || offered.contains("RETIRE")) && !ADVISORY.contains(key)) {
              findings.add(form + ": " + key + " offers " + offered + " but no diagram ends a pilot on it");
            }
            continue;
          }
          if (!"radio".equals(radio.path("type").asText()) || radio.path("disabled").asBoolean(false)) {
            continue;
          }
          checked.add(form + ":" + key);
          String causeField = ROOT_CAUSE_FIELD.get(outcome);
          String textField = ROOT_CAUSE_TEXT_FIELD.get(outcome);
          var cause = root.findParents("key").stream().filter(c -> causeField.equals(c.path("key").asText())).findFirst();
          var text = root.findParents("key").stream().filter(c -> textField.equals(c.path("key").asText())).findFirst();
          if (cause.isEmpty() || text.isEmpty()) {
            findings.add(form + ": " + key + " can " + outcome + " but the form has no " + causeField + "/" + textField);
            continue;
          }
          if (!"select".equals(cause.get().path("type").asText()) || !cause.get().path("values").findValuesAsText("value")
              .equals(Arrays.stream(RootCause.values()).map(Enum::name).toList())) {
            findings.add(form + ": " + causeField + " is not a select of exactly " + Arrays.toString(RootCause.values()));
          }
          String shownFor = "=" + key + " != \"" + outcome + "\"";
          if (!shownFor.equals(cause.get().path("conditional").path("hide").asText())) {
            findings.add(form + ": " + causeField + " must be hidden by " + shownFor);
          }
          if (text.get().path("validate").path("maxLength").asInt() != RootCause.MAX_TEXT_LENGTH) {
            findings.add(form + ": " + textField + " must be limited to " + RootCause.MAX_TEXT_LENGTH);
          }
          String textHide = text.get().path("conditional").path("hide").asText();
          if (!textHide.contains(causeField + " != \"OTHER\"") || !textHide.contains(key + " != \"" + outcome + "\"")) {
            findings.add(form + ": " + textField + " must be shown for " + outcome + " with OTHER only: " + textHide);
          }
        }
      }
    }
    assertThat(findings).isEmpty();
    assertThat(checked).as("the forms that end a pilot").containsExactlyInAnyOrder(
        "decide-overdue-step.form:overdueDecision", "decide-after-no-go.form:noGoDecision",
        "decide-adoption-shortfall.form:shortfallDecision", "decide-on-monitoring-signals.form:signalReviewOutcome",
        "review-production-dashboard.form:executiveReviewAction",
        "decide-production-escalation.form:productionEscalationDecision", "resume-production-pilot.form:resumeDecision");
  }
}
