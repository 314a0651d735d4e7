package org.pilotlifecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;

/** The floor: the same lifecycle through the engine's Java API, no-op delegates, its own database. */
final class EngineFloor implements LifecycleRun.Roles, AutoCloseable {

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;

  EngineFloor(BenchSettings settings, String database) {
    this.dataSource = NoOpEngine.dataSource(settings, database, 20);
    this.engine = NoOpEngine.build("bench-floor", dataSource,
        NoOpEngine.beans(key -> Instant.now().plus(Duration.ofDays(21))), true, "true");
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("pilot-lifecycle")
        .enableDuplicateFiltering(true);
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(Files::isRegularFile).filter(file -> file.toString().matches(".*\\.(bpmn|dmn|form)$"))
            .sorted().forEach(file -> deployment.addString(folder + "/" + file.getFileName(), NoOpEngine.read(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    deployment.deploy();
  }

  @Override
  public void register(String pilotKey) {
    engine.getRuntimeService().startProcessInstanceByKey("PilotIntake", pilotKey,
        NoOpEngine.registrationVariables(pilotKey));
  }

  @Override
  public String findTask(String user, String pilotKey, String taskDefinitionKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(pilotKey)
        .taskDefinitionKey(taskDefinitionKey).list();
    return tasks.isEmpty() ? null : tasks.get(0).getId();
  }

  @Override
  public void openForm(String user, String taskId, String formId) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      if (!json.contains("\"" + formId + "\"")) {
        throw new IllegalStateException("task " + taskId + " has not form " + formId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void submit(String user, String taskId, Map<String, Object> values) {
    engine.getFormService().submitTaskForm(taskId, values);
  }

  long inProduction() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("FivePhaseOperationalization")
        .finished().count();
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
