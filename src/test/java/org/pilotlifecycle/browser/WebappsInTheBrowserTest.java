package org.pilotlifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasklist and Cockpit as people meet them: real Chromium, the webapps' own logins, the Camunda Forms. */
@Tag("browser")
class WebappsInTheBrowserTest extends IntegrationTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine processEngine;

  @Test
  void theProductOwnerWorksTheTasksOfANewPilotInTasklist() throws Exception {
    String key = Registrations.newKey("WEB");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String confirmation = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(PilotIntakeProcess.TASK_CONFIRM_REGISTRATION).singleResult().getId();

    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "paul");
      browser.waitForText("Tasks for my groups");
      browser.waitForText("My sign-offs");
      browser.waitForText("My work");
      // The product's name, and no banner telling the reader to migrate to another product (issue 14).
      browser.wait.until(driver -> driver.getTitle().startsWith("Pilot Lifecycle"));
      assertNoMigrationBanner(browser);
      browser.screenshot("tasklist-my-work-paul");
      browser.screenshot("tasklist-filters-paul");

      // The group task of the new pilot: its form shows the registration; confirming starts the framework.
      browser.go("/camunda/app/tasklist/default/#/?task=" + confirmation);
      browser.waitForText("Confirm the pilot registration");
      browser.waitForText(key);
      browser.screenshot("tasklist-confirm-registration-form");
      claim(browser, confirmation);
      WebElement confirm = browser.driver.findElement(By.cssSelector(".fjs-form-field-checkbox input[type=checkbox]"));
      browser.scrollTo(confirm).click();
      complete(browser);
      browser.wait.until(driver -> taskService.createTaskQuery().taskId(confirmation).count() == 0);

      // The first deliverable of phase 1: the form refuses an invalid value, then a valid one advances the pilot.
      String define = browser.wait.until(driver -> {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(key)
            .taskDefinitionKey(FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).singleResult();
        return task == null ? null : task.getId();
      });
      browser.go("/camunda/app/tasklist/default/#/?task=" + define);
      browser.waitForText("Success metric (KPI)");
      claim(browser, define);
      browser.scrollTo(browser.driver.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group"))).click();
      browser.wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='Productivity']"))).click();
      type(browser, "input", "Success metric (KPI)", "Claims processing time");
      type(browser, "input", "Unit", "minutes per claim");
      type(browser, "input", "Baseline", "50");
      type(browser, "input", "Target", "30");
      type(browser, "textarea", "Measurement method", "Median handling time from the claims system, weekly");
      type(browser, "input", "Line manager who owns the number", "lena");
      WebElement annualValue = type(browser, "input", "Annual value (USD per year)", "-5");
      browser.screenshot("tasklist-define-success-metric-form");

      browser.scrollTo(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Complete']"))).click();
      browser.waitForText("minimum value of 0");
      browser.screenshot("tasklist-form-refuses-invalid-input");
      assertThat(taskService.createTaskQuery().taskId(define).count()).as("the task stays open").isOne();

      annualValue.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3200000", Keys.TAB);
      complete(browser);
      browser.wait.until(driver -> taskService.createTaskQuery().taskId(define).count() == 0);
      browser.screenshot("tasklist-after-completion");
    }
    ProcessInstance fivePhase = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(FivePhaseProcess.PROCESS_ID).processInstanceBusinessKey(key).singleResult();
    assertThat(fivePhase).as("the pilot entered its framework").isNotNull();
    new ProcessDriver(processEngine).runChecks(fivePhase);
    assertThat(taskService.createTaskQuery().processInstanceId(fivePhase.getId())
        .taskDefinitionKey(FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC).count())
        .as("the submitted metric passed its check and waits for the business owner").isOne();
    assertThat(Files.size(Browser.SCREENSHOTS.resolve("tasklist-form-refuses-invalid-input.png"))).isPositive();
  }

  private static void assertNoMigrationBanner(Browser browser) {
    org.assertj.core.api.Assertions.assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")).stream()
        .filter(WebElement::isDisplayed).toList()).as("a visible banner asking to migrate").isEmpty();
  }

  private void claim(Browser browser, String taskId) {
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    browser.wait.until(driver -> "paul".equals(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
  }

  private static void complete(Browser browser) {
    WebElement button = browser.wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space(.)='Complete']")));
    browser.scrollTo(button).click();
  }

  /** Types into the form field with the given label, as a user would. */
  private static WebElement type(Browser browser, String tag, String label, String text) {
    WebElement field = browser.driver.findElement(
        By.xpath("//label[normalize-space(text())=\"" + label + "\"]/following::" + tag + "[1]"));
    browser.scrollTo(field).click();
    field.sendKeys(text, Keys.TAB);
    // form-js applies input after a short debounce: the value must still be there once it has.
    browser.wait.until(driver -> text.equals(field.getDomProperty("value"))
        && text.equals(browser.driver.findElement(
            By.xpath("//label[normalize-space(text())=\"" + label + "\"]/following::" + tag + "[1]")).getDomProperty("value")));
    return field;
  }

  @Test
  void theAdministratorSeesTheProcessesAndTheStuckPilotsInCockpit() {
    String key = Registrations.newKey("COCKPIT");
    intake.register(Registrations.lowRisk(key, Framework.FOUR_STAGE));
    ProcessDriver driver = new ProcessDriver(processEngine);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date());
    try {
      driver.start(intake, Registrations.lowRisk(Registrations.newKey("STUCK"), Framework.FIVE_PHASE),
          FivePhaseProcess.PROCESS_ID);
      try (Browser browser = Browser.open(port)) {
        browser.logIn("cockpit", "admin");
        browser.waitForText("Stuck pilots");
        assertNoMigrationBanner(browser);
        // A month later the new pilot's first phase is overdue.
        driver.moveClockBy(java.time.Duration.ofDays(30));
        browser.driver.navigate().refresh();
        browser.waitForText("Phase or stage overdue");
        browser.waitForText("Pilots per phase or stage");
        browser.waitForText("Five-phase: outcome definition");
        assertThat(browser.driver.findElements(By.cssSelector("table.pilot-lifecycle-stuck a[href*='#/process-instance/']")))
            .isNotEmpty();
        browser.screenshot("cockpit-dashboard-stuck-pilots");

        browser.go("/camunda/app/cockpit/default/#/processes");
        browser.waitForText("process definitions deployed");
        for (String process : new String[] {"PilotIntake", "FivePhaseOperationalization", "FourStageScaling"}) {
          browser.waitForText(process);
        }
        WebElement intakeRow = browser.driver.findElement(By.xpath("//tr[.//a[normalize-space(.)='PilotIntake']]"));
        assertThat(intakeRow.getText()).as("running instances of the intake").doesNotContain(" 0 PilotIntake");
        browser.screenshot("cockpit-processes");
      }
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

}
