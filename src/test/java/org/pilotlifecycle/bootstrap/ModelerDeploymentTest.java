package org.pilotlifecycle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.ProcessDriver;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An analyst deploys an edited diagram exactly as Camunda Modeler does (multipart POST to
 * /engine-rest/deployment/create, deploy-changed-only, HTTP Basic as ana): new pilots use the new
 * version, running pilots continue on theirs, and deploying the same file again changes nothing.
 */
class ModelerDeploymentTest extends IntegrationTestSupport {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired PilotIntakeService intake;
  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

  @Test
  void anEditedDiagramDeployedFromModelerServesNewPilotsWhileRunningOnesKeepTheirVersion() throws IOException {
    ProcessDriver driver = new ProcessDriver(processEngine);
    ProcessInstance running = driver.start(intake, Registrations.lowRisk(Registrations.newKey("OLD"), Framework.FIVE_PHASE),
        FivePhaseProcess.PROCESS_ID);
    String runningDefinition = running.getProcessDefinitionId();

    String edited = Files.readString(Path.of("bpmn", "FivePhaseOperationalization.bpmn"), StandardCharsets.UTF_8)
        .replace("name=\"Define success metric and baseline\"", "name=\"Define the success metric and its baseline\"");
    Http.Response deployed = deployLikeModeler("ana", edited);

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    JsonNode definitions = deployed.json().path("deployedProcessDefinitions");
    assertThat(definitions).hasSize(1);
    String newDefinition = definitions.fieldNames().next();
    assertThat(newDefinition).isNotEqualTo(runningDefinition);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(FivePhaseProcess.PROCESS_ID)
        .latestVersion().singleResult().getId()).isEqualTo(newDefinition);

    ProcessInstance fresh = driver.start(intake, Registrations.lowRisk(Registrations.newKey("NEW"), Framework.FIVE_PHASE),
        FivePhaseProcess.PROCESS_ID);
    assertThat(fresh.getProcessDefinitionId()).isEqualTo(newDefinition);
    assertThat(driver.task(fresh, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getName())
        .isEqualTo("Define the success metric and its baseline");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(runningDefinition);
    assertThat(driver.task(running, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC).getName())
        .isEqualTo("Define success metric and baseline");

    Http.Response again = deployLikeModeler("ana", edited);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("deployedProcessDefinitions").isNull()
        || again.json().path("deployedProcessDefinitions").isEmpty()).as("unchanged: nothing deployed").isTrue();
  }

  /** Later tests expect the diagram as in bpmn/: deploy it back, as an analyst would revert an edit. */
  @AfterEach
  void revertToTheDiagramInTheRepository() throws IOException {
    String original = Files.readString(Path.of("bpmn", "FivePhaseOperationalization.bpmn"), StandardCharsets.UTF_8);
    assertThat(deployLikeModeler("ana", original).status()).isEqualTo(200);
  }

  @Test
  void aDeploymentFromSomeoneWhoIsNotAnAnalystIsRefused() {
    Http.Response refused = deployLikeModeler("olivia", "<definitions/>");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(deployLikeModeler(null, "<definitions/>").status()).isEqualTo(401);
  }

  /** The request Camunda Modeler 5 sends when an analyst presses Deploy. */
  private Http.Response deployLikeModeler(String user, String diagram) {
    Http http = http();
    String boundary = "----CamundaModeler" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    part(body, boundary, "deployment-name", "five-phase (edited in Modeler)");
    part(body, boundary, "deployment-source", "Camunda Modeler");
    part(body, boundary, "deploy-changed-only", "true");
    body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"FivePhaseOperationalization.bpmn\"; ")
        .append("filename=\"FivePhaseOperationalization.bpmn\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n").append(diagram).append("\r\n")
        .append("--").append(boundary).append("--\r\n");
    HttpRequest.Builder request = http.request("/engine-rest/deployment/create", null)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (user != null) {
      request.header("Authorization", Http.basic(user, "demo"));
    }
    return http.send(request);
  }

  private static void part(StringBuilder body, String boundary, String name, String value) {
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
        .append("\"\r\n\r\n").append(value).append("\r\n");
  }
}
