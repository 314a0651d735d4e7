package org.pilotlifecycle.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver, as a user meets the webapps. Screenshots go
 * to {@code target/browser-screenshots}. Without Chromium the browser tests are skipped, except in CI
 * ({@code CI=true}) or with {@code -Dbrowser.required=true}, where they fail.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  final WebDriver driver;
  final WebDriverWait wait;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    this.base = base;
  }

  static Browser open(int port) {
    return open("http://localhost:" + port);
  }

  /** A browser for the application at {@code base} ({@code http://host:port}). */
  static Browser open(String base) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String reason = "No Chromium at " + CHROMIUM + " or chromedriver at " + CHROMEDRIVER
          + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
      if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("browser.required")) {
        Assertions.fail(reason);
      }
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1600");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), base);
  }

  void go(String path) {
    driver.get(base + path);
  }

  /**
   * Logs in on the webapp's own login page, as a person does: types the name and password and signs in, and
   * types them again when the page was drawn anew under their hands. The webapps draw the login view a second
   * time while they start (their route settles), and what was typed into the first one is gone: the browser
   * then refuses the empty required fields and nothing is sent. A refused login (the webapp's notification)
   * fails at once with the webapp's message.
   */
  void logIn(String app, String user) {
    go("/camunda/app/" + app + "/default/");
    By usernameField = By.cssSelector("input[placeholder=Username]");
    WebDriverWait attempt = new WebDriverWait(driver, Duration.ofSeconds(10));
    for (int tries = 1; ; tries++) {
      WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(usernameField));
      username.clear();
      username.sendKeys(user);
      WebElement password = driver.findElement(By.cssSelector("input[placeholder=Password]"));
      password.clear();
      password.sendKeys("demo");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        attempt.until(ExpectedConditions.invisibilityOfElementLocated(usernameField));
        if (tries > 1) {
          System.out.printf("[browser] login of %s into %s took %d attempts: the login view was drawn anew%n", user, app, tries);
        }
        return;
      } catch (org.openqa.selenium.TimeoutException stillThere) {
        String refusal = driver.findElements(By.cssSelector(".notifications-panel .alert, .notification.alert")).stream()
            .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null);
        if (refusal != null || tries == 3) {
          screenshot("login-failed-" + app + "-" + user);
          throw new AssertionError("Login of " + user + " into " + app + " did not succeed after " + tries
              + " attempt(s): " + (refusal != null ? refusal : "the login form stayed, with no message"), stillThere);
        }
      }
    }
  }

  WebElement waitForText(String text) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[not(self::script) and contains(normalize-space(.), \"" + text + "\") and not(*[contains(normalize-space(.), \"" + text + "\")])]")));
  }

  /** Scrolls the element to the middle of the window, clear of headers and notifications. */
  WebElement scrollTo(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
