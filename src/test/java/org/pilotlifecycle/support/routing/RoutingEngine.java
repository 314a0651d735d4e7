package org.pilotlifecycle.support.routing;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * A plain in-memory process engine for the diagram-only routing tests: no Spring, no application, a private
 * H2 database, no job executor (the tests execute jobs themselves) and Camunda's mock expression manager, so
 * every bean a diagram names ({@code ${someDelegate}}, {@code ${stepLifecycle.started(...)}}) resolves to what
 * the test registered with {@link org.camunda.bpm.engine.test.mock.Mocks}.
 *
 * <p>The engine gets a name of its own: an engine registers itself by name in a JVM-wide registry, and the
 * Spring tests running in the same JVM look their engine up there as "default".
 */
public final class RoutingEngine {

  private RoutingEngine() {
  }

  /** A new engine for one test class; close it after the class. */
  public static ProcessEngine inMemory(String diagram) {
    String name = "routing-" + diagram + "-" + UUID.randomUUID();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    return configuration.buildProcessEngine();
  }

  /**
   * Deploys the diagrams and decisions once for the test class, from the classpath (the build copies bpmn/
   * there unchanged); the engine goes with them when the class closes it.
   */
  public static void deploy(ProcessEngine engine, String... resources) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("routing test");
    for (String resource : resources) {
      deployment.addClasspathResource(resource);
    }
    deployment.deploy();
  }

  /** Deletes the process instances a test left running, with their timers. */
  public static void deleteRunningInstances(ProcessEngine engine) {
    List<String> ids = engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().list()
        .stream().map(ProcessInstance::getId).toList();
    if (!ids.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(ids, "end of test", true, true);
    }
  }

  /** The JUnit 5 extension on that engine: injects it into the test, resets the engine's clock after each test. */
  public static ProcessEngineExtension extension(ProcessEngine engine) {
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }
}
