package org.pilotlifecycle.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Text people entered is shown to the next person as literal text, never rendered as markup. form-js renders a
 * {@code text} component (and an {@code html} one) as Markdown and HTML after filling in its {@code {{ }}}
 * templates and FEEL expressions: a variable interpolated there would render a link, an image or a table that
 * someone typed into a deliverable. A disabled textfield or textarea shows the same value as plain text (and
 * form-js does not submit it).
 */
class UserTextInFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Variables the server writes that carry text people entered (a rejection's reason, a check's summary). */
  private static final Set<String> SERVER_VARIABLES_WITH_USER_TEXT = Set.of("stepFeedback");

  /** What a pattern may allow for its field to carry no markup at all: letters, digits and dashes. */
  private static final Pattern INERT_PATTERN = Pattern.compile("\\^\\[A-Z]\\[A-Z0-9-]\\{\\d+,\\d+}\\$");

  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "null", "and", "or", "not", "true",
      "false", "string", "decimal", "substring", "number", "for", "in", "some", "every", "satisfies", "return",
      "date", "time", "floor", "ceiling", "count", "sum", "upper", "lower", "case");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static List<JsonNode> forms() throws IOException {
    List<JsonNode> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.add(JSON.readTree(file.toFile()));
      }
    }
    return forms;
  }

  /** Every variable a text field or textarea of some form lets a person fill in, and the server's own. */
  static Set<String> userText(List<JsonNode> forms) {
    Set<String> variables = new TreeSet<>(SERVER_VARIABLES_WITH_USER_TEXT);
    for (JsonNode form : forms) {
      for (JsonNode component : FormStorageContractTest.components(form.path("components"))) {
        String type = component.path("type").asText();
        String pattern = component.path("validate").path("pattern").asText("");
        if (("textfield".equals(type) || "textarea".equals(type)) && !component.path("disabled").asBoolean(false)
            && !INERT_PATTERN.matcher(pattern).matches()) {
          variables.add(component.path("key").asText());
        }
      }
    }
    return variables;
  }

  /** The variables a text's templates and FEEL expression name. */
  static Set<String> referenced(String text) {
    List<String> expressions = new ArrayList<>();
    Matcher template = TEMPLATE.matcher(text);
    while (template.find()) {
      expressions.add(template.group(1));
    }
    if (text.startsWith("=")) {
      expressions.add(text.substring(1));
    }
    Set<String> names = new TreeSet<>();
    for (String expression : expressions) {
      Matcher name = NAME.matcher(expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", ""));
      while (name.find()) {
        if (!FEEL_WORDS.contains(name.group())) {
          names.add(name.group());
        }
      }
    }
    return names;
  }

  @Test
  void textPeopleEnteredIsNeverRenderedAsMarkup() throws IOException {
    List<JsonNode> forms = forms();
    Set<String> userText = userText(forms);
    assertThat(userText).contains("useCaseDescription", "gateReason", "pipelineEvidence", "name", "stepFeedback")
        .doesNotContain("pilotKey");
    List<String> violations = new ArrayList<>();
    for (JsonNode form : forms) {
      for (JsonNode component : FormStorageContractTest.components(form.path("components"))) {
        String type = component.path("type").asText();
        if (!"text".equals(type) && !"html".equals(type)) {
          continue;
        }
        Set<String> shown = referenced(component.path("text").asText("") + component.path("content").asText(""));
        shown.retainAll(userText);
        if (!shown.isEmpty()) {
          violations.add(form.path("id").asText() + ": " + component.path("id").asText() + " renders " + shown);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theScanFindsTemplatesAndFeel() {
    assertThat(referenced("**{{name}}** ({{pilotKey}})")).containsExactly("name", "pilotKey");
    assertThat(referenced("{{if notes = null or notes = \"\" then \"_No notes._\" else notes}}"))
        .containsExactly("notes");
    assertThat(referenced("=\"Reason: \" + gateReason")).containsExactly("gateReason");
    assertThat(referenced("# Plain heading, no variables")).isEmpty();
  }
}
