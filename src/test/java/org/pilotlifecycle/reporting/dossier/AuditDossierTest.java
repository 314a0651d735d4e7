package org.pilotlifecycle.reporting.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.production.ProductionDriver;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * The audit dossier (issue 16): a pilot taken to production through its five gates; its dossier, parsed back with
 * PDFBox, holds the pilot key, every gate's approver and the audit chain's head hash; a pilot the caller does not see
 * is the API's 404; the portfolio dossier of its business unit holds a summary and the pilot's page.
 */
class AuditDossierTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", Http.basic(user, "demo")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aPilotsDossierHoldsItsKeyEveryGatesApproverTheEvidenceHashesAndTheAuditChainsHead() throws Exception {
    org.pilotlifecycle.fivephase.FivePhaseDriver five = new org.pilotlifecycle.fivephase.FivePhaseDriver(engine);
    ProcessInstance framework = five.start(intake, org.pilotlifecycle.support.Registrations.lowRisk(
        org.pilotlifecycle.support.Registrations.newKey("DOSSIER"), org.pilotlifecycle.framework.Framework.FIVE_PHASE));
    String key = framework.getBusinessKey();
    Http.Response evidence = org.pilotlifecycle.support.EvidenceUpload.upload(http(), key, "paul",
        five.task(framework, org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getId(),
        "baseline.csv", "week,minutes\n1,50\n".getBytes(StandardCharsets.UTF_8));
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
    String evidenceHash = evidence.json().path("sha256").asText();
    five.passAll(framework);
    List<String> approvers = new ArrayList<>();
    for (AuditEntry entry : auditTrail.history(key, PageRequest.of(0, 500)).getContent()) {
      if (entry.getType() == AuditEntryType.GATE_DECISION) {
        approvers.add(entry.getActor());
      }
    }
    assertThat(approvers).as("five gates").hasSizeGreaterThanOrEqualTo(5);

    HttpResponse<byte[]> response = get("/api/pilots/" + key + "/dossier.pdf", "olivia");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment").contains("dossier-" + key + ".pdf");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "dossier-sample.pdf"), response.body());
    String text = text(response.body());
    String head = http().get("/api/pilots/" + key + "/history/verify", "olivia").json().path("head").asText();
    assertThat(text).contains("Audit dossier: ").contains(key).contains("Named people").contains("olivia")
        .contains("Risk tier and how it was classified").contains("Phase 1: Outcome definition")
        .contains("Phase 5: Operating model").contains("Gate decision").contains("intact").contains(head);
    assertThat(text.replaceAll("\\s", "")).as("the phase 1 gate names the evidence it approved (a hash may wrap)")
        .contains("Evidence:baseline.csvv1SHA-256" + evidenceHash);
    approvers.forEach(approver -> assertThat(text).contains(approver));
  }

  @Test
  void aPilotTheCallerDoesNotSeeHasNoDossierAndTheUnitsDossierSummarisesItsPilots() throws Exception {
    ProcessInstance operations = new ProductionDriver(engine).inProduction(intake, "DOSSIERB");
    String key = operations.getBusinessKey();
    HttpResponse<byte[]> refused = get("/api/pilots/" + key + "/dossier.pdf", "oscar");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

    String unit = registry.get(key).getBusinessUnit();
    HttpResponse<byte[]> portfolio = get("/api/portfolio/dossier.pdf?businessUnit="
        + URLEncoder.encode(unit, StandardCharsets.UTF_8), "sam");
    assertThat(portfolio.statusCode()).isEqualTo(200);
    String text = text(portfolio.body());
    assertThat(text).contains("Portfolio dossier: " + unit).contains("Summary").contains("Maturity").contains(key)
        .contains("Audit dossier: ");
    assertThat(get("/api/portfolio/dossier.pdf?businessUnit=" + "x".repeat(101), "sam").statusCode()).isEqualTo(400);
  }
}
