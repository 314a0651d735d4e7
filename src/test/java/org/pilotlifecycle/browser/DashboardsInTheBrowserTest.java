package org.pilotlifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.bootstrap.TasklistFilterBootstrap;
import org.pilotlifecycle.dashboard.DashboardPortfolio;
import org.pilotlifecycle.production.MonitoringSignals;
import org.pilotlifecycle.production.RealisedValue;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboards as their readers meet them (issue 19), in real Chromium with the webapps' login: a member of the
 * steering committee reads the portfolio dashboard, whose every chart draws the figures the API returns for the
 * same seeded portfolio, and follows a figure to a pilot; an executive owner reads her pilot's page; a person the
 * pilot does not concern is refused it.
 */
@Tag("browser")
class DashboardsInTheBrowserTest extends IntegrationTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Each chart's series data, as ECharts holds it after drawing. */
  private static final String CHART_DATA = "return JSON.stringify(Object.fromEntries(Object.entries("
      + "window.pilotLifecycleCharts || {}).map(([name, chart]) => [name, chart.getOption().series.map(s => s.data)])));";

  @Autowired PilotAuditTrail auditTrail;
  @Autowired RealisedValue realisedValue;
  @Autowired MonitoringSignals signals;
  @Autowired ProcessEngine engine;

  static DashboardPortfolio seeded;
  Http http;

  @BeforeEach
  void seed() {
    if (seeded == null) {
      seeded = new DashboardPortfolio(registry, auditTrail, realisedValue, signals, engine).seed();
    }
    http = http();
  }

  private static void ready(Browser browser, String state) {
    browser.wait.until(driver -> state.equals(driver.findElement(By.tagName("body")).getAttribute("data-state")));
  }

  private static JsonNode charts(Browser browser) throws Exception {
    return JSON.readTree((String) ((JavascriptExecutor) browser.driver).executeScript(CHART_DATA));
  }

  /** A number as one writes it: 450000, 20, 32.5 (so that equal amounts compare equal whatever their scale). */
  private static BigDecimal plain(BigDecimal value) {
    return new BigDecimal(value.stripTrailingZeros().toPlainString());
  }

  private static List<BigDecimal> numbers(JsonNode values) {
    List<BigDecimal> result = new ArrayList<>();
    values.forEach(value -> result.add(value.isNull() ? null : value.isArray()
        ? plain(value.get(1).decimalValue()) : plain(value.decimalValue())));
    return result;
  }

  private static List<BigDecimal> numbers(JsonNode items, String field) {
    List<BigDecimal> result = new ArrayList<>();
    items.forEach(item -> result.add(item.path(field).isMissingNode() || item.path(field).isNull() ? null
        : plain(item.path(field).decimalValue())));
    return result;
  }

  private static String figure(Browser browser, String name) {
    return browser.driver.findElement(By.cssSelector("[data-figure='" + name + "'] .value")).getText();
  }

  @Test
  void aSteeringCommitteeMemberReadsThePortfolioDashboardWithTheFiguresOfTheApiAndFollowsOneToItsPilots()
      throws Exception {
    String unit = URLEncoder.encode(seeded.businessUnit, StandardCharsets.UTF_8).replace("+", "%20");
    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "sam");
      browser.waitForText(TasklistFilterBootstrap.MY_WORK);
      WebElement headerLink = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("a[data-pilot-lifecycle='portfolio-dashboard']")));
      assertThat(headerLink.getAttribute("href")).as("Tasklist's header links the dashboard").endsWith("/dashboard");

      browser.go("/dashboard?businessUnit=" + unit);
      ready(browser, "ready");
      JsonNode portfolio = http.get("/api/portfolio?businessUnit=" + unit, "sam").json();
      JsonNode stuck = http.get("/api/pilots/stuck/counts", "sam").json();
      JsonNode rootCauses = http.get("/api/portfolio/root-causes?businessUnit=" + unit, "sam").json();
      JsonNode charts = charts(browser);

      assertThat(figure(browser, "pilots")).isEqualTo(portfolio.path("pilots").asText()).isEqualTo("4");
      assertThat(figure(browser, "inProduction")).isEqualTo(portfolio.path("production").path("inProduction").asText());
      assertThat(figure(browser, "maturity")).isEqualTo(portfolio.path("maturity").path("level").asText());
      assertThat(figure(browser, "openSignals")).isEqualTo("1");

      List<BigDecimal> funnel = new ArrayList<>();
      charts.path("funnel").forEach(series -> numbers(series).stream().filter(n -> n != null && n.signum() > 0).forEach(funnel::add));
      assertThat(funnel).as("the funnel's bars are the API's pilots per step and status")
          .containsExactlyInAnyOrderElementsOf(numbers(portfolio.path("pilotsPerStep"), "pilots"));
      assertThat(numbers(charts.path("timeInStep").get(0))).isEqualTo(numbers(portfolio.path("timeInStep"), "medianDays"));
      assertThat(numbers(charts.path("timeInStep").get(1))).isEqualTo(numbers(portfolio.path("timeInStep"), "p90Days"));
      assertThat(numbers(charts.path("timeToProduction").get(0)))
          .isEqualTo(numbers(portfolio.path("timeToProduction"), "days")).hasSize(2);
      List<BigDecimal> stuckCounts = new ArrayList<>();
      stuck.forEach(count -> stuckCounts.add(plain(count.decimalValue())));
      assertThat(numbers(charts.path("stuck").get(0))).isEqualTo(stuckCounts);
      assertThat(numbers(charts.path("kpis").get(0))).isEqualTo(numbers(portfolio.path("kpis"), "baseline"));
      assertThat(numbers(charts.path("kpis").get(1))).isEqualTo(numbers(portfolio.path("kpis"), "target"));
      assertThat(numbers(charts.path("value").get(0)))
          .isEqualTo(numbers(portfolio.path("production").path("pilots"), "projectedValue"));
      assertThat(numbers(charts.path("value").get(1)))
          .isEqualTo(numbers(portfolio.path("production").path("pilots"), "realisedValue"))
          .containsExactlyInAnyOrder(new BigDecimal("450000"), new BigDecimal("900000"));
      List<BigDecimal> causes = new ArrayList<>();
      rootCauses.path("causes").forEach(cause -> causes.add(plain(rootCauses.path("total")
          .path(cause.path("rootCause").asText()).decimalValue())));
      assertThat(numbers(charts.path("rootCauses").get(0))).isEqualTo(causes);
      assertThat(browser.driver.findElement(By.id("maturity")).getText())
          .contains(portfolio.path("maturity").path("evidence").get(0).asText());
      browser.screenshot("dashboard-portfolio");
      // Printable for a board pack: Chromium prints the page to a PDF of A4 landscape pages.
      org.openqa.selenium.PrintsPage printer = (org.openqa.selenium.PrintsPage) browser.driver;
      org.openqa.selenium.print.PrintOptions options = new org.openqa.selenium.print.PrintOptions();
      options.setOrientation(org.openqa.selenium.print.PrintOptions.Orientation.LANDSCAPE);
      byte[] pdf = java.util.Base64.getDecoder().decode(printer.print(options).getContent());
      java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
      java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("dashboard-portfolio.pdf"), pdf);
      assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      assertThat(pdf.length).as("a PDF with the charts drawn").isGreaterThan(20_000);

      // A figure's pilots: the funnel's "Data readiness / Stopped" count lists the stopped pilot, which links to its page.
      WebElement funnelPanel = browser.driver.findElement(By.id("panel-funnel"));
      browser.scrollTo(funnelPanel.findElement(By.cssSelector("details summary"))).click();
      WebElement stoppedRow = funnelPanel.findElements(By.cssSelector("details tr")).stream()
          .filter(row -> row.getText().contains("Data readiness") && row.getText().contains("Stopped"))
          .findFirst().orElseThrow(() -> new AssertionError("no Data readiness / Stopped row in the funnel's figures"));
      browser.scrollTo(stoppedRow.findElement(By.tagName("a"))).click();
      WebElement pilotLink = browser.wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("#behind-list a[href='/dashboard/pilots/" + seeded.stopped + "']")));
      browser.scrollTo(pilotLink).click();
      browser.wait.until(ExpectedConditions.urlContains("/dashboard/pilots/" + seeded.stopped));
      ready(browser, "ready");
      assertThat(browser.driver.findElement(By.cssSelector("[data-field='rootCause']")).getText())
          .isEqualTo("Workflow myopia");
    }
  }

  @Test
  void anExecutiveOwnerReadsHerPilotsPageAndSomeoneItDoesNotConcernIsRefusedIt() throws Exception {
    try (Browser browser = Browser.open(port)) {
      // The tech lead's card of the invoice pilot's signal review links to the pilot's page.
      browser.logIn("tasklist", "tara");
      browser.waitForText(TasklistFilterBootstrap.MY_WORK);
      String search = "/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode(
          "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + seeded.invoices + "\",\"name\":\"pilotKey\"}]",
          StandardCharsets.UTF_8).replace("+", "%20");
      browser.go(search);
      WebElement cardLink = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("a.pilot-lifecycle-pilot-link[data-pilot-key='" + seeded.invoices + "']")));
      assertThat(cardLink.getAttribute("href")).endsWith("/dashboard/pilots/" + seeded.invoices);
      browser.screenshot("tasklist-card-pilot-page-link");
    }
    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "olivia");
      browser.waitForText(TasklistFilterBootstrap.MY_WORK);

      browser.go("/dashboard/pilots/" + seeded.adoption);
      ready(browser, "ready");
      JsonNode pilot = http.get("/api/pilots/" + seeded.adoption, "olivia").json();
      JsonNode charts = charts(browser);
      assertThat(numbers(charts.path("adoption").get(0))).as("the weekly adoption curve")
          .containsExactly(new BigDecimal("20"), new BigDecimal("45"), new BigDecimal("72"));
      assertThat(charts.path("timeline").get(0)).as("one bar per stage entered").hasSize(3);
      assertThat(charts.path("timeline").get(1)).as("the gate decisions").hasSize(2);
      assertThat(charts.path("timeline").get(2)).as("the overdue decision").hasSize(1);
      assertThat(browser.driver.findElement(By.cssSelector("table[data-table='decisions']")).getText())
          .contains("Integration partner late").contains("olivia").contains("sam");
      assertThat(browser.driver.findElement(By.cssSelector("[data-field='executiveOwner']")).getText())
          .isEqualTo(pilot.path("people").path("executiveOwner").asText());
      assertThat(browser.driver.findElement(By.cssSelector("[data-field='stepDueAt']")).getText()).endsWith("(overdue)");
      browser.screenshot("dashboard-pilot-adoption");

      browser.go("/dashboard/pilots/" + seeded.invoices);
      ready(browser, "ready");
      charts = charts(browser);
      JsonNode kpis = http.get("/api/pilots/" + seeded.invoices + "/kpis", "olivia").json();
      assertThat(numbers(charts.path("kpi").get(0))).as("the KPI measured at each checkpoint")
          .isEqualTo(numbers(kpis, "measured"));
      JsonNode tasks = http.get("/api/pilots/" + seeded.invoices + "/tasks", "olivia").json();
      String taskTable = browser.driver.findElement(By.cssSelector("table[data-table='tasks']")).getText();
      tasks.forEach(task -> {
        assertThat(taskTable).contains(task.path("name").asText());
        task.path("candidateUsers").forEach(user -> assertThat(taskTable).contains(user.asText()));
      });
      WebElement cockpit = browser.driver.findElement(By.id("cockpit-link"));
      assertThat(cockpit.getAttribute("href")).contains("/camunda/app/cockpit/default/#/process-instance/");
      browser.screenshot("dashboard-pilot");
    }
    try (Browser browser = Browser.open(port)) {
      browser.logIn("tasklist", "oscar");
      browser.waitForText(TasklistFilterBootstrap.MY_WORK);
      browser.go("/dashboard/pilots/" + seeded.adoption);
      ready(browser, "refused");
      String page = browser.driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("No pilot " + seeded.adoption + " you may see").doesNotContain("Call summaries")
          .doesNotContain("olivia");
    }
  }
}
