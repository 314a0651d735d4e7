package org.pilotlifecycle.reporting.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/** The spreadsheet in and out: all-or-nothing import with a report of every bad row, exports read back. */
class PortfolioCsvTest extends IntegrationTestSupport {

  static final String HEADER = "key,name,businessUnit,useCaseDescription,framework,executiveOwner,aiProductOwner,"
      + "techLead,riskComplianceOwner,changeManager,lineManager,affectsIndividuals,regulatedDomain,"
      + "processesPersonalData,autonomy,pilotCost,projectedProductionCost";

  @Autowired RuntimeService runtimeService;

  private Http.Response importCsv(String user, String csv) {
    Http http = http();
    return http.send(http.request("/api/pilots/import", user).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  private static List<Map<String, String>> readCsv(String csv) throws Exception {
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      return rows.readAll();
    }
  }

  /** One request imports at most {@value PortfolioCsv#MAX_ROWS} pilots; a larger file is refused whole, nothing imported. */
  @Test
  void aFileLargerThanOneImportTakesIsRefusedWhole() {
    String unit = "Big-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (int i = 0; i <= PortfolioCsv.MAX_ROWS; i++) {
      csv.append(Registrations.newKey("BIG")).append(",Pilot ").append(i).append(',').append(unit)
          .append(",Use case,FIVE_PHASE,olivia,paul,,,,,false,false,false,ADVISORY,,\r\n");
    }
    Http.Response refused = importCsv("paul", csv.toString());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("more than " + PortfolioCsv.MAX_ROWS + " rows; split the file");
    assertThat(http().get("/api/export/pilots.csv?businessUnit=" + unit, "olivia").body()).doesNotContain("Pilot 1,");
  }

  @Test
  void aGoodFileImportsEveryPilotWithItsIntakeAndExportsReadBack() throws Exception {
    String unit = "Import-" + UUID.randomUUID().toString().substring(0, 8);
    String a = Registrations.newKey("CSV");
    String b = Registrations.newKey("CSV");
    String c = Registrations.newKey("CSV");
    String csv = HEADER + "\r\n"
        + a + ",Claims triage," + unit + ",\"Route claims, faster\",FIVE_PHASE,olivia,paul,tara,,,,false,false,true,ADVISORY,120000,480000\r\n"
        + b + ",\"Credit \"\"fast lane\"\"\"," + unit + ",Decide credit lines,four-stage,olivia,paul,,,,,yes,yes,yes,autonomous,,\r\n"
        + c + ",Demand forecast," + unit + ",Forecast demand,FOUR_STAGE,olivia,paul,,,,,no,no,no,HUMAN_APPROVED,5000,20000\r\n";

    Http.Response imported = importCsv("paul", csv);

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
    for (String key : List.of(a, b, c)) {
      assertThat(registry.exists(key)).isTrue();
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PilotIntakeProcess.PROCESS_ID)
          .processInstanceBusinessKey(key).count()).isOne();
    }
    assertThat(registry.get(b).getName()).isEqualTo("Credit \"fast lane\"");
    assertThat(registry.get(b).getRiskTier().name()).isEqualTo("HIGH");

    Http.Response pilots = http().get("/api/export/pilots.csv?businessUnit=" + unit, "olivia");
    assertThat(pilots.status()).isEqualTo(200);
    assertThat(pilots.contentType()).startsWith("text/csv");
    assertThat(pilots.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("pilots.csv"));
    List<Map<String, String>> rows = readCsv(pilots.body());
    assertThat(rows).extracting(row -> row.get("key")).containsExactlyInAnyOrder(a, b, c);
    Map<String, String> first = rows.stream().filter(row -> row.get("key").equals(a)).findFirst().orElseThrow();
    assertThat(first).containsEntry("useCaseDescription", "Route claims, faster").containsEntry("framework", "FIVE_PHASE")
        .containsEntry("riskTier", "MEDIUM").containsEntry("status", "ACTIVE").containsEntry("pilotCost", "120000.00");

    Http.Response trail = http().get("/api/export/audit-trail.csv?businessUnit=" + unit, "olivia");
    List<Map<String, String>> events = readCsv(trail.body());
    assertThat(events).filteredOn(event -> event.get("type").equals("REGISTERED")).extracting(event -> event.get("pilotKey"))
        .containsExactlyInAnyOrder(a, b, c);
    assertThat(events).filteredOn(event -> event.get("type").equals("RISK_TIER_CLASSIFIED")).hasSize(3);
  }

  @Test
  void aFileWithBadRowsImportsNothingAndReportsEveryProblem() {
    String good = Registrations.newKey("CSVOK");
    String existing = Registrations.newKey("CSVDUP");
    assertThat(http().postJson("/api/pilots", "paul", Http.toJson(Registrations.asJson(
        Registrations.lowRisk(existing, org.pilotlifecycle.framework.Framework.FIVE_PHASE))))).extracting(Http.Response::status)
        .isEqualTo(201);
    String csv = HEADER + "\n"
        + good + ",Good pilot,Finance,Fine,FIVE_PHASE,olivia,paul,,,,,false,false,false,ADVISORY,1,3\n"
        + "lower-case,,Finance,Bad key and no name,SIX_SIGMA,olivia,paul,,,,,maybe,false,false,ADVISORY,-5,x\n"
        + existing + ",Already there,Finance,Duplicate,FOUR_STAGE,olivia,paul,,,,,false,false,false,ADVISORY,,\n"
        + good + ",Twice,Finance,Twice in the file,FIVE_PHASE,olivia,paul,,,,,false,false,false,ADVISORY,,\n";

    Http.Response rejected = importCsv("paul", csv);

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
    List<String> problems = new ArrayList<>();
    for (JsonNode error : rejected.json().path("errors")) {
      problems.add(error.path("row").asInt() + ":" + error.path("column").asText());
    }
    assertThat(problems).contains("3:key", "3:name", "3:framework", "3:affectsIndividuals", "3:pilotCost",
        "3:projectedProductionCost", "4:key", "5:key");
    assertThat(problems).noneMatch(problem -> problem.startsWith("2:"));
    assertThat(registry.exists(good)).as("all or nothing").isFalse();
  }

  @Test
  void aFileWithUnknownOrMissingColumnsIsRejected() {
    Http.Response rejected = importCsv("paul", "key,name,budget\nABC-1,Thing,12\n");
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.body()).contains("budget").contains("required column is missing");
    assertThat(importCsv("paul", "").status()).isEqualTo(400);
    assertThat(importCsv("olivia", HEADER + "\n").status()).as("only product owners import").isEqualTo(403);
  }

  /** Text that starts like a formula is never exported as one (CSV injection); numbers stay numbers. */
  @Test
  void aCellThatLooksLikeAFormulaIsExportedAsText() {
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell("=HYPERLINK(\"http://evil\",\"x\")"))
        .isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell("+cmd")).isEqualTo("'+cmd");
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell("@SUM(1)")).isEqualTo("'@SUM(1)");
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell("-1+1")).isEqualTo("'-1+1");
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell(new java.math.BigDecimal("-5"))).isEqualTo("-5");
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell("Claims triage")).isEqualTo("Claims triage");
    org.assertj.core.api.Assertions.assertThat(PortfolioCsv.cell(null)).isEmpty();
  }
}
