package org.pilotlifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.OidcProvider;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.support.SingleSignOnTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on as people meet it (issue 17): real Chromium, the real provider's login page ({@link OidcProvider}),
 * Tasklist. A person signs in at the provider, lands in Tasklist as themselves and completes their task, reads the API
 * with that login, is signed in again when the application's session is lost; the webapps' logout ends the
 * application's session and the provider's; a person without a product group is refused.
 */
@Tag("browser")
class SingleSignOnInTheBrowserTest extends SingleSignOnTestSupport {

  @Autowired PilotIntakeService intake;
  @Autowired TaskService taskService;

  @Test
  void aPersonSignsInAtTheProviderWorksTheirTaskInTasklistAndLogsOut() {
    String key = Registrations.newKey("SSOWEB");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    String confirmation = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(PilotIntakeProcess.TASK_CONFIRM_REGISTRATION).singleResult().getId();

    try (Browser browser = Browser.open(BASE)) {
      browser.go("/camunda/app/tasklist/default/");
      signInAtTheProvider(browser, "paul");

      // In Tasklist, as paul (his name from the engine's user), with the filters of his groups.
      browser.waitForText("Tasks for my groups");
      browser.waitForText("Paul Product");
      assertThat(browser.driver.getCurrentUrl()).startsWith(BASE + "/camunda/app/tasklist/default/");
      browser.go("/camunda/app/tasklist/default/#/?task=" + confirmation);
      browser.waitForText("Confirm the pilot registration");
      browser.waitForText(key);
      browser.screenshot("sso-tasklist-paul");
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
      browser.wait.until(driver -> "paul".equals(taskService.createTaskQuery().taskId(confirmation).singleResult().getAssignee()));
      WebElement confirm = browser.driver.findElement(By.cssSelector(".fjs-form-field-checkbox input[type=checkbox]"));
      browser.scrollTo(confirm).click();
      browser.scrollTo(browser.wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//button[normalize-space(.)='Complete']")))).click();
      browser.wait.until(driver -> taskService.createTaskQuery().taskId(confirmation).count() == 0);

      // The dashboards read the API with this login, as with the webapps' own.
      browser.go("/api/pilots/" + key);
      browser.wait.until(driver -> driver.getPageSource().contains("\"key\":\"" + key + "\""));
      browser.go("/camunda/app/tasklist/default/");
      browser.waitForText("Tasks for my groups");

      // The application's session ends without a logout (as when it times out): Tasklist's next call is refused, and
      // the provider, whose session is still there, signs paul in again without asking.
      JavascriptExecutor page = (JavascriptExecutor) browser.driver;
      page.executeScript("window.pilotBeforeTimeout = true;");
      browser.driver.manage().deleteCookieNamed("JSESSIONID");
      browser.scrollTo(browser.waitForText("My sign-offs")).click();
      browser.wait.until(driver -> driver.getCurrentUrl().startsWith(BASE + "/camunda/app/tasklist/default/")
          && Boolean.TRUE.equals(page.executeScript("return window.pilotBeforeTimeout === undefined"
              + " && document.readyState === 'complete';")));
      browser.waitForText("Tasks for my groups");
      browser.waitForText("Paul Product");
      assertThat(browser.driver.getCurrentUrl()).doesNotContain("#/login");

      // The webapps' own logout button: the application's session ends, then the provider's, and the browser comes back.
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account > a, .account .dropdown-toggle")))
          .click();
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout > a"))).click();
      // Back at the application's start page (the post-logout redirect URI), which is behind the sign-in again: had
      // only the application's session ended, the provider would sign paul in again without asking.
      browser.wait.until(driver -> driver.getCurrentUrl().startsWith(provider().issuer() + "/login"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      browser.go("/camunda/app/tasklist/default/");
      browser.wait.until(driver -> driver.getCurrentUrl().startsWith(provider().issuer() + "/login"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      browser.screenshot("sso-after-logout");
    }
  }

  @Test
  void aPersonWithoutAProductGroupIsRefused() {
    try (Browser browser = Browser.open(BASE)) {
      browser.go("/camunda/app/tasklist/default/");
      signInAtTheProvider(browser, "nina");

      browser.waitForText("none of the product's groups");
      assertThat(browser.driver.getCurrentUrl()).startsWith(BASE + "/login/oauth2/code/sso");
      browser.go("/camunda/app/tasklist/default/");
      browser.wait.until(driver -> !driver.getCurrentUrl().startsWith(BASE + "/camunda/app/tasklist"));
    }
  }

  private static void signInAtTheProvider(Browser browser, String person) {
    browser.wait.until(driver -> driver.getCurrentUrl().startsWith(provider().issuer() + "/login"));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(person);
    browser.driver.findElement(By.id("password")).sendKeys(OidcProvider.PASSWORD);
    browser.screenshot("sso-provider-login");
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
  }
}
