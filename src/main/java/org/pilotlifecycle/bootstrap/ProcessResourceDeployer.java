package org.pilotlifecycle.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders (packaged on the classpath) when the
 * engine starts.
 *
 * <p>Resources are named by their path below the classpath root ({@code bpmn/PilotIntake.bpmn}), the
 * same whether the application runs from exploded classes or from the packaged jar, so that
 * deploy-changed-only compares like with like: a restart with unchanged files deploys nothing, and a
 * changed file becomes a new version of that one definition.
 */
@Component
public class ProcessResourceDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "pilot-lifecycle";
  static final String[] FOLDERS = {"bpmn", "forms"};
  static final String[] EXTENSIONS = {"bpmn", "dmn", "form"};

  private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

  private final ResourcePatternResolver resolver;

  public ProcessResourceDeployer() {
    this(new PathMatchingResourcePatternResolver(ProcessResourceDeployer.class.getClassLoader()));
  }

  ProcessResourceDeployer(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form files found under bpmn/ and forms/ on the classpath");
    }
    DeploymentBuilder deployment = processEngine.getRepositoryService()
        .createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("pilot-lifecycle application")
        .enableDuplicateFiltering(true);
    resources.forEach((name, resource) -> deployment.addInputStream(name, open(resource)));
    DeploymentWithDefinitions result = deployment.deployWithResult();
    int definitions = result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size();
    int decisions = result.getDeployedDecisionDefinitions() == null ? 0 : result.getDeployedDecisionDefinitions().size();
    LOG.info("Deployment '{}' checked {} resources: {} new process definition versions, {} new decision versions",
        DEPLOYMENT_NAME, resources.size(), definitions, decisions);
  }

  /** The deployable resources by stable name, sorted so deployments are reproducible. */
  Map<String, Resource> findResources() {
    Map<String, Resource> byName = new TreeMap<>();
    for (String folder : FOLDERS) {
      for (String extension : EXTENSIONS) {
        for (Resource resource : resolve("classpath*:" + folder + "/**/*." + extension)) {
          byName.putIfAbsent(stableName(folder, resource), resource);
        }
      }
    }
    return byName;
  }

  static String stableName(String folder, Resource resource) {
    try {
      String url = resource.getURL().toString();
      int start = url.lastIndexOf("/" + folder + "/");
      if (start < 0) {
        throw new IllegalStateException("Resource " + url + " is not below " + folder + "/");
      }
      return url.substring(start + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Resource[] resolve(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  private static InputStream open(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
