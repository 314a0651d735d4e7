package org.pilotlifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Evidence in Tasklist (issue 16): the AI product owner uploads a file in his task's Evidence tab and sees it listed;
 * the executive owner's gate sign-off form lists it with its version and SHA-256, so she sees what she approves.
 */
@Tag("browser")
class EvidenceInTheBrowserTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;

  @Test
  void aFileUploadedInTheEvidenceTabIsListedThereAndInTheGateForm() throws Exception {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    ProcessInstance instance = driver.start(intake, Registrations.lowRisk(Registrations.newKey("EVTAB"),
        Framework.FIVE_PHASE));
    String key = instance.getBusinessKey();
    String define = driver.task(instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId();
    Path file = Files.createTempFile("baseline-", ".csv");
    Files.writeString(file, "week,minutes per claim\n1,50\n2,48\n", StandardCharsets.UTF_8);

    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "paul");
      browser.go("/camunda/app/tasklist/default/#/?task=" + define);
      browser.waitForText("Success metric (KPI)");
      WebElement tab = browser.wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//a[normalize-space(.)='Evidence']")));
      browser.scrollTo(tab).click();
      browser.waitForText("No evidence files yet.");
      WebElement input = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("input.pilot-lifecycle-evidence-file")));
      input.sendKeys(file.toAbsolutePath().toString());
      browser.driver.findElement(By.cssSelector("form.pilot-lifecycle-evidence-upload button")).click();
      WebElement listed = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("tr[data-evidence='" + file.getFileName() + " v1']")));
      browser.screenshot("tasklist-evidence-tab");
      JsonNode uploaded = http().get("/api/pilots/" + key + "/evidence", "paul").json();
      assertThat(uploaded).hasSize(1);
      assertThat(uploaded.get(0).path("uploadedBy").asText()).isEqualTo("paul");
      assertThat(listed.getText()).contains(uploaded.get(0).path("sha256").asText());
    }

    driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    String signOff = driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).getId();
    String sha256 = http().get("/api/pilots/" + key + "/evidence", "olivia").json().get(0).path("sha256").asText();
    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "olivia");
      browser.go("/camunda/app/tasklist/default/#/?task=" + signOff);
      browser.waitForText("Evidence files of this step");
      WebElement evidence = browser.waitForText(sha256);
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains(file.getFileName().toString())
          .contains("v1").contains("paul");
      browser.scrollTo(evidence);
      browser.screenshot("tasklist-gate-form-evidence");
    }
  }
}
