package org.pilotlifecycle.bootstrap;

import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.ANNUAL_VALUE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.KPI_BASELINE;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.KPI_CATEGORY;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.KPI_NAME;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.KPI_TARGET;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.KPI_UNIT;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.LINE_MANAGER;
import static org.pilotlifecycle.fivephase.FivePhaseProcess.Variables.MEASUREMENT_METHOD;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.intake.PilotIntakeProcess;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.Autonomy;
import org.pilotlifecycle.pilot.DuplicatePilotException;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A few demo pilots on the default profile (where the demo users are created), so that a newcomer logging in sees
 * the model at work: pilots of different business units, each naming its own people, some a step further through
 * their process, worked by their named people through the forms as in Tasklist. Off with
 * {@code pilot.demo.pilots: false}; never on outside the default profile unless asked, never without the demo users.
 *
 * <p>Idempotent by pilot key: a pilot already registered is left as it is. Two nodes starting at once on one
 * database both try; the pilot key is unique, so one registers and works the pilot, the other gets a duplicate and
 * leaves that pilot alone. A failure is logged as a warning and never stops the application.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoPilots implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPilots.class);
  private static final Duration WAIT_FOR_TASK = Duration.ofSeconds(30);

  /** One task completed by a named person through its form. */
  record Work(String user, String taskDefinitionKey, Map<String, Object> form) {
  }

  /** A demo pilot: its registration, the work done on it, and the task it then waits at. */
  record DemoPilot(PilotRegistration registration, List<Work> work, String waitsAt) {

    String key() {
      return registration.key();
    }
  }

  static final String CLAIMS_TRIAGE = "CLAIMS-TRIAGE";
  static final String INVOICE_MATCHING = "INVOICE-MATCHING";
  static final String CALL_SUMMARIES = "CALL-SUMMARIES";
  static final String CREDIT_LIMITS = "CREDIT-LIMITS";
  static final String CHURN_SIGNALS = "CHURN-SIGNALS";

  static final List<DemoPilot> ALL = List.of(
      // Olivia's: confirmed, the success metric defined by Paul; waits for Olivia's sign-off.
      new DemoPilot(registration(CLAIMS_TRIAGE, "Claims triage assistant", "Claims operations",
          "Route incoming claims to the right handler; reduce claims processing time by 40%.", Framework.FIVE_PHASE,
          "olivia", "paul", "tara", "rita", "chris", "lena", false, false, true, Autonomy.ADVISORY),
          List.of(confirm("paul"), new Work("paul", FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC,
              successMetric("PRODUCTIVITY", "Claims processing time", "minutes per claim", 50, 30,
                  "Median handling time from the claims system, weekly", 3_200_000, "lena"))),
          FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC),
      // Olivia's too, with Priya and Theo; nobody named for risk and change: those tasks go to the groups. The
      // success metric names Lena as the KPI's line manager.
      new DemoPilot(registration(INVOICE_MATCHING, "Invoice matching", "Finance",
          "Match supplier invoices to orders and receipts; cut manual matching by half.", Framework.FIVE_PHASE,
          "olivia", "priya", "theo", null, null, null, false, false, false, Autonomy.ADVISORY),
          List.of(confirm("priya"), new Work("priya", FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC,
              successMetric("COST", "Invoices matched manually", "percent of invoices", 60, 30,
                  "Share of invoices touched by a clerk, from the ERP, monthly", 850_000, "lena"))),
          FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC),
      // Oscar's: waits for Oscar's sign-off of its success metric.
      new DemoPilot(registration(CALL_SUMMARIES, "Call summaries", "Customer service",
          "Summarise customer calls into the CRM; shorten after-call work.", Framework.FIVE_PHASE,
          "oscar", "paul", "theo", "raj", "carmen", null, true, false, true, Autonomy.ADVISORY),
          List.of(confirm("paul"), new Work("paul", FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC,
              successMetric("PRODUCTIVITY", "After-call work", "seconds per call", 90, 45,
                  "Median wrap-up time from the telephony system, weekly", 1_400_000, "lena"))),
          FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC),
      // Oscar's, four-stage: Priya validated the pilot; Theo assesses the production readiness gaps.
      new DemoPilot(registration(CREDIT_LIMITS, "Credit limit recommendations", "Retail lending",
          "Recommend credit-limit changes for existing customers to the credit officers.", Framework.FOUR_STAGE,
          "oscar", "priya", "theo", "raj", "carmen", null, true, true, true, Autonomy.ADVISORY),
          List.of(confirm("priya"), new Work("priya", FourStageProcess.TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE,
              validationEvidence())),
          FourStageProcess.TASK_ASSESS_READINESS_GAPS),
      // Oscar's, four-stage, just registered: waits for Paul to confirm the registration.
      new DemoPilot(registration(CHURN_SIGNALS, "Churn signals", "Marketing",
          "Flag customers likely to leave so that retention offers reach them in time.", Framework.FOUR_STAGE,
          "oscar", "paul", "tara", "rita", "chris", null, true, false, true, Autonomy.ADVISORY),
          List.of(), PilotIntakeProcess.TASK_CONFIRM_REGISTRATION));

  private final boolean enabled;
  private final PilotIntakeService intake;
  private final PilotRegistry registry;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;
  private final ProcessEngine engine;

  DemoPilots(IdentityProperties identityProperties, DemoPilotsProperties properties, Environment environment,
      PilotIntakeService intake, PilotRegistry registry, ProcessEngine engine) {
    boolean defaultProfile = environment.getActiveProfiles().length == 0;
    boolean demoUsers = identityProperties.demoUsers() != null ? identityProperties.demoUsers() : defaultProfile;
    this.enabled = properties.seed(defaultProfile, demoUsers);
    this.intake = intake;
    this.registry = registry;
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  @Override
  public void run(ApplicationArguments arguments) {
    if (!enabled) {
      return;
    }
    List<String> registered = seed();
    if (!registered.isEmpty()) {
      LOG.info("Demo pilots registered: {} (pilot.demo.pilots=false to leave them out)", registered);
    }
  }

  /**
   * Registers the demo pilots that do not exist yet and works each as far as described; a pilot that fails is
   * logged and skipped. Returns the keys registered now.
   */
  public List<String> seed() {
    List<String> registered = new ArrayList<>();
    for (DemoPilot pilot : ALL) {
      try {
        if (seed(pilot)) {
          registered.add(pilot.key());
        }
      } catch (RuntimeException e) {
        LOG.warn("Demo pilot {} not (fully) created: {}", pilot.key(), e.getMessage(), e);
      }
    }
    return registered;
  }

  private boolean seed(DemoPilot pilot) {
    if (registry.exists(pilot.key())) {
      return false;
    }
    try {
      as(pilot.registration().aiProductOwner(), () -> intake.register(pilot.registration()));
    } catch (DuplicatePilotException e) {
      // Another node registered it a moment ago, and works it.
      return false;
    }
    for (Work work : pilot.work()) {
      Task task = awaitTask(pilot.key(), work.taskDefinitionKey());
      as(work.user(), () -> {
        forms.submitTaskForm(task.getId(), work.form());
        return null;
      });
    }
    awaitTask(pilot.key(), pilot.waitsAt());
    return true;
  }

  /** The pilot's open task, once there: runs the pilot's due asynchronous checks meanwhile, as the job executor would. */
  private Task awaitTask(String key, String taskDefinitionKey) {
    long deadline = System.nanoTime() + WAIT_FOR_TASK.toNanos();
    RuntimeException lastFailure = null;
    while (true) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskDefinitionKey)
          .singleResult();
      if (task != null) {
        return task;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No task " + taskDefinitionKey + " for pilot " + key + " after "
            + WAIT_FOR_TASK.toSeconds() + " s", lastFailure);
      }
      for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(key).list()) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list()) {
          try {
            management.executeJob(job.getId());
          } catch (RuntimeException e) {
            // The job executor took it first, or the check failed (then it retries, and the wait ends in a warning).
            lastFailure = e;
          }
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + taskDefinitionKey + " of " + key, e);
      }
    }
  }

  private <T> T as(String user, Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Work confirm(String aiProductOwner) {
    return new Work(aiProductOwner, PilotIntakeProcess.TASK_CONFIRM_REGISTRATION,
        Map.of(PilotIntakeProcess.Variables.REGISTRATION_CONFIRMED, true));
  }

  private static PilotRegistration registration(String key, String name, String businessUnit, String description,
      Framework framework, String executiveOwner, String aiProductOwner, String techLead, String riskComplianceOwner,
      String changeManager, String lineManager, boolean affectsIndividuals, boolean regulatedDomain,
      boolean processesPersonalData, Autonomy autonomy) {
    return new PilotRegistration(key, name, businessUnit, description, framework, executiveOwner, aiProductOwner,
        techLead, riskComplianceOwner, changeManager, lineManager, affectsIndividuals, regulatedDomain,
        processesPersonalData, autonomy, new BigDecimal("120000.00"), new BigDecimal("480000.00"), null);
  }

  /** The five-phase "Define success metric" form, as Tasklist submits it. */
  private static Map<String, Object> successMetric(String category, String name, String unit, int baseline,
      int target, String method, int annualValue, String lineManager) {
    Map<String, Object> form = new HashMap<>();
    form.put(KPI_CATEGORY, category);
    form.put(KPI_NAME, name);
    form.put(KPI_UNIT, unit);
    form.put(KPI_BASELINE, baseline);
    form.put(KPI_TARGET, target);
    form.put(MEASUREMENT_METHOD, method);
    form.put(ANNUAL_VALUE, annualValue);
    form.put(LINE_MANAGER, lineManager);
    return form;
  }

  /** The four-stage "Provide pilot validation evidence" form, as Tasklist submits it. */
  private static Map<String, Object> validationEvidence() {
    return Map.of("realDataEvidence", "Ran six weeks on live credit applications",
        "realUsersEvidence", "Eight credit officers used the recommendations daily",
        "realIntegrationEvidence", "Reads from the core banking system, writes to the officers' worklist",
        "pilotUsers", 8);
  }
}
