package org.pilotlifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pilotlifecycle.framework.PilotRole;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.yaml.snakeyaml.Yaml;

/**
 * A process engine in the benchmark's JVM on the application's BPMN with every delegate replaced by a no-op:
 * the engine's own cost of the same steps. The no-ops write only what the diagrams' gateways and timers read
 * (a check's "passed" flag, the gate's approval, the step's due date), nothing of the application's own
 * (registry, audit trail, mail outbox). Engine settings as the application's (application.yaml): history
 * level, UUID ids, authorizations on, JSON serialization, Spin, job executor sizes.
 */
final class NoOpEngine {

  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  private NoOpEngine() {
  }

  /** Stands in for the application's stepLifecycle bean: sets the step's variables, writes nothing else. */
  public static class StepLifecycleStub {
    private final Function<String, Instant> dueDate;

    StepLifecycleStub(Function<String, Instant> dueDate) {
      this.dueDate = dueDate;
    }

    public void started(DelegateExecution execution, String step) {
      execution.setVariable("currentStep", step);
      execution.setVariable("currentStepLabel", step);
      execution.setVariable("stepDueDate", Date.from(dueDate.apply((String) execution.getVariable("pilotKey"))));
      execution.removeVariable("stepFeedback");
    }

    public String overdueCycle(DelegateExecution execution, String step) {
      return "R52/" + ISO_SECONDS.format(dueDate.apply((String) execution.getVariable("pilotKey"))) + "/P7D";
    }

    public void deliverableSubmitted(DelegateTask task) {
    }

    public void overdue(DelegateTask task) {
    }
  }

  /**
   * Stands in for the application's pilotPeople bean: the named person of a role is the process variable of the
   * role's registration field (executiveOwner, techLead, ...), the role's group when there is none. The floor
   * thus offers each task to one named person, as the application does, without the registry behind it.
   */
  public static class PilotPeopleStub {
    public List<String> users(VariableScope execution, String role) {
      Object person = execution.getVariable(PilotRole.named(role).field());
      return person == null ? List.of() : List.of(person.toString());
    }

    public List<String> groupIfNobodyNamed(VariableScope execution, String role) {
      return users(execution, role).isEmpty() ? PilotRole.named(role).groupId().map(List::of).orElse(List.of())
          : List.of();
    }

    public List<String> approvers(VariableScope execution, String role) {
      return users(execution, role);
    }

    public List<String> approverGroupIfNobodyNamed(VariableScope execution, String role) {
      return groupIfNobodyNamed(execution, role);
    }
  }

  /** Stands in for fourStageLifecycle. */
  public static class FourStageLifecycleStub {
    public void started(DelegateExecution execution) {
    }
  }

  static Map<String, Object> beans(Function<String, Instant> dueDate) {
    Map<String, Object> beans = new HashMap<>();
    JavaDelegate noOp = execution -> { };
    for (String file : new String[] {"bpmn/PilotIntake.bpmn", "bpmn/FivePhaseOperationalization.bpmn",
        "bpmn/FourStageScaling.bpmn", "bpmn/ChangePilotPeople.bpmn"}) {
      Matcher matcher = DELEGATE.matcher(read(Path.of(file)));
      while (matcher.find()) {
        beans.put(matcher.group(1), noOp);
      }
    }
    passes(beans, "checkSuccessMetricDelegate", "successMetricCheckPassed");
    passes(beans, "checkDataReadinessDelegate", "dataReadinessCheckPassed");
    passes(beans, "checkProductionDataToleranceDelegate", "productionDataCheckPassed");
    passes(beans, "checkMlopsCapabilityDelegate", "mlopsCheckPassed");
    passes(beans, "checkCostModelDelegate", "costModelCheckPassed");
    passes(beans, "checkRepeatabilityDelegate", "repeatabilityCheckPassed");
    beans.put("recordGateDecisionDelegate", (JavaDelegate) execution ->
        execution.setVariable("gateApproved", "APPROVE".equals(execution.getVariable("gateDecision"))));
    beans.put("recordRiskTierDelegate", (JavaDelegate) execution -> {
      execution.setVariable("riskTier", "LOW");
      execution.setVariable("humanInTheLoopRequired", false);
    });
    beans.put("stepLifecycle", new StepLifecycleStub(dueDate));
    beans.put("fourStageLifecycle", new FourStageLifecycleStub());
    beans.put("pilotPeople", new PilotPeopleStub());
    return beans;
  }

  private static void passes(Map<String, Object> beans, String delegate, String variable) {
    beans.put(delegate, (JavaDelegate) execution -> execution.setVariable(variable, true));
  }

  /** The variables the application's intake sets at registration that the diagrams read. */
  static Map<String, Object> registrationVariables(String pilotKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("pilotKey", pilotKey);
    variables.put("framework", "FIVE_PHASE");
    variables.put("riskTier", "LOW");
    variables.put("humanInTheLoopRequired", false);
    variables.put("affectsIndividuals", false);
    variables.put("regulatedDomain", false);
    variables.put("processesPersonalData", false);
    variables.put("autonomy", "ADVISORY");
    // The people of Registrations.lowRisk, as the lifecycle walk works the tasks (LifecycleRun).
    variables.put("executiveOwner", "olivia");
    variables.put("aiProductOwner", "paul");
    variables.put("techLead", "tara");
    variables.put("riskComplianceOwner", "rita");
    variables.put("changeManager", "chris");
    variables.put("lineManager", "lena");
    return variables;
  }

  static HikariDataSource dataSource(BenchSettings settings, String database, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl(database));
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(poolSize);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setPoolName("bench-" + database);
    return new HikariDataSource(config);
  }

  /** The application's camunda.bpm.job-execution settings, the starter's defaults where it sets none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> applicationJobExecution() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("core-pool-size", 3);
    settings.put("max-pool-size", 10);
    settings.put("queue-capacity", 3);
    try {
      Map<String, Object> yaml = new Yaml().load(read(Path.of("src/main/resources/application.yaml")));
      Map<String, Object> camunda = (Map<String, Object>) ((Map<String, Object>) yaml.get("camunda")).get("bpm");
      Object jobExecution = camunda.get("job-execution");
      if (jobExecution instanceof Map<?, ?> map) {
        map.forEach((k, v) -> settings.put(String.valueOf(k), v));
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read camunda.bpm.job-execution from application.yaml", e);
    }
    return settings;
  }

  static ProcessEngine build(String name, DataSource dataSource, Map<String, Object> beans, boolean jobExecutor,
      String schemaUpdate) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName(name);
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(schemaUpdate);
    config.setHistory(String.valueOf(new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(
        read(Path.of("src/main/resources/application.yaml"))).get("camunda").get("bpm").getOrDefault("history-level", "full")));
    config.setIdGenerator(new StrongUuidGenerator());
    config.setAuthorizationEnabled(true);
    config.setDefaultSerializationFormat("application/json");
    config.setJavaSerializationFormatEnabled(false);
    config.setFailedJobRetryTimeCycle("R5/PT1M");
    config.setBeans(new HashMap<Object, Object>(beans));
    config.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    config.setJobExecutorActivate(jobExecutor);
    if (jobExecutor) {
      Map<String, Object> settings = applicationJobExecution();
      DefaultJobExecutor executor = new DefaultJobExecutor();
      executor.setCorePoolSize(intOf(settings, "core-pool-size"));
      executor.setMaxPoolSize(intOf(settings, "max-pool-size"));
      executor.setQueueSize(intOf(settings, "queue-capacity"));
      if (settings.containsKey("max-jobs-per-acquisition")) {
        executor.setMaxJobsPerAcquisition(intOf(settings, "max-jobs-per-acquisition"));
      }
      if (settings.containsKey("wait-time-in-millis")) {
        executor.setWaitTimeInMillis(intOf(settings, "wait-time-in-millis"));
      }
      if (settings.containsKey("max-wait")) {
        executor.setMaxWait(intOf(settings, "max-wait"));
      }
      if (settings.containsKey("backoff-time-in-millis")) {
        executor.setBackoffTimeInMillis(intOf(settings, "backoff-time-in-millis"));
      }
      if (settings.containsKey("max-backoff")) {
        executor.setMaxBackoff(intOf(settings, "max-backoff"));
      }
      config.setJobExecutor(executor);
    }
    return config.buildProcessEngine();
  }

  private static int intOf(Map<String, Object> settings, String key) {
    return Integer.parseInt(String.valueOf(settings.get(key)));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file.toAbsolutePath(), e);
    }
  }
}
