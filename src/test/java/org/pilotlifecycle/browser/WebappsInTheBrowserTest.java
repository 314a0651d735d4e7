package org.pilotlifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pilotlifecycle.bootstrap.TasklistFilterBootstrap;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotRegistration;
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
  @Autowired org.pilotlifecycle.reporting.stuck.StuckPilots stuckPilots;

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

  @Test
  void aBusinessOwnerSeesOneCardPerSignOffOfHerOwnPilotsEachNamingItsPilot() {
    // One run's pilots share a token in their keys, so that Tasklist's search finds them among other tests' pilots.
    String run = "T" + Registrations.newKey("X").substring(2, 7);
    List<PilotRegistration> olivias = List.of(
        pilot("CLAIMS-" + run, "Claims triage assistant", "Claims operations", "olivia"),
        pilot("INVOICES-" + run, "Invoice matching", "Finance", "olivia"),
        pilot("SUPPLIERS-" + run, "Supplier risk alerts", "Procurement", "olivia"));
    PilotRegistration oscars = pilot("CALLS-" + run, "Call summaries", "Customer service", "oscar");
    ProcessDriver driver = new ProcessDriver(processEngine);
    Map<String, Task> signOffs = new java.util.LinkedHashMap<>();
    for (PilotRegistration registration : concat(olivias, oscars)) {
      ProcessInstance instance = driver.start(intake, registration, FivePhaseProcess.PROCESS_ID);
      driver.work("paul", instance, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
      signOffs.put(registration.key(), driver.task(instance, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC));
    }
    String search = "/camunda/app/tasklist/default/#/?searchQuery=" + java.net.URLEncoder.encode(
        "[{\"type\":\"processVariables\",\"operator\":\"like\",\"value\":\"" + run + "\",\"name\":\"pilotKey\"}]",
        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "olivia");
      browser.waitForText(TasklistFilterBootstrap.MY_WORK);
      // Unsearched, as she meets it (other tests' pilots of Olivia's may share the list; run alone, only these).
      browser.wait.until(webDriver -> !cards(browser).isEmpty());
      browser.screenshot("tasklist-my-work-cards-folded");
      browser.go(search);
      for (PilotRegistration pilot : olivias) {
        String card = card(browser, pilot.key());
        assertThat(card).contains("Sign off success metric").contains(pilot.name()).contains(pilot.key())
            .contains(pilot.businessUnit()).contains("Phase 1: Outcome definition")
            .contains(dueDate(signOffs.get(pilot.key())));
      }
      assertThat(cards(browser)).as("Olivia's cards of this run: one per sign-off, none of Oscar's pilot")
          .hasSize(olivias.size());
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain(oscars.key());
      browser.screenshot("tasklist-my-work-cards");
    }
    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "oscar");
      browser.waitForText(TasklistFilterBootstrap.MY_WORK);
      browser.go(search);
      String card = card(browser, oscars.key());
      assertThat(card).contains(oscars.name()).contains(oscars.businessUnit()).contains("Phase 1: Outcome definition");
      assertThat(cards(browser)).as("Oscar's cards of this run: his pilot only").hasSize(1);
      String page = browser.driver.findElement(By.tagName("body")).getText();
      olivias.forEach(pilot -> assertThat(page).doesNotContain(pilot.key()));
      browser.screenshot("tasklist-my-work-cards-oscar");
    }
  }

  private static List<PilotRegistration> concat(List<PilotRegistration> some, PilotRegistration one) {
    List<PilotRegistration> all = new java.util.ArrayList<>(some);
    all.add(one);
    return all;
  }

  private static PilotRegistration pilot(String key, String name, String businessUnit, String executiveOwner) {
    PilotRegistration base = Registrations.lowRisk(key, Framework.FIVE_PHASE);
    return new PilotRegistration(key, name, businessUnit, base.useCaseDescription(), base.framework(), executiveOwner,
        base.aiProductOwner(), base.techLead(), base.riskComplianceOwner(), base.changeManager(), base.lineManager(),
        base.affectsIndividuals(), base.regulatedDomain(), base.processesPersonalData(), base.autonomy(),
        base.pilotCost(), base.projectedProductionCost(), null);
  }

  /** The task cards of the list on the left. */
  private static List<WebElement> cards(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".tasks-list li.task"));
  }

  /**
   * The text of the one task card naming the pilot key, once it shows, its card variables unfolded: Tasklist shows the
   * first two (pilot and key) and unfolds the others (business unit, phase or stage, due) with the card's "Show more".
   */
  private static String card(Browser browser, String pilotKey) {
    WebElement card = browser.wait.until(driver -> {
      List<WebElement> matching = cards(browser).stream().filter(c -> c.getText().contains(pilotKey)).toList();
      return matching.size() == 1 ? matching.get(0) : null;
    });
    if (card.findElements(By.cssSelector(".task-card-details.expanded")).isEmpty()) {
      browser.scrollTo(card.findElement(By.cssSelector(".task-card-details .shutter"))).click();
    }
    browser.wait.until(driver -> card.getText().contains("Due:"));
    return card.getText();
  }

  /** The phase's due date as a card shows it, "21 December 2026 13:41" (the browser runs in the JVM's time zone). */
  private static String dueDate(Task task) {
    return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", java.util.Locale.ENGLISH)
        .format(task.getDueDate().toInstant().atZone(java.time.ZoneId.systemDefault()));
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

  @Test
  void cockpitShowsWhereAnOverduePilotIsStuckOnTheDiagramAndThePilotBehindTheInstance() {
    ProcessDriver driver = new ProcessDriver(processEngine);
    java.time.Instant now = java.time.Instant.now();
    // Registered two months ago: its first phase is long overdue, longer than any pilot of the other tests.
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now.minus(java.time.Duration.ofDays(60))));
    try {
      String key = Registrations.newKey("DIAGRAM");
      String name = "Claims <b>triage</b> & \"routing\"";
      var base = Registrations.lowRisk(key, Framework.FIVE_PHASE);
      ProcessInstance instance = driver.start(intake, new org.pilotlifecycle.pilot.PilotRegistration(key, name,
          base.businessUnit(), base.useCaseDescription(), base.framework(), base.executiveOwner(), base.aiProductOwner(),
          base.techLead(), base.riskComplianceOwner(), base.changeManager(), base.lineManager(),
          base.affectsIndividuals(), base.regulatedDomain(), base.processesPersonalData(), base.autonomy(),
          base.pilotCost(), base.projectedProductionCost(), null), FivePhaseProcess.PROCESS_ID);
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now));
      String definitionId = instance.getProcessDefinitionId();
      var expected = stuckPilots.onDiagram(definitionId, 1).activities().stream()
          .filter(activity -> activity.activityId().equals(FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC))
          .findFirst().orElseThrow();
      assertThat(expected.pilots().get(0).pilotKey()).as("the longest stuck at its task").isEqualTo(key);

      try (Browser browser = Browser.open(port)) {
        browser.logIn("cockpit", "admin");
        // On the intake's diagram the pilot waits at the call activity of its framework.
        String intakeDefinition = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
            .processDefinitionKey(PilotIntakeProcess.PROCESS_ID).singleResult().getProcessDefinitionId();
        browser.go("/camunda/app/cockpit/default/#/process-definition/" + intakeDefinition + "/runtime");
        WebElement call = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
            ".pilot-lifecycle-stuck-overlay[data-activity-id='" + PilotIntakeProcess.CALL_FIVE_PHASE
                + "'] .pilot-lifecycle-stuck-badge[data-reason='STEP_OVERDUE']")));
        assertThat(Integer.parseInt(call.getText())).isPositive();
        browser.go("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
        By overdueBadge = By.cssSelector(".pilot-lifecycle-stuck-overlay[data-activity-id='"
            + FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC + "'] .pilot-lifecycle-stuck-badge[data-reason='STEP_OVERDUE']");
        WebElement badge = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(overdueBadge));
        assertThat(badge.getText()).as("overdue pilots at the task")
            .isEqualTo(String.valueOf(expected.counts().get(org.pilotlifecycle.reporting.stuck.StuckReason.STEP_OVERDUE)));
        assertThat(badge.getAttribute("class")).contains("pilot-lifecycle-stuck-STEP_OVERDUE");
        assertThat(badge.getCssValue("background-color")).as("overdue is red").isEqualTo("rgba(181, 21, 43, 1)");

        zoomInAt(browser, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC);
        badge = browser.wait.until(ExpectedConditions.elementToBeClickable(overdueBadge));
        badge.click();
        WebElement row = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
            ".pilot-lifecycle-stuck-overlay.open tr.pilot-lifecycle-stuck-pilot[data-pilot-key='" + key + "']")));
        assertThat(row.getText()).contains(key).contains(name).contains("Phase or stage overdue").contains("d ");
        assertThat(row.findElements(By.tagName("b"))).as("the name is text, not markup").isEmpty();
        WebElement link = row.findElement(By.cssSelector("a.pilot-lifecycle-stuck-link"));
        assertThat(link.getAttribute("href")).endsWith("#/process-instance/" + instance.getId() + "/runtime");
        browser.screenshot("cockpit-diagram-stuck-overlay");

        // The pilot behind the instance, a tab of its page.
        link.click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(
            By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Pilot']"))).click();
        WebElement tab = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".pilot-lifecycle-pilot .pilot-lifecycle-pilot-name")));
        assertThat(tab.getText()).isEqualTo(name);
        WebElement pilot = browser.driver.findElement(By.cssSelector(".pilot-lifecycle-pilot"));
        assertThat(pilot.findElements(By.tagName("b"))).as("the name is text, not markup").isEmpty();
        assertThat(field(pilot, "Pilot key")).isEqualTo(key);
        assertThat(field(pilot, "Phase or stage")).isEqualTo("outcome definition");
        assertThat(field(pilot, "Due")).endsWith("(overdue)");
        assertThat(field(pilot, "Executive owner")).isEqualTo("olivia");
        assertThat(field(pilot, "AI product owner")).isEqualTo("paul");
        assertThat(field(pilot, "Line manager")).isEqualTo("lena");
        WebElement registered = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".pilot-lifecycle-pilot tr.pilot-lifecycle-audit-entry[data-type='REGISTERED']")));
        assertThat(registered.getText()).contains("registered");
        assertThat(pilot.findElements(By.cssSelector("tr.pilot-lifecycle-audit-entry[data-type='STEP_STARTED']")))
            .isNotEmpty();
        // The tabs take the page (Cockpit's "show tabs"), for the screenshot.
        browser.driver.findElement(By.cssSelector(".ctn-content-top a.hide-collapsable")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".pilot-lifecycle-pilot tr.pilot-lifecycle-audit-entry[data-type='REGISTERED']")));
        browser.screenshot("cockpit-instance-pilot-tab");

      }
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  /** Zooms Cockpit's diagram in on one element, as a reader would: drag it to the middle, then "zoom in". */
  private static void zoomInAt(Browser browser, String elementId) {
    By shape = By.cssSelector(".djs-element[data-element-id='" + elementId + "']");
    WebElement container = browser.driver.findElement(By.cssSelector(".djs-container"));
    org.openqa.selenium.Rectangle canvas = container.getRect();
    org.openqa.selenium.Rectangle target = browser.driver.findElement(shape).getRect();
    int dx = canvas.getX() + canvas.getWidth() / 2 - (target.getX() + target.getWidth() / 2);
    int dy = canvas.getY() + canvas.getHeight() / 2 - (target.getY() + target.getHeight() / 2);
    new org.openqa.selenium.interactions.Actions(browser.driver)
        .moveToElement(container, 0, canvas.getHeight() / 2 - 30).clickAndHold()
        .moveByOffset(dx / 2, dy / 2).moveByOffset(dx - dx / 2, dy - dy / 2).release().perform();
    for (int step = 0; step < 30 && browser.driver.findElement(shape).getRect().getWidth() < 100; step++) {
      int before = browser.driver.findElement(shape).getRect().getWidth();
      browser.driver.findElement(By.cssSelector("[title='zoom in']")).click();
      browser.wait.until(driver -> driver.findElement(shape).getRect().getWidth() != before);
    }
    assertThat(browser.driver.findElement(shape).getRect().getWidth()).as("zoomed in").isGreaterThanOrEqualTo(100);
  }

  /** The value of a field of the pilot tab, by its term. */
  private static String field(WebElement pilot, String term) {
    return pilot.findElement(By.cssSelector("dd[data-field='" + term + "']")).getText();
  }

}
