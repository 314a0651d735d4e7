package org.pilotlifecycle.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each process's story test covers its flow nodes and sequence flows: at least 95% for the framework
 * processes and the production operations, 90% for the intake. Reads the reports the coverage library wrote while the suite ran (it runs last);
 * run alone, it runs the story test first, through the JUnit Platform launcher, and requires it to pass.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Pattern ELEMENT = Pattern.compile(
      "<bpmn:(sequenceFlow|startEvent|endEvent|userTask|serviceTask|businessRuleTask|exclusiveGateway|"
          + "parallelGateway|inclusiveGateway|eventBasedGateway|boundaryEvent|intermediateCatchEvent|"
          + "intermediateThrowEvent|subProcess|callActivity|task|scriptTask|sendTask|receiveTask|manualTask)\\b[^>]*?\\bid=\"([^\"]+)\"");

  @ParameterizedTest(name = "{1} covers at least {2} of {0}")
  @CsvSource({"FivePhaseOperationalization, org.pilotlifecycle.fivephase.FivePhaseProcessTest, 0.95",
      "FourStageScaling, org.pilotlifecycle.fourstage.FourStageProcessTest, 0.95",
      "ProductionOperations, org.pilotlifecycle.production.ProductionOperationsProcessTest, 0.95",
      "PilotIntake, org.pilotlifecycle.intake.PilotIntakeProcessTest, 0.90"})
  void theStoryTestCoversTheProcess(String processKey, String testClass, double minimum) throws IOException {
    Path report = REPORTS.resolve(testClass).resolve("report.json");
    if (!Files.exists(report)) {
      runStoryTest(testClass);
    }
    assertThat(report).as("coverage report of " + testClass).exists();
    JsonNode json = new ObjectMapper().readTree(report.toFile());

    Set<String> elements = new TreeSet<>();
    for (JsonNode model : json.path("models")) {
      if (model.path("key").asText().equals(processKey)) {
        Matcher matcher = ELEMENT.matcher(model.path("xml").asText());
        while (matcher.find()) {
          elements.add(matcher.group(2));
        }
        assertThat(elements).as("elements found in the model").hasSize(model.path("totalElementCount").asInt());
      }
    }
    assertThat(elements).as(processKey + " in the report").isNotEmpty();
    Set<String> covered = new TreeSet<>();
    for (JsonNode suite : json.path("suites")) {
      for (JsonNode run : suite.path("runs")) {
        for (JsonNode event : run.path("events")) {
          if (event.path("modelKey").asText().equals(processKey)) {
            covered.add(event.path("definitionKey").asText());
          }
        }
      }
    }
    covered.retainAll(elements);
    Set<String> missing = new TreeSet<>(elements);
    missing.removeAll(covered);
    double coverage = (double) covered.size() / elements.size();
    System.out.printf("Process coverage of %s by %s: %d of %d flow nodes and sequence flows (%.1f%%)%n",
        processKey, testClass, covered.size(), elements.size(), coverage * 100);
    assertThat(coverage).as("coverage of %s; not covered: %s", processKey, missing).isGreaterThanOrEqualTo(minimum);
  }

  /** Runs one story test class in this JVM, so that its coverage report is written; fails when it fails. */
  private static void runStoryTest(String testClass) {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(testClass)).build(), summary);
    assertThat(summary.getSummary().getTotalFailureCount()).as("failures of " + testClass + " run for its coverage")
        .isZero();
    assertThat(summary.getSummary().getTestsSucceededCount()).as("tests of " + testClass).isPositive();
  }
}
