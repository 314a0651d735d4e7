package org.pilotlifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks of the files analysts edit in Camunda Modeler that the engine would only catch at runtime:
 * a history time to live on every process and decision, and every referenced form exists.
 */
class ModelFilesTest {

  private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");

  @Test
  void everyProcessSetsAHistoryTimeToLive() throws Exception {
    List<Path> files = files(BPMN, ".bpmn");
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("PilotIntake.bpmn", "FivePhaseOperationalization.bpmn", "FourStageScaling.bpmn");
    for (Path file : files) {
      NodeList processes = parse(file).getElementsByTagNameNS("*", "process");
      assertThat(processes.getLength()).as(file + " has a process").isPositive();
      for (int i = 0; i < processes.getLength(); i++) {
        Element process = (Element) processes.item(i);
        assertThat(process.getAttributeNS(CAMUNDA_BPMN, "historyTimeToLive"))
            .as("historyTimeToLive of process %s in %s", process.getAttribute("id"), file).isNotBlank();
        assertThat(file.getFileName().toString()).as("file named after its process")
            .isEqualTo(process.getAttribute("id") + ".bpmn");
      }
    }
  }

  @Test
  void everyDecisionSetsAHistoryTimeToLive() throws Exception {
    List<Path> files = files(BPMN, ".dmn");
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      NodeList decisions = parse(file).getElementsByTagNameNS("*", "decision");
      assertThat(decisions.getLength()).as(file + " has a decision").isPositive();
      for (int i = 0; i < decisions.getLength(); i++) {
        Element decision = (Element) decisions.item(i);
        assertThat(decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive"))
            .as("historyTimeToLive of decision %s in %s", decision.getAttribute("id"), file).isNotBlank();
      }
    }
  }

  @Test
  void everyReferencedFormExistsAndIsBoundToTheLatestVersion() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> formIds = files(FORMS, ".form").stream()
        .map(file -> {
          try {
            return json.readTree(file.toFile()).path("id").asText();
          } catch (IOException e) {
            throw new AssertionError(file + " is not JSON", e);
          }
        })
        .collect(Collectors.toSet());
    for (Path file : files(BPMN, ".bpmn")) {
      Document document = parse(file);
      for (String tag : List.of("startEvent", "userTask")) {
        NodeList elements = document.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < elements.getLength(); i++) {
          Element element = (Element) elements.item(i);
          String formRef = element.getAttributeNS(CAMUNDA_BPMN, "formRef");
          if (tag.equals("userTask") || !formRef.isEmpty()) {
            assertThat(formRef).as("form of %s in %s", element.getAttribute("id"), file).isIn(formIds);
            assertThat(element.getAttributeNS(CAMUNDA_BPMN, "formRefBinding")).isEqualTo("latest");
          }
        }
      }
    }
  }

  /**
   * The README's pictures are rendered from the diagrams ({@code docs/render}); each records the hash of
   * the diagram it shows, so a diagram changed without rendering its picture again fails here.
   */
  @Test
  void everyDiagramHasAnUpToDatePicture() throws Exception {
    java.util.regex.Pattern source = java.util.regex.Pattern.compile(
        "<!-- source: (bpmn/\\S+\\.bpmn) sha256:([0-9a-f]{64}) -->");
    for (Path diagram : files(BPMN, ".bpmn")) {
      String name = diagram.getFileName().toString().replaceFirst("\\.bpmn$", "");
      Path picture = Path.of("docs", "processes", name + ".svg");
      assertThat(picture).as("picture of " + diagram + ": run `npm ci --prefix docs/render && node docs/render/render.mjs`")
          .exists();
      String head;
      try (var lines = Files.lines(picture)) {
        head = String.join("\n", lines.limit(3).toList());
      }
      java.util.regex.Matcher matcher = source.matcher(head);
      assertThat(matcher.find()).as(picture + " names its source diagram").isTrue();
      assertThat(matcher.group(1)).isEqualTo("bpmn/" + diagram.getFileName());
      String hash = java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(diagram)));
      assertThat(matcher.group(2)).as(picture + " shows an older " + diagram
          + ": run `npm ci --prefix docs/render && node docs/render/render.mjs`").isEqualTo(hash);
    }
  }

  static List<Path> files(Path folder, String extension) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
