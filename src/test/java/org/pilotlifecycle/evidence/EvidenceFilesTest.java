package org.pilotlifecycle.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.EvidenceUpload;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Evidence files (issue 16) through the API: versions, types and sizes refused, download headers, visibility, and a
 * gate decision that records exactly the versions it approved. The test profile limits files to 256 KB.
 */
class EvidenceFilesTest extends IntegrationTestSupport {

  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.ISO_8859_1);

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired PilotAuditTrail auditTrail;

  private FivePhaseDriver driver;

  private ProcessInstance pilot() {
    driver = new FivePhaseDriver(engine);
    return driver.start(intake, Registrations.lowRisk(Registrations.newKey("EVID"), Framework.FIVE_PHASE));
  }

  private String taskOf(ProcessInstance instance, String definitionKey) {
    return driver.task(instance, definitionKey).getId();
  }

  private Http.Response upload(String key, String user, String taskId, String fileName, byte[] content) {
    return EvidenceUpload.upload(http(), key, user, taskId, fileName, content);
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", Http.basic(user, "demo")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] pdf(String text) {
    return (new String(PDF, StandardCharsets.ISO_8859_1) + "% " + text + "\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anUploadOfTheSameNameIsItsNextVersionAndEveryVersionStaysListedWithItsHash() throws Exception {
    ProcessInstance instance = pilot();
    String key = instance.getBusinessKey();
    String task = taskOf(instance, TASK_DEFINE_SUCCESS_METRIC);

    Http.Response first = upload(key, "paul", task, "baseline.pdf", pdf("v1"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode v1 = first.json();
    assertThat(v1.path("version").asInt()).isEqualTo(1);
    assertThat(v1.path("step").asText()).isEqualTo("OUTCOME_DEFINITION");
    assertThat(v1.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(v1.path("sha256").asText()).isEqualTo(EvidenceFiles.sha256(pdf("v1")));
    assertThat(v1.path("sizeBytes").asLong()).isEqualTo(pdf("v1").length);
    assertThat(v1.path("uploadedBy").asText()).isEqualTo("paul");
    JsonNode v2 = upload(key, "paul", task, "baseline.pdf", pdf("v2")).json();
    assertThat(v2.path("version").asInt()).isEqualTo(2);
    assertThat(upload(key, "paul", task, "data-sources.csv", "source,owner\ncrm,lena\n".getBytes(StandardCharsets.UTF_8))
        .json().path("mediaType").asText()).isEqualTo("text/csv");

    JsonNode listed = http().get("/api/pilots/" + key + "/evidence?step=OUTCOME_DEFINITION", "olivia").json();
    List<String> versions = new ArrayList<>();
    listed.forEach(file -> versions.add(file.path("name").asText() + " v" + file.path("version").asInt()));
    assertThat(versions).containsExactly("baseline.pdf v1", "baseline.pdf v2", "data-sources.csv v1");
    assertThat(auditTrail.history(key, PageRequest.of(0, 200)).getContent()).filteredOn(e -> e.getType()
        == AuditEntryType.EVIDENCE_ADDED).extracting(AuditEntry::getOutcome).containsExactly("V1", "V2", "V1");
  }

  @Test
  void aTypeNotAllowedAndAFileTooLargeAreRefusedWithProblemsAndNothingIsStored() throws Exception {
    ProcessInstance instance = pilot();
    String key = instance.getBusinessKey();
    String task = taskOf(instance, TASK_DEFINE_SUCCESS_METRIC);
    byte[] executable = new byte[512];
    executable[0] = 'M';
    executable[1] = 'Z';
    Http.Response disguised = upload(key, "paul", task, "report.pdf", executable);
    assertThat(disguised.status()).as("an executable named .pdf: the type comes from the content").isEqualTo(415);
    assertThat(disguised.contentType()).startsWith("application/problem+json");
    Http.Response html = upload(key, "paul", task, "notes.txt",
        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(html.status()).as(html.body()).isEqualTo(415);
    Http.Response large = upload(key, "paul", task, "big.pdf", new byte[256 * 1024 + 1]);
    assertThat(large.status()).as(large.body()).isEqualTo(413);
    assertThat(large.contentType()).startsWith("application/problem+json");
    Http.Response empty = upload(key, "paul", task, "empty.pdf", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(http().get("/api/pilots/" + key + "/evidence", "paul").json()).isEmpty();
  }

  @Test
  void aDownloadIsAnAttachmentWithSafeHeadersAndTheSameBytes() throws Exception {
    ProcessInstance instance = pilot();
    String key = instance.getBusinessKey();
    JsonNode file = upload(key, "paul", taskOf(instance, TASK_DEFINE_SUCCESS_METRIC), "../../etc/pa\u0007ss<wd>.pdf",
        pdf("x")).json();
    assertThat(file.path("name").asText()).isEqualTo("pass_wd_.pdf");
    HttpResponse<byte[]> download = download(file.path("downloadUrl").asText(), "olivia");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf("x"));
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
        .contains("pass_wd_.pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
  }

  @Test
  void onlyWhoSeesThePilotReadsItsEvidenceAndOnlyWhoHoldsAnOpenTaskAddsTo() throws Exception {
    ProcessInstance instance = pilot();
    String key = instance.getBusinessKey();
    String task = taskOf(instance, TASK_DEFINE_SUCCESS_METRIC);
    JsonNode file = upload(key, "paul", task, "baseline.pdf", pdf("v1")).json();
    assertThat(http().get("/api/pilots/" + key + "/evidence", "oscar").status()).isEqualTo(404);
    assertThat(download(file.path("downloadUrl").asText(), "oscar").statusCode()).isEqualTo(404);
    assertThat(upload(key, "oscar", task, "x.pdf", pdf("x")).status()).isEqualTo(404);
    Http.Response notHers = upload(key, "rita", task, "x.pdf", pdf("x"));
    assertThat(notHers.status()).as("risk & compliance sees every pilot but holds not this task").isEqualTo(400);
    assertThat(notHers.json().path("errors").get(0).path("field").asText()).isEqualTo("taskId");
    assertThat(download("/api/pilots/" + key + "/evidence/999999999", "olivia").statusCode()).isEqualTo(404);
  }

  @Test
  void aGateDecisionRecordsTheVersionsItDecidedOnAndNothingAddedAfterIt() throws Exception {
    ProcessInstance instance = pilot();
    String key = instance.getBusinessKey();
    upload(key, "paul", taskOf(instance, TASK_DEFINE_SUCCESS_METRIC), "baseline.pdf", pdf("v1"));
    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    driver.work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, FivePhaseForms.reject("Baseline unclear"));
    String v2 = upload(key, "paul", taskOf(instance, TASK_DEFINE_SUCCESS_METRIC), "baseline.pdf", pdf("v2")).json()
        .path("sha256").asText();
    driver.work("paul", instance, TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    driver.work("olivia", instance, TASK_SIGN_OFF_SUCCESS_METRIC, FivePhaseForms.approve());

    List<JsonNode> decisions = new ArrayList<>();
    for (JsonNode entry : http().get("/api/pilots/" + key + "/history?size=200", "olivia").json().path("content")) {
      if ("GATE_DECISION".equals(entry.path("type").asText())) {
        decisions.add(entry);
      }
    }
    assertThat(decisions).hasSize(2);
    assertThat(hashes(decisions.get(0))).as("the rejection saw v1 only").containsExactly(EvidenceFiles.sha256(pdf("v1")));
    assertThat(hashes(decisions.get(1))).as("the approval saw v1 and v2")
        .containsExactly(EvidenceFiles.sha256(pdf("v1")), v2);
  }

  private static List<String> hashes(JsonNode decision) {
    List<String> hashes = new ArrayList<>();
    decision.path("details").path("evidenceFiles").forEach(file -> hashes.add(file.path("sha256").asText()));
    return hashes;
  }

  @Test
  void tasklistsLoginUploadsOnlyWithTheWebappsCsrfToken() throws Exception {
    ProcessInstance instance = pilot();
    String key = instance.getBusinessKey();
    String task = taskOf(instance, TASK_DEFINE_SUCCESS_METRIC);
    String boundary = "----csrf";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + task + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n\r\nchecked\r\n--"
        + boundary + "--\r\n";
    String multipart = "multipart/form-data; boundary=" + boundary;
    org.pilotlifecycle.support.WebappSession tasklist = org.pilotlifecycle.support.WebappSession.login(port, "paul");
    String path = "/api/pilots/" + key + "/evidence";

    assertThat(tasklist.sendWithToken("POST", path, multipart, body, null).statusCode())
        .as("the session cookie alone").isEqualTo(401);
    assertThat(tasklist.sendWithToken("POST", path, multipart, body, "forged").statusCode())
        .as("a token that is not the session's").isEqualTo(401);
    assertThat(http().get(path, "paul").json()).as("nothing stored").isEmpty();
    var uploaded = tasklist.send("POST", path, multipart, body);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(tasklist.send("POST", "/api/pilots", "application/json", "{}").statusCode())
        .as("the token opens the evidence upload only, no other write").isEqualTo(401);
  }
}
