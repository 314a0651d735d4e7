package org.pilotlifecycle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/** A restart with unchanged files deploys nothing; a changed file becomes a new version of its definition. */
class ProcessResourceDeployerTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;

  @Test
  void deploysTheModelFilesUnderStableNames() {
    var names = repositoryService.getDeploymentResourceNames(repositoryService.createDeploymentQuery()
        .deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().asc().list().get(0).getId());
    assertThat(names).contains("bpmn/PilotIntake.bpmn", "bpmn/RiskTierClassification.dmn",
        "forms/pilot-registration.form", "forms/confirm-pilot-registration.form");
  }

  @Test
  void aRestartWithUnchangedFilesDeploysNothingAndAChangedFileOnlyItsOwnNewVersion(@TempDir Path classpath)
      throws Exception {
    FileSystemUtils.copyRecursively(Path.of("bpmn"), classpath.resolve("bpmn"));
    FileSystemUtils.copyRecursively(Path.of("forms"), classpath.resolve("forms"));
    Map<String, Integer> before = latestVersions();
    long deployments = repositoryService.createDeploymentQuery().count();

    deployFrom(classpath);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestVersions()).isEqualTo(before);

    Path stub = classpath.resolve("bpmn/FourStageScaling.bpmn");
    // Any change of the bytes counts, as when an analyst saves the diagram again with an edit.
    Files.writeString(stub, Files.readString(stub) + "\n<!-- edited by an analyst -->\n");
    deployFrom(classpath);

    Map<String, Integer> after = latestVersions();
    assertThat(after.get("FourStageScaling")).isEqualTo(before.get("FourStageScaling") + 1);
    after.remove("FourStageScaling");
    before.remove("FourStageScaling");
    assertThat(after).isEqualTo(before);
  }

  private void deployFrom(Path classpath) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      new ProcessResourceDeployer(new PathMatchingResourcePatternResolver(loader)).postProcessEngineBuild(engine);
    }
  }

  private Map<String, Integer> latestVersions() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
  }
}
