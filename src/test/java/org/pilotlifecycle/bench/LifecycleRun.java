package org.pilotlifecycle.bench;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.pilotlifecycle.fivephase.FivePhaseForms;

/**
 * The whole five-phase lifecycle of many pilots at once, the same steps whoever performs them: register,
 * then for each task the role's user waits for it to appear, opens its form and submits it. Over HTTP
 * ({@link RestRoles}) or through the engine's Java API ({@link EngineFloor}).
 */
final class LifecycleRun {

  static final List<String> STEP_KINDS = List.of("register", "findTask", "openForm", "submitForm", "taskAppears",
      "lifecycle");

  /** One task of the walk: who works it, which task, which form, what they submit. */
  record Step(String user, String taskDefinitionKey, String formId, Map<String, Object> values) {
  }

  /** The low-risk five-phase walk of FivePhaseTasklistTest: 14 tasks, every check passes, every gate approves. */
  static final List<Step> WALK = List.of(
      new Step("paul", "Task_ConfirmRegistration", "confirm-pilot-registration", Map.of("registrationConfirmed", true)),
      new Step("paul", TASK_DEFINE_SUCCESS_METRIC, "define-success-metric", FivePhaseForms.successMetric()),
      new Step("olivia", TASK_SIGN_OFF_SUCCESS_METRIC, "sign-off-success-metric", FivePhaseForms.approve()),
      new Step("tara", TASK_ASSESS_DATA_READINESS, "assess-data-readiness", FivePhaseForms.dataReadiness(3)),
      new Step("tara", TASK_MEASURE_PRODUCTION_PERFORMANCE, "measure-production-performance",
          FivePhaseForms.productionPerformance(0.91, 0.88)),
      new Step("theo", TASK_APPROVE_DATA_READINESS, "approve-data-readiness", FivePhaseForms.approve()),
      new Step("tara", TASK_PROVIDE_MLOPS_EVIDENCE, "provide-mlops-evidence", FivePhaseForms.mlopsEvidence(true)),
      new Step("paul", TASK_BUILD_COST_MODEL, "build-cost-model", FivePhaseForms.costModel(120000, 420000, "")),
      new Step("theo", TASK_APPROVE_MLOPS_READINESS, "approve-mlops-readiness", FivePhaseForms.approve()),
      new Step("paul", TASK_REVIEW_RISK_INPUTS, "review-risk-inputs", FivePhaseForms.riskInputs(false, "HUMAN_APPROVED")),
      new Step("paul", TASK_PROVIDE_GOVERNANCE_EVIDENCE, "provide-governance-evidence",
          FivePhaseForms.governanceEvidence()),
      new Step("rita", TASK_SIGN_OFF_GOVERNANCE, "sign-off-governance", FivePhaseForms.approve()),
      new Step("chris", TASK_PROVIDE_OPERATING_MODEL_EVIDENCE, "provide-operating-model-evidence",
          FivePhaseForms.operatingModelEvidence()),
      new Step("sam", TASK_APPROVE_PRODUCTION, "approve-production", FivePhaseForms.approve()));

  /** Steps counted for steps per second: the registration and each submitted form. */
  static final int STEPS_PER_LIFECYCLE = 1 + WALK.size();

  /** Whoever performs the steps. */
  interface Roles {
    void register(String pilotKey);

    /** The id of the pilot's open task of this definition visible to the user, or null. */
    String findTask(String user, String pilotKey, String taskDefinitionKey);

    void openForm(String user, String taskId, String formId);

    void submit(String user, String taskId, Map<String, Object> values);
  }

  record Result(int lifecycles, double seconds, Latencies latencies) {

    double lifecyclesPerSecond() {
      return lifecycles / seconds;
    }

    double stepsPerSecond() {
      return lifecycles * (double) STEPS_PER_LIFECYCLE / seconds;
    }

    Map<String, Object> toJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("lifecycles", lifecycles);
      out.put("seconds", round(seconds));
      out.put("lifecyclesPerSecond", round(lifecyclesPerSecond()));
      out.put("stepsPerSecond", round(stepsPerSecond()));
      out.put("latencies", latencies.summary(STEP_KINDS));
      return out;
    }
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** Walks the pilots prefix-0..prefix-(n-1) through the lifecycle with the given number of clients. */
  static Result run(Roles roles, String prefix, int pilots, int clients) throws Exception {
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < pilots; i = next.getAndIncrement()) {
            walk(roles, prefix + "-" + i, latencies);
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(pilots, (System.nanoTime() - started) / 1e9, latencies);
  }

  private static void walk(Roles roles, String key, Latencies latencies) throws InterruptedException {
    long lifecycle = System.nanoTime();
    latencies.time("register", () -> roles.register(key));
    long since = System.nanoTime();
    for (Step step : WALK) {
      String taskId = null;
      long deadline = System.currentTimeMillis() + 120_000;
      while (taskId == null) {
        taskId = latencies.time("findTask", () -> roles.findTask(step.user(), key, step.taskDefinitionKey()));
        if (taskId == null) {
          if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException(key + ": " + step.taskDefinitionKey() + " did not appear within 120 s");
          }
          Thread.sleep(5);
        }
      }
      latencies.record("taskAppears", System.nanoTime() - since);
      String id = taskId;
      latencies.time("openForm", () -> roles.openForm(step.user(), id, step.formId()));
      latencies.time("submitForm", () -> roles.submit(step.user(), id, step.values()));
      since = System.nanoTime();
    }
    latencies.record("lifecycle", System.nanoTime() - lifecycle);
  }
}
