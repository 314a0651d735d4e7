package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.support.Counts;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployment door: analysts deploy from Camunda Modeler, and a diagram is code the engine runs without a
 * user. What they deploy is held to the product's vocabulary ({@link DeploymentPolicy}): found by a hostile
 * analyst who approved a gate as somebody else, ran an operating-system command, and replaced a framework by
 * one without gates, each through a deployment.
 */
@Tag("reliability")
class DeploymentPolicyTest extends IntegrationTestSupport {

  @Autowired RepositoryService repositoryService;
  @Autowired DeploymentPolicy policy;

  @Test
  void theShippedDiagramsAndDecisionsAreWithinThePolicy() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("bpmn"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
        assertThat(policy.problemsOf(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file)))
            .as("what an analyst deploys from Modeler unchanged: " + file).isEmpty();
      }
    }
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        assertThat(policy.problemsOf(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file)))
            .as("a shipped form deployed unchanged: " + file).isEmpty();
      }
    }
  }

  /**
   * The server takes what the deployed form has as inputs, so a form an analyst deploys keeps the shipped form's
   * inputs: a confirmation that also sets the risk tier, or turns the executive owner from shown into entered, is
   * refused; a new form for a new task takes new variables, not the product's.
   */
  @Test
  void analystsFormsKeepTheShippedInputs() throws java.io.IOException {
    var json = org.pilotlifecycle.web.Json.mapper();
    var confirm = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
        java.nio.file.Files.readAllBytes(java.nio.file.Path.of("forms/confirm-pilot-registration.form")));
    var components = (com.fasterxml.jackson.databind.node.ArrayNode) confirm.path("components");
    components.addObject().put("type", "textfield").put("key", "riskTier").put("label", "Risk tier");
    components.forEach(component -> {
      if ("executiveOwner".equals(component.path("key").asText())) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) component).put("disabled", false);
      }
    });
    long versionsBefore = repositoryService.createDeploymentQuery().count();

    Http.Response widened = deploy("ana", "confirm-pilot-registration.form", json.writeValueAsString(confirm));

    assertThat(widened.status()).as(widened.body()).isEqualTo(400);
    assertThat(widened.contentType()).startsWith("application/problem+json");
    assertThat(widened.body()).contains("field riskTier is not an input of the shipped form confirm-pilot-registration")
        .contains("field executiveOwner is not an input");
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(versionsBefore);

    String newId = "analyst-note-" + Math.abs(UUID.randomUUID().hashCode());
    Http.Response takesAFact = deploy("ana", newId + ".form", "{\"id\":\"" + newId + "\",\"type\":\"default\","
        + "\"components\":[{\"type\":\"textfield\",\"key\":\"gateDecision\",\"label\":\"Decision\"}]}");
    assertThat(takesAFact.status()).as(takesAFact.body()).isEqualTo(400);
    assertThat(takesAFact.body()).contains("gateDecision").contains("a new form takes new variables only");

    Http.Response newVariable = deploy("ana", newId + ".form", "{\"id\":\"" + newId + "\",\"type\":\"default\","
        + "\"components\":[{\"type\":\"textfield\",\"key\":\"analystNote\",\"label\":\"Note\"}]}");
    assertThat(newVariable.status()).as(newVariable.body()).isEqualTo(200);
  }

  private static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="Start" />
            %2$s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, body);
  }

  private Http.Response deploy(String user, String resourceName, String xml) {
    String boundary = "pilot" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + resourceName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
    return http().send(http().request("/engine-rest/deployment/create", user)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  @Test
  void analystsDeployOnlyWhatTheProductsVocabularyAllows() {
    String allowed = process("AnalystAllowed" + Math.abs(UUID.randomUUID().hashCode()),
        "<bpmn:serviceTask id=\"Check\" camunda:expression=\"${framework == 'FIVE_PHASE' &amp;&amp; !gateApproved}\" />");
    String approveAsSomebodyElse = process("ProbeApprove", "<bpmn:serviceTask id=\"Steal\" camunda:expression=\""
        + "${execution.processEngineServices.taskService.complete('x', execution.variables)}\" />");
    String runCommand = process("ProbeCommand", "<bpmn:serviceTask id=\"Run\" camunda:expression=\""
        + "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/x')}\" />");
    String javaClass = process("ProbeClass", "<bpmn:serviceTask id=\"Run\" camunda:class=\"java.lang.Object\" />");
    String script = process("ProbeScript", "<bpmn:scriptTask id=\"Run\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>");
    String gatelessFramework = process("FivePhaseOperationalization",
        "<bpmn:serviceTask id=\"Skip\" camunda:delegateExpression=\"${markPilotInProductionDelegate}\" />");
    long versionsBefore = repositoryService.createProcessDefinitionQuery().processDefinitionKey("FivePhaseOperationalization").count();

    Http.Response ok = deploy("ana", "allowed.bpmn", allowed);
    Http.Response[] refused = {deploy("ana", "approve.bpmn", approveAsSomebodyElse), deploy("ana", "command.bpmn", runCommand),
        deploy("ana", "class.bpmn", javaClass), deploy("ana", "script.bpmn", script),
        deploy("ana", "FivePhaseOperationalization.bpmn", gatelessFramework)};

    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    for (Http.Response response : refused) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body()).contains("The deployment is refused");
    }
    assertThat(refused[4].body()).contains("lacks SubProcess_Phase1OutcomeDefinition");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKeyIn("ProbeApprove", "ProbeCommand",
        "ProbeClass", "ProbeScript").count()).as("nothing refused was deployed").isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("FivePhaseOperationalization").count())
        .isEqualTo(versionsBefore);
    Counts.report("deployment policy: allowed=%d refused=%d of %d hostile deployments", ok.status() == 200 ? 1 : 0,
        java.util.Arrays.stream(refused).filter(r -> r.status() == 400).count(), refused.length);
  }
}
