package org.pilotlifecycle.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.reporting.csv.PortfolioCsv;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.fivephase.FivePhaseForms;
import org.pilotlifecycle.fivephase.FivePhaseProcess;
import org.pilotlifecycle.production.ProductionOperationsProcess;
import org.pilotlifecycle.fourstage.FourStageDriver;
import org.pilotlifecycle.fourstage.FourStageForms;
import org.pilotlifecycle.fourstage.FourStageProcess;
import org.pilotlifecycle.fourstage.FourStageProcess.Dimension;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.lifecycle.LifecycleVariables;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.RecordedState;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input at every door: malformed bodies, wrong types, missing fields, values out of range, unknown
 * options and odd Unicode (NUL, lone surrogates, RTL marks, emoji, 100,000-character strings), sent to
 * every {@code /api} endpoint, to the intake's start form and to the {@code submit-form} of every user task
 * type of the three processes, with a pilot brought to each task by the drivers. Every input is invalid,
 * so every answer must be a 4xx with problem details that give nothing internal away, and nothing may be
 * recorded. A fixed seed makes a failure reproducible; {@code -Dfuzz.seed=…} tries others.
 */
@Tag("reliability")
class BadInputFuzzTest extends IntegrationTestSupport {

  private static final long SEED = Long.getLong("fuzz.seed", 20250917L);
  private static final int CASES_PER_TASK_TYPE = 24;
  private static final int CASES_PER_API_ENDPOINT = 40;
  private static final String HUGE = "x".repeat(100_000);
  private static final List<String> ODD = List.of("\u0000", "a\u0000b", "\ud800", "x\udc00y", "\u202Eevil\u202C",
      "\u200F\u200E", "\uD83D\uDE00\uD83D\uDE80", "\uFEFF", "\u0007\u001B[31m", "'; drop table pilot; --",
      "${7*7}", "#{7*7}", "<script>alert(1)</script>", "..\\..\\etc\\passwd", "\u00e9\u0301", "NaN", "-0", "1e309",
      " ", "\t\n", HUGE, "\ud83d" + HUGE);
  /** Internals that must never show in an error body. */
  private static final Pattern INTERNALS = Pattern.compile(
      "\\tat |\\bat (org|java|jdk|sun)\\.|org\\.camunda\\.bpm\\.engine\\.impl|org\\.pilotlifecycle|org\\.springframework"
          + "|org\\.hibernate|org\\.h2|org\\.postgresql|org\\.apache|java\\.lang\\.|java\\.sql|SQLException|SQL state"
          + "|SQLSTATE|(?i:\\bselect\\b.+\\bfrom\\b)|(?i:insert into)|ACT_RU_|ACT_HI_|Exception:",
      Pattern.DOTALL);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  /** A member of each candidate group, with the demo password. */
  private static final Map<String, String> MEMBER = Map.of("ai-product-owner", "paul", "business-owner", "olivia",
      "tech-lead", "tara", "risk-compliance", "rita", "change-manager", "chris", "steering-committee", "sam");

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.pilotlifecycle.production.MonitoringSignals signals;

  private final Random random = new Random(SEED);
  private final Map<String, Counts> counts = new TreeMap<>();
  private final List<String> findings = new ArrayList<>();
  private final Set<String> fuzzedTaskTypes = new LinkedHashSet<>();
  private Http http;

  private static final class Counts {
    int sent;
    int rejected;
    int accepted;
    int serverErrors;
  }

  @BeforeEach
  void setUp() {
    http = http();
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void badInputIsRefusedEverywhereWithProblemDetailsAndNothingIsRecorded() {
    unchanged("the /api endpoints", this::fuzzApi);
    unchanged("the intake start form", this::fuzzStartForm);
    reachEveryIntakeTask();
    reachEveryFivePhaseTask();
    reachEveryFourStageTask();
    reachEveryProductionTask();

    Counts total = new Counts();
    counts.forEach((endpoint, c) -> {
      System.out.printf("fuzz: %-60s sent=%d rejected=%d accepted=%d 5xx=%d%n", endpoint, c.sent, c.rejected,
          c.accepted, c.serverErrors);
      total.sent += c.sent;
      total.rejected += c.rejected;
      total.accepted += c.accepted;
      total.serverErrors += c.serverErrors;
    });
    long changed = findings.stream().filter(f -> f.startsWith("changed")).count();
    org.pilotlifecycle.support.Counts.report("fuzz: sent=%d rejected=%d accepted=%d 5xx=%d changed=%d task types=%d seed=%d", total.sent,
        total.rejected, total.accepted, total.serverErrors, changed, fuzzedTaskTypes.size(), SEED);

    assertThat(findings).as("findings").isEmpty();
    assertThat(total.sent).isGreaterThanOrEqualTo(1000);
    assertThat(fuzzedTaskTypes).as("every user task type of the four processes was fuzzed")
        .containsAll(userTaskTypes());
  }

  // ---------------------------------------------------------------- bringing pilots to every task

  private void reachEveryIntakeTask() {
    String key = Registrations.newKey("FZI");
    intake.register(Registrations.lowRisk(key, Framework.FIVE_PHASE));
    fuzzOpenTasks(key);
  }

  private void reachEveryFivePhaseTask() {
    FivePhaseDriver driver = new FivePhaseDriver(engine);
    String key = Registrations.newKey("FZF");
    ProcessInstance p = driver.start(intake, Registrations.lowRisk(key, Framework.FIVE_PHASE));
    fuzzOpenTasks(key);
    driver.work("paul", p, FivePhaseProcess.TASK_DEFINE_SUCCESS_METRIC, FivePhaseForms.successMetric());
    fuzzOpenTasks(key);
    driver.work("olivia", p, FivePhaseProcess.TASK_SIGN_OFF_SUCCESS_METRIC, FivePhaseForms.approve());
    fuzzOpenTasks(key);
    driver.work("tara", p, FivePhaseProcess.TASK_ASSESS_DATA_READINESS, FivePhaseForms.dataReadiness(3));
    fuzzOpenTasks(key);
    driver.work("tara", p, FivePhaseProcess.TASK_MEASURE_PRODUCTION_PERFORMANCE,
        FivePhaseForms.productionPerformance(0.90, 0.86));
    fuzzOpenTasks(key);
    driver.work("theo", p, FivePhaseProcess.TASK_APPROVE_DATA_READINESS, FivePhaseForms.approve());
    fuzzOpenTasks(key);
    driver.work("tara", p, FivePhaseProcess.TASK_PROVIDE_MLOPS_EVIDENCE, FivePhaseForms.mlopsEvidence(true));
    fuzzOpenTasks(key);
    driver.work("paul", p, FivePhaseProcess.TASK_BUILD_COST_MODEL, FivePhaseForms.costModel(120000, 480000, null));
    fuzzOpenTasks(key);
    driver.work("theo", p, FivePhaseProcess.TASK_APPROVE_MLOPS_READINESS, FivePhaseForms.approve());
    fuzzOpenTasks(key);
    driver.work("paul", p, FivePhaseProcess.TASK_REVIEW_RISK_INPUTS, FivePhaseForms.riskInputs(true, "AUTONOMOUS"));
    fuzzOpenTasks(key);
    driver.work("paul", p, FivePhaseProcess.TASK_DESIGN_HUMAN_IN_THE_LOOP_REVIEW, FivePhaseForms.humanInTheLoopDesign());
    fuzzOpenTasks(key);
    driver.work("paul", p, FivePhaseProcess.TASK_PROVIDE_GOVERNANCE_EVIDENCE, FivePhaseForms.governanceEvidence());
    fuzzOpenTasks(key);
    driver.work("rita", p, FivePhaseProcess.TASK_SIGN_OFF_GOVERNANCE, FivePhaseForms.approve());
    fuzzOpenTasks(key);
    driver.work("chris", p, FivePhaseProcess.TASK_PROVIDE_OPERATING_MODEL_EVIDENCE,
        FivePhaseForms.operatingModelEvidence());
    fuzzOpenTasks(key);

    // Overrun and pause, on a pilot of its own: the time it takes must not slow the main one down, whose
    // repeatability check compares its time to production with earlier pilots'.
    String late = Registrations.newKey("FZG");
    ProcessInstance l = driver.start(intake, Registrations.lowRisk(late, Framework.FIVE_PHASE));
    overrun(late, l);
    fuzzOpenTasks(late);
    driver.work("sam", l, FivePhaseProcess.TASK_DECIDE_OVERDUE_PHASE, Map.of(LifecycleVariables.OVERDUE_DECISION, "PAUSE",
        LifecycleVariables.OVERDUE_REASON, "Reorganisation"));
    fuzzOpenTasks(late);
  }

  private void reachEveryFourStageTask() {
    FourStageDriver driver = new FourStageDriver(engine);
    // The main path, with a conditional go that carries a dimension over into stage 2.
    String key = Registrations.newKey("FZS");
    ProcessInstance p = driver.start(intake, Registrations.lowRisk(key, Framework.FOUR_STAGE));
    fuzzOpenTasks(key);
    driver.work("paul", p, FourStageProcess.TASK_PROVIDE_PILOT_VALIDATION_EVIDENCE, FourStageForms.validationEvidence());
    fuzzOpenTasks(key);
    driver.work("tara", p, FourStageProcess.TASK_ASSESS_READINESS_GAPS, FourStageForms.scores(4, Dimension.MONITORING));
    fuzzOpenTasks(key);
    driver.work("sam", p, FourStageProcess.TASK_SIGN_GO_NO_GO, FourStageForms.approve());
    fuzzOpenTasks(key);
    driver.buildArchitecture(p);
    driver.work("tara", p, FourStageProcess.TASK_REMEDIATE_CARRIED_OVER_DIMENSION, FourStageForms.remediation());
    fuzzOpenTasks(key);
    driver.reassess(p, 4);
    fuzzOpenTasks(key);
    driver.startEmbedding(p);
    driver.moveClockBy(Duration.ofDays(7));
    driver.fireDueTimers(p, FourStageProcess.TIMER_ADOPTION_WEEK_OVER);
    fuzzOpenTasks(key);
    driver.work("chris", p, FourStageProcess.TASK_RECORD_WEEKLY_ADOPTION, FourStageForms.adoption(65));
    driver.adoptionWeek(p, 70);
    fuzzOpenTasks(key);
    driver.work("chris", p, FourStageProcess.TASK_CONFIRM_ADOPTION_RESULTS, FourStageForms.adoptionResults());
    fuzzOpenTasks(key);
    driver.work("olivia", p, FourStageProcess.TASK_SIGN_OFF_ADOPTION, FourStageForms.approve());
    fuzzOpenTasks(key);
    driver.work("paul", p, FourStageProcess.TASK_PLAN_EXPANSION, FourStageForms.expansionPlan());
    fuzzOpenTasks(key);
    driver.work("tara", p, FourStageProcess.TASK_CODIFY_DEPLOYMENT_PLAYBOOK, FourStageForms.playbook());
    fuzzOpenTasks(key);

    // Overrun, pause, monthly review, no-go.
    String late = Registrations.newKey("FZL");
    ProcessInstance l = driver.start(intake, Registrations.lowRisk(late, Framework.FOUR_STAGE));
    overrun(late, l);
    fuzzOpenTasks(late);
    driver.work("sam", l, FourStageProcess.TASK_DECIDE_OVERDUE_STAGE, Map.of(LifecycleVariables.OVERDUE_DECISION, "PAUSE",
        LifecycleVariables.OVERDUE_REASON, "Reorganisation"));
    fuzzOpenTasks(late);
    driver.work("sam", l, FourStageProcess.TASK_RESUME_PAUSED_PILOT, Map.of(LifecycleVariables.NEW_DUE_DATE,
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusDays(30).toString()));
    driver.validate(l, 4, Dimension.DATA, Dimension.INTEGRATION);
    fuzzOpenTasks(late);
    // A monthly review escalated to the steering committee.
    org.camunda.bpm.engine.task.Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(late)
        .taskDefinitionKey(FourStageProcess.TASK_REVIEW_PILOT_DASHBOARD).listPage(0, 1).get(0);
    driver.complete("olivia", review, Map.of(FourStageProcess.Variables.DASHBOARD_NOTES, "Adoption stalls",
        FourStageProcess.Variables.DASHBOARD_ACTION, "ESCALATE"));
    fuzzOpenTasks(late);

    // An adoption programme that ends below target.
    String shortfall = Registrations.newKey("FZA");
    ProcessInstance s = driver.start(intake, Registrations.lowRisk(shortfall, Framework.FOUR_STAGE));
    driver.passStage1(s);
    driver.passStage2(s);
    driver.startEmbedding(s);
    for (int week = 1; week <= 13; week++) {
      driver.adoptionWeek(s, 30 + week);
    }
    fuzzOpenTasks(shortfall);
  }

  /** A pilot in production, brought to every task of its production operations. */
  private void reachEveryProductionTask() {
    org.pilotlifecycle.production.ProductionDriver driver = new org.pilotlifecycle.production.ProductionDriver(engine);
    ProcessInstance p = driver.inProduction(intake, "FZP");
    String key = p.getBusinessKey();
    var inProductionAt = registry.get(key).getInProductionAt();
    ClockUtil.setCurrentTime(Date.from(inProductionAt.plus(Duration.ofDays(31))));
    driver.fireDueTimers(p, ProductionOperationsProcess.TIMER_VALUE_CHECKPOINT_DUE);
    fuzzOpenTasks(key);
    driver.work("paul", p, ProductionOperationsProcess.TASK_RECORD_REALISED_VALUE,
        org.pilotlifecycle.production.ProductionDriver.realisedValue(28));
    fuzzOpenTasks(key);
    driver.work("olivia", p, ProductionOperationsProcess.TASK_CONFIRM_REALISED_VALUE, Map.of(ProductionOperationsProcess.Variables.VALUE_CONFIRMATION, "CONFIRM"));
    driver.fireDueTimers(p, ProductionOperationsProcess.START_MONTH_PASSED);
    fuzzOpenTasks(key);
    driver.work("olivia", p, ProductionOperationsProcess.TASK_REVIEW_PRODUCTION_DASHBOARD, Map.of(ProductionOperationsProcess.Variables.EXECUTIVE_REVIEW_ACTION,
        "ESCALATE", ProductionOperationsProcess.Variables.EXECUTIVE_REVIEW_NOTES, "Costs"));
    fuzzOpenTasks(key);
    driver.work("sam", p, ProductionOperationsProcess.TASK_DECIDE_ON_PRODUCTION_ESCALATION, Map.of(
        ProductionOperationsProcess.Variables.PRODUCTION_ESCALATION_DECISION, "PAUSE", ProductionOperationsProcess.Variables.PRODUCTION_ESCALATION_REASON, "Costs"));
    fuzzOpenTasks(key);
    signals.receive(registry.get(key), new org.pilotlifecycle.production.SignalRequest("DRIFT", "HIGH", "monitor",
        "drift", "fz-1"), "monitor");
    fuzzOpenTasks(key);
    driver.work("tara", p, ProductionOperationsProcess.TASK_ASSESS_MONITORING_SIGNALS, Map.of(ProductionOperationsProcess.Variables.SIGNAL_ASSESSMENT,
        "Drift", ProductionOperationsProcess.Variables.SIGNAL_RECOMMENDATION, "UPDATE"));
    fuzzOpenTasks(key);
    driver.work("olivia", p, ProductionOperationsProcess.TASK_DECIDE_ON_MONITORING_SIGNALS, Map.of(ProductionOperationsProcess.Variables.SIGNAL_REVIEW_OUTCOME,
        "UPDATE", ProductionOperationsProcess.Variables.SIGNAL_REVIEW_NOTES, "Retrain"));
    fuzzOpenTasks(key);
    driver.work("tara", p, ProductionOperationsProcess.TASK_PROVIDE_REVALIDATION_EVIDENCE, Map.of(ProductionOperationsProcess.Variables.NEW_MODEL_VERSION,
        "2.0", ProductionOperationsProcess.Variables.REVALIDATION_EVIDENCE, "Evaluated", ProductionOperationsProcess.Variables.REVALIDATED_ACCURACY_PERCENT, 92));
    fuzzOpenTasks(key);
    ClockUtil.setCurrentTime(Date.from(registry.get(key).getRecertificationDueAt().minus(Duration.ofDays(13))));
    driver.fireDueTimers(p, ProductionOperationsProcess.TIMER_RECERTIFICATION_OPENS);
    fuzzOpenTasks(key);
    driver.work("tara", p, ProductionOperationsProcess.TASK_PROVIDE_RECERTIFICATION_EVIDENCE, Map.of(
        ProductionOperationsProcess.Variables.RECERTIFICATION_EVIDENCE, "Accuracy 91%"));
    fuzzOpenTasks(key);
    ClockUtil.setCurrentTime(Date.from(registry.get(key).getRecertificationDueAt().plus(Duration.ofDays(1))));
    driver.fireDueTimers(p, ProductionOperationsProcess.TIMER_RECERTIFICATION_OVERDUE);
    fuzzOpenTasks(key);
    driver.work("olivia", p, ProductionOperationsProcess.TASK_RESUME_PAUSED_PRODUCTION, Map.of(ProductionOperationsProcess.Variables.RESUME_DECISION, "RETIRE",
        ProductionOperationsProcess.Variables.RESUME_NOTES, "Costs", ProductionOperationsProcess.Variables.RETIREMENT_ROOT_CAUSE,
        "NO_HARD_BUSINESS_OWNER"));
    fuzzOpenTasks(key);
  }

  /** Moves the clock past the current step's due date and fires the timers then due (overdue, monthly). */
  private void overrun(String pilotKey, ProcessInstance instance) {
    Date due = (Date) runtimeService.getVariable(instance.getId(), LifecycleVariables.STEP_DUE_DATE);
    ClockUtil.setCurrentTime(new Date(due.getTime() + Duration.ofMinutes(1).toMillis()));
    List<Job> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers().executable()
        .active().list();
    assertThat(timers).as("due timers of " + pilotKey).isNotEmpty();
    timers.forEach(job -> managementService.executeJob(job.getId()));
  }

  private Set<String> userTaskTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (String process : List.of("PilotIntake", FivePhaseProcess.PROCESS_ID, FourStageProcess.PROCESS_ID,
        org.pilotlifecycle.production.ProductionOperationsProcess.PROCESS_ID)) {
      String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
          .singleResult().getId();
      repositoryService.getBpmnModelInstance(id).getModelElementsByType(UserTask.class)
          .forEach(task -> types.add(process + "/" + task.getId()));
    }
    return types;
  }

  // ---------------------------------------------------------------- task forms

  /** Fuzzes each open task of the pilot whose type has not been fuzzed yet. */
  private void fuzzOpenTasks(String pilotKey) {
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(pilotKey).list()) {
      String process = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
      String type = process + "/" + task.getTaskDefinitionKey();
      if (fuzzedTaskTypes.contains(type)) {
        continue;
      }
      String user = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(link -> link.getUserId() != null ? link.getUserId() : MEMBER.get(link.getGroupId()))
          .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
      List<FormField> form;
      try (InputStream deployed = formService.getDeployedTaskForm(task.getId())) {
        form = FormField.read(JSON.readTree(deployed));
      } catch (Exception e) {
        throw new AssertionError("form of " + type, e);
      }
      unchanged(type, () -> {
        for (int i = 0; i < CASES_PER_TASK_TYPE; i++) {
          String path = "/engine-rest/task/" + task.getId() + (i % 8 == 7 ? "/complete" : "/submit-form");
          Body body = invalidSubmission(form, () -> "x");
          send("POST submit-form " + type, body.describe, body.request(http, path, user));
          if (taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
            finding("completed " + type + " with [" + body.describe + "]: " + abbreviate(new String(body.content,
                StandardCharsets.UTF_8)));
            return;
          }
        }
      });
      fuzzedTaskTypes.add(type);
    }
  }

  private void fuzzStartForm() {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("PilotIntake")
        .latestVersion().singleResult().getId();
    List<FormField> form;
    try (InputStream deployed = formService.getDeployedStartForm(definition)) {
      form = FormField.read(JSON.readTree(deployed));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    for (int i = 0; i < CASES_PER_TASK_TYPE * 2; i++) {
      Body body = invalidSubmission(form, () -> Registrations.newKey("FZ"));
      send("POST start form PilotIntake", body.describe, (
          body.request(http, "/engine-rest/process-definition/key/PilotIntake/submit-form", "paul")));
    }
  }

  /** One submission that the form would refuse: a valid one with exactly one thing wrong. */
  private Body invalidSubmission(List<FormField> form, Supplier<String> patternValue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (FormField field : form) {
      if (!field.conditional && !field.readonly) {
        variables.put(field.key, field.valid(patternValue));
      }
    }
    List<FormField> required = form.stream().filter(f -> f.required).toList();
    List<FormField> constrained = form.stream().filter(f -> !f.readonly && f.hasInvalidValues()).toList();
    int kind = random.nextInt(10);
    if (kind == 0 && !required.isEmpty()) {
      FormField field = pick(required);
      variables.remove(field.key);
      return Body.json(Map.of("variables", variables), "missing " + field.key);
    }
    if (kind == 1 && !required.isEmpty()) {
      FormField field = pick(required);
      variables.put(field.key, typed(pick(List.of("", "   ")), "String"));
      return Body.json(Map.of("variables", variables), "blank " + field.key);
    }
    if (kind == 2) {
      String name = pick(List.of("gateApproved", "currentStep", "pilotKey", "stepDueDate", "status", "\u0000",
          "\ud800", "\u202Ename", "\uD83D\uDE00", "x".repeat(5000)));
      variables.put(name, typed(pick(List.of(true, "PRODUCTION", 42)), "String"));
      return Body.json(Map.of("variables", variables), "unknown variable");
    }
    if (kind == 3) {
      return malformed(variables);
    }
    FormField field = pick(constrained);
    Map<String, Object> bad = field.invalid(random);
    variables.put(field.key, bad);
    return Body.json(Map.of("variables", variables), field.type + " " + field.key + " = " + abbreviate(bad));
  }

  private Body malformed(Map<String, Object> variables) {
    String valid = Http.toJson(Map.of("variables", variables));
    return switch (random.nextInt(12)) {
      case 0 -> Body.raw("{", "application/json", "truncated");
      case 1 -> Body.raw(valid.substring(0, valid.length() / 2), "application/json", "cut in half");
      case 2 -> Body.raw("[" + valid + "]", "application/json", "array");
      case 3 -> Body.raw("{\"variables\": \"all of them\"}", "application/json", "variables as text");
      case 4 -> Body.raw(valid.replaceFirst("\\{\"value\":", "{\"value\":{\"nested\":"), "application/json",
          "value nested");
      case 5 -> Body.raw(valid.replaceFirst("\"type\":\"[A-Za-z]+\"", "\"type\":\"NoSuchType\""), "application/json",
          "unknown type");
      case 6 -> Body.raw(valid, "text/plain", "wrong content type");
      case 7 -> Body.bytes(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'},
          "application/json", "invalid UTF-8");
      case 8 -> Body.raw("[".repeat(5000) + "]".repeat(5000), "application/json", "deep nesting");
      case 9 -> Body.raw(valid.replaceFirst("\\{\"value\":", "{\"value\":[1,2,3],\"x\":"), "application/json",
          "value as array");
      case 10 -> Body.raw("{\"variables\": {\"a\": {\"value\": \"" + "\\u0000".repeat(10) + "\", \"type\": "
          + "\"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\", \"serializationDataFormat\": "
          + "\"application/x-java-serialized-object\"}}}}", "application/json", "Java-serialized object");
      default -> Body.raw("\u0000\u0000\u0000", "application/json", "NUL bytes");
    };
  }

  // ---------------------------------------------------------------- /api

  private void fuzzApi() {
    for (int i = 0; i < CASES_PER_API_ENDPOINT * 3; i++) {
      Map<String, Object> registration = new LinkedHashMap<>(
          Registrations.asJson(Registrations.lowRisk(Registrations.newKey("FZ"), Framework.FIVE_PHASE)));
      Body body = invalidRegistration(registration);
      send("POST /api/pilots", body.describe, (body.request(http, "/api/pilots", "paul")));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT * 2; i++) {
      Body body = invalidCsv();
      send("POST /api/pilots/import", body.describe, (body.request(http, "/api/pilots/import", "paul")));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT; i++) {
      String query = "?" + pick(List.of("status", "framework")) + "=" + encoded(pick(List.of("NOPE", "active", "\u0000",
          "\uD83D\uDE00", "\u202EACTIVE", "ACTIVE,STOPPED", "x".repeat(3000)))) + "&page=" + encoded(pick(List.of(
          "-1", "abc", "1e3", "99999999999", "\u0000", "0x10", "100001"))) + "&size=" + encoded(pick(List.of("0", "201",
          "-5", "NaN", "\uD83D\uDE00", "2147483648")));
      send("GET /api/pilots", query, http.get("/api/pilots" + query, "olivia"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT; i++) {
      String key = oddPathSegment();
      send("GET /api/pilots/{key}", abbreviate(key), http.get("/api/pilots/" + key, "olivia"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT; i++) {
      String key = random.nextBoolean() ? oddPathSegment() : "NO-SUCH-PILOT";
      String query = "?page=" + encoded(pick(List.of("-1", "x", "100001", "\uD83D\uDE00"))) + "&size="
          + encoded(pick(List.of("0", "501", "-1", "9".repeat(30))));
      send("GET /api/pilots/{key}/history", abbreviate(key) + query, http.get("/api/pilots/" + key + "/history" + query,
          "olivia"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
      String query = "?page=" + encoded(pick(List.of("-1", "x", "100001", "\u0000"))) + "&size="
          + encoded(pick(List.of("0", "201", "-1", "1.5")));
      send("GET /api/pilots/stuck", query, http.get("/api/pilots/stuck" + query, "olivia"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
      String query = "?processDefinitionId=" + encoded(pick(List.of("", "x".repeat(65), "a/b", "\u0000", "'; --",
          "\uD83D\uDE00", "NO-SUCH-DEFINITION:1:x"))) + "&listed=" + encoded(pick(List.of("0", "101", "-1", "x", "20")));
      send("GET /api/pilots/stuck/activities", query, http.get("/api/pilots/stuck/activities" + query, "olivia"));
    }
    for (String path : List.of("/api/portfolio", "/api/portfolio/root-causes", "/api/portfolio/dossier.pdf",
        "/api/export/pilots.csv", "/api/export/audit-trail.csv")) {
      for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
        String businessUnit = pick(List.of("x".repeat(101), "\uD83D\uDE00".repeat(60), "\u0000".repeat(150),
            "\u202E".repeat(200), "x".repeat(5000)));
        send("GET " + path, "businessUnit " + abbreviate(businessUnit),
            http.get(path + "?businessUnit=" + encoded(businessUnit), "olivia"));
      }
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT * 2; i++) {
      String key = random.nextInt(4) == 0 ? oddPathSegment() : "NO-SUCH-PILOT";
      Body body = invalidSignal();
      send("POST /api/pilots/{key}/signals", abbreviate(key) + " " + body.describe,
          body.request(http, "/api/pilots/" + key + "/signals", "admin"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT / 4; i++) {
      String query = "?" + encoded(pick(ODD)) + "=" + encoded(pick(ODD).substring(0, 1));
      send("GET /api/pilots/counts", "query " + abbreviate(query), http.get("/api/pilots/counts" + query, "olivia"));
    }
    // The dashboards' reads (issue 19): a pilot's open tasks and KPIs by odd keys, the portfolio by odd frameworks,
    // the pilot list by odd steps and business units, the stuck counts and the business units by odd queries.
    for (String tail : List.of("/tasks", "/kpis", "/history/verify", "/dossier.pdf", "/evidence", "/evidence/1",
        "/evidence/abc", "/evidence/-1")) {
      for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
        String key = random.nextBoolean() ? oddPathSegment() : "NO-SUCH-PILOT";
        send("GET /api/pilots/{key}" + tail, abbreviate(key), http.get("/api/pilots/" + key + tail, "olivia"));
      }
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
      String query = "?framework=" + encoded(pick(List.of("SIX_SIGMA", "five_phase", "\u0000", "\uD83D\uDE00",
          "FIVE_PHASE,FOUR_STAGE", "x".repeat(3000)))) + "&businessUnit=" + encoded(pick(List.of("", "x".repeat(101),
          "\u202E")));
      send("GET /api/portfolio (framework)", abbreviate(query), http.get("/api/portfolio" + query, "olivia"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
      String query = "?step=" + encoded(pick(List.of("<x>", "data_readiness", "x".repeat(65), "\u0000", "A B",
          "\uD83D\uDE00"))) + "&businessUnit=" + encoded(pick(List.of("x".repeat(101), "\u0000".repeat(150), "ok")));
      send("GET /api/pilots (step)", abbreviate(query), http.get("/api/pilots" + query, "olivia"));
    }
    // Evidence uploads: odd keys, odd task ids, bodies that are not multipart, parts missing, odd file names.
    for (int i = 0; i < CASES_PER_API_ENDPOINT; i++) {
      String key = random.nextInt(3) == 0 ? oddPathSegment() : "NO-SUCH-PILOT";
      String boundary = "fz" + random.nextInt(1000);
      String body = switch (random.nextInt(5)) {
        case 0 -> "not multipart at all";
        case 1 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + pick(ODD) + "\r\n--"
            + boundary + "--\r\n";
        case 2 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + pick(ODD)
            + "\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
        case 3 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskId\"\r\n\r\n" + "9".repeat(100)
            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4"
            + "\r\n--" + boundary + "--\r\n";
        default -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n";
      };
      String contentType = random.nextBoolean() ? "multipart/form-data; boundary=" + boundary : "application/json";
      send("POST /api/pilots/{key}/evidence", abbreviate(key) + " " + abbreviate(body),
          http.send(http.request("/api/pilots/" + key + "/evidence", "paul").header("Content-Type", contentType)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))));
    }
    for (String path : List.of("/api/pilots/stuck/counts", "/api/pilots/business-units")) {
      for (int i = 0; i < CASES_PER_API_ENDPOINT / 4; i++) {
        String query = "?" + encoded(pick(ODD)) + "=" + encoded(pick(ODD).substring(0, 1));
        send("GET " + path, "query " + abbreviate(query), http.get(path + query, "olivia"));
      }
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT; i++) {
      Body body = invalidMachineToken();
      send("POST /api/machine-tokens", body.describe, body.request(http, "/api/machine-tokens", "admin"));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT / 2; i++) {
      String id = oddPathSegment();
      send("DELETE /api/machine-tokens/{id}", abbreviate(id),
          http.send(http.request("/api/machine-tokens/" + id, "admin").DELETE()));
    }
    for (int i = 0; i < CASES_PER_API_ENDPOINT; i++) {
      String token = badBearerToken();
      java.net.http.HttpRequest.Builder request;
      try {
        request = http.request("/api/portfolio", null).header("Authorization", "Bearer " + token).GET();
      } catch (IllegalArgumentException refusedByTheClient) {
        continue; // a header value the HTTP client will not send (control characters)
      }
      send("GET /api/portfolio (bearer)", abbreviate(token), http.send(request));
    }
  }

  /** A signal with one or more bad fields, or a body that is not a signal at all. */
  private Body invalidSignal() {
    Map<String, Object> signal = new LinkedHashMap<>(Map.of("type", "DRIFT", "severity", "HIGH", "source", "monitor",
        "description", "drift", "idempotencyKey", "fz-" + random.nextInt(1000)));
    if (random.nextInt(6) == 0) {
      return switch (random.nextInt(4)) {
        case 0 -> Body.raw("{\"type\":", "application/json", "truncated");
        case 1 -> Body.raw("[1,2]", "application/json", "array");
        case 2 -> Body.raw("", "application/json", "empty");
        default -> Body.raw("{\"type\":{\"nested\":[1]}}", "application/json", "object as text");
      };
    }
    String field = pick(List.copyOf(signal.keySet()));
    Object value = random.nextInt(5) == 0 ? null : random.nextBoolean() ? pick(ODD)
        : pick(List.of("x".repeat(2001), "WEATHER", "", " ", "id with spaces", 42, true, List.of("DRIFT")));
    signal.put(field, value);
    if ("type".equals(field) || "severity".equals(field) || "idempotencyKey".equals(field) || value == null
        || value.toString().isBlank() || value.toString().length() > 2000 || !(value instanceof String)) {
      return Body.json(signal, field + "=" + abbreviate(String.valueOf(value)));
    }
    // A source or description of odd text that is still valid: make another field bad as well.
    signal.put("type", "WEATHER");
    return Body.json(signal, field + "=" + abbreviate(String.valueOf(value)) + ", type=WEATHER");
  }

  private Body invalidRegistration(Map<String, Object> registration) {
    if (random.nextInt(8) == 0) {
      String valid = Http.toJson(registration);
      return switch (random.nextInt(7)) {
        case 0 -> Body.raw(valid.substring(0, valid.length() - 3), "application/json", "truncated");
        case 1 -> Body.raw("[" + valid + "]", "application/json", "array");
        case 2 -> Body.raw("", "application/json", "empty");
        case 3 -> Body.raw(valid, "text/plain", "wrong content type");
        case 4 -> Body.raw(valid.replace("}", ",\"extra\":1}"), "application/json", "unknown field");
        case 5 -> Body.raw("[".repeat(5000), "application/json", "deep nesting");
        default -> Body.bytes(new byte[] {'{', (byte) 0xFE, (byte) 0xFF, '}'}, "application/json", "invalid UTF-8");
      };
    }
    String field = pick(List.of("key", "name", "businessUnit", "useCaseDescription", "framework", "executiveOwner",
        "aiProductOwner", "techLead", "lineManager", "affectsIndividuals", "autonomy", "pilotCost",
        "projectedProductionCost", "stepDurations"));
    Object value = switch (field) {
      case "key" -> pick(List.of("", "lower-case", "AB", "A".repeat(33), "\u0000ABC", "ABC\ud800", "\u202EABC",
          "\uD83D\uDE00AB", HUGE, List.of("ABC")));
      case "name", "businessUnit", "useCaseDescription" -> pick(List.of("", " ", "a\u0000b", "x\ud800", "\udc00", HUGE,
          Map.of("a", 1), List.of()));
      case "framework", "autonomy" -> pick(List.of("WATERFALL", "five_phase", "\uD83D\uDE00", "\u0000", "", 42,
          HUGE, Map.of()));
      case "executiveOwner", "aiProductOwner" -> pick(List.of("", "a b", "<script>", "\u0000", "\uD83D\uDE00", HUGE));
      case "techLead", "lineManager" -> pick(List.of("a b", "x".repeat(65), "\u0000", "\u202E", "\ud800"));
      case "affectsIndividuals" -> pick(List.of("yes", 2, "\u0000", List.of(true), Map.of()));
      case "pilotCost", "projectedProductionCost" -> pick(List.of(-1, "abc", 1e20, 0.001, "NaN", true, "\uD83D\uDE00",
          "1" + "0".repeat(400)));
      default -> pick(List.of(Map.of("NO_SUCH_STEP", "P1D"), Map.of("DATA_READINESS", "P0D"),
          Map.of("DATA_READINESS", "\u0000"), "P1D", List.of(1), Map.of("DATA_READINESS", 5),
          Map.of("DATA_READINESS", HUGE)));
    };
    if (random.nextInt(10) == 0) {
      registration.remove(pick(List.of("key", "name", "businessUnit", "useCaseDescription", "framework",
          "executiveOwner", "aiProductOwner", "affectsIndividuals", "regulatedDomain", "processesPersonalData",
          "autonomy")));
      return Body.json(registration, "missing field");
    }
    registration.put(field, value);
    return Body.json(registration, field + " = " + abbreviate(value));
  }

  private Body invalidCsv() {
    List<String> columns = PortfolioCsv.COLUMNS;
    List<String> row = new ArrayList<>(List.of(Registrations.newKey("FZC"), "Claims triage", "Claims", "Route claims",
        "FIVE_PHASE", "olivia", "paul", "tara", "rita", "chris", "lena", "false", "false", "false", "ADVISORY", "1000",
        "2000"));
    String header = String.join(",", columns);
    switch (random.nextInt(12)) {
      case 0 -> {
        return Body.raw("", "text/csv", "empty");
      }
      case 1 -> {
        return Body.raw(header.replace("name", "nom"), "text/csv", "unknown column, no rows");
      }
      case 2 -> {
        return Body.raw(header.replace(",framework", "") + "\n" + String.join(",", row), "text/csv",
            "missing column");
      }
      case 3 -> {
        return Body.raw(header + "\n\"" + String.join(",", row), "text/csv", "unbalanced quote");
      }
      case 4 -> {
        return Body.bytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, (byte) 0xC3, '\n'}, "text/csv", "binary");
      }
      case 5 -> {
        return Body.raw(header.replace(',', ';') + "\n" + String.join(";", row), "text/csv", "semicolons");
      }
      default -> {
        int column = random.nextInt(columns.size());
        String bad = switch (columns.get(column)) {
          case "key" -> pick(List.of("lower", "A", "\u0000ABC", "\uD83D\uDE00AB", HUGE));
          case "framework", "autonomy" -> pick(List.of("WATERFALL", "\u202EFIVE_PHASE", "\uD83D\uDE00", HUGE));
          case "affectsIndividuals", "regulatedDomain", "processesPersonalData" -> pick(List.of("maybe", "2", "\u0000",
              "\uD83D\uDE00"));
          case "pilotCost", "projectedProductionCost" -> pick(List.of("-1", "abc", "1e20", "0.001", "NaN", "\u0000"));
          case "name", "businessUnit", "useCaseDescription" -> pick(List.of("a\u0000b", "\u0007bell", HUGE));
          default -> pick(List.of("a b", "\u0000", "x".repeat(65), "\u202E"));
        };
        row.set(column, "\"" + bad.replace("\"", "\"\"") + "\"");
        return Body.raw(header + "\n" + String.join(",", row), "text/csv",
            columns.get(column) + " = " + abbreviate(bad));
      }
    }
  }

  private Body invalidMachineToken() {
    Map<String, Object> request = new LinkedHashMap<>(Map.of("serviceAccount", "fuzz-tool", "scopes",
        List.of("portfolio.read"), "validForDays", 30));
    switch (random.nextInt(10)) {
      case 0 -> {
        return Body.raw("{\"serviceAccount\":", "application/json", "truncated");
      }
      case 1 -> {
        return Body.raw("[" + Http.toJson(request) + "]", "application/json", "array");
      }
      case 2 -> {
        return Body.raw(Http.toJson(request), "text/plain", "wrong content type");
      }
      case 3 -> {
        request.put("scopes", pick(List.of(List.of(), List.of("camunda-admin"), List.of("SCOPE_portfolio.read"),
            List.of("portfolio.read", "*"), "portfolio.read", List.of(HUGE), List.of("\u0000"), Map.of())));
        return Body.json(request, "scopes = " + abbreviate(request.get("scopes")));
      }
      case 4 -> {
        request.put("validForDays", pick(List.of(0, -1, 367, 100000, "P30D", 1.5, "\uD83D\uDE00", true)));
        return Body.json(request, "validForDays = " + abbreviate(request.get("validForDays")));
      }
      case 5 -> {
        request.put("description", pick(List.of("a\u0000b", "x\ud800", HUGE, "\u0007bell", List.of())));
        return Body.json(request, "description = " + abbreviate(request.get("description")));
      }
      case 6 -> {
        request.put("admin", true);
        return Body.json(request, "unknown field");
      }
      case 7 -> {
        request.remove(pick(List.of("serviceAccount", "scopes")));
        return Body.json(request, "missing field");
      }
      default -> {
        // Odd values that break the service-account rule: "1e309" or "-0" read oddly but are names the rule allows.
        request.put("serviceAccount", pick(ODD.stream().filter(odd -> !odd.matches("^[a-z0-9][a-z0-9._-]{1,63}$")).toList()));
        return Body.json(request, "serviceAccount = " + abbreviate(request.get("serviceAccount")));
      }
    }
  }

  /** Never a token the application issued: garbage, odd text, and JWT look-alikes. */
  private String badBearerToken() {
    java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
    String header = url.encodeToString(pick(List.of("{\"alg\":\"HS256\"}", "{\"alg\":\"none\"}", "{\"alg\":\"RS256\"}",
        "{}", "not json", "{\"alg\":\"HS256\",\"jku\":\"http://evil.example/keys\"}")).getBytes(StandardCharsets.UTF_8));
    String payload = url.encodeToString(pick(List.of("{\"iss\":\"pilot-lifecycle\",\"sub\":\"x\",\"scope\":\"portfolio.read\"}",
        "{\"iss\":\"pilot-lifecycle\",\"exp\":\"tomorrow\"}", "{\"iss\":[1,2]}", "[]", "\u0000", "{\"iss\":\"https://evil\"}"))
        .getBytes(StandardCharsets.UTF_8));
    return switch (random.nextInt(6)) {
      case 0 -> header + "." + payload + ".";
      case 1 -> header + "." + payload + "." + url.encodeToString(new byte[] {1, 2, 3});
      case 2 -> header + "." + payload;
      case 3 -> pick(ODD).replace("\n", "").replace("\t", "");
      case 4 -> "x".repeat(random.nextInt(5000));
      default -> pick(List.of("..", "a.b.c.d.e", "%00", "Bearer x", "=", "eyJ", "e30.e30.e30"));
    };
  }

  private String oddPathSegment() {
    return pick(List.of("%00", "%ED%A0%80", "%E2%80%AE" + "ABC", "%F0%9F%98%80", "..%2F..%2Fetc", "%2F", "x".repeat(2000),
        "%25", "%C0%AF", "ABC%0D%0ASet-Cookie:x=1", "%FF%FE", "NO-SUCH-PILOT", "a;b=c", "%3Cscript%3E"));
  }

  // ---------------------------------------------------------------- sending and judging

  private void send(String endpoint, String what, Http.Response response) {
    Counts c = counts.computeIfAbsent(endpoint, e -> new Counts());
    c.sent++;
    int status = response.status();
    String label = endpoint + " [" + what + "]";
    if (status >= 500) {
      c.serverErrors++;
      finding("5xx " + status + " from " + label + ": " + abbreviate(response.body()));
    } else if (status >= 400) {
      c.rejected++;
      judgeProblem(label, response);
    } else {
      c.accepted++;
      if (!endpoint.startsWith("GET")) {
        finding("accepted " + status + " " + label + ": " + abbreviate(response.body()));
      }
    }
  }

  private void judgeProblem(String label, Http.Response response) {
    if (!response.contentType().startsWith("application/problem+json")) {
      finding("not problem+json (" + response.status() + ", " + response.contentType() + ") from " + label + ": "
          + abbreviate(response.body()));
      return;
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(response.body());
    } catch (Exception e) {
      finding("problem body not JSON from " + label);
      return;
    }
    if (problem.path("status").asInt() != response.status() || problem.path("title").asText().isEmpty()
        || problem.path("detail").asText().isEmpty()) {
      finding("incomplete problem from " + label + ": " + abbreviate(response.body()));
    }
    if (INTERNALS.matcher(response.body()).find()) {
      finding("internals in the body from " + label + ": " + abbreviate(response.body()));
    }
  }

  private void unchanged(String what, Runnable fuzzing) {
    Map<String, String> before = RecordedState.of(jdbc);
    fuzzing.run();
    Map<String, String> after = RecordedState.of(jdbc);
    if (!before.equals(after)) {
      finding("changed by fuzzing " + what + ": " + before + " -> " + after);
    }
  }

  private void finding(String finding) {
    System.out.println("fuzz finding: " + finding);
    findings.add(finding);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String abbreviate(Object value) {
    String text = String.valueOf(value);
    text = text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
    return text.chars().mapToObj(ch -> ch < 0x20 || (ch >= 0xD800 && ch <= 0xDFFF) ? String.format("\\u%04x", ch)
        : String.valueOf((char) ch)).collect(Collectors.joining());
  }

  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  /** A request body with what is wrong with it. */
  record Body(byte[] content, String contentType, String describe) {

    /** As JSON with every non-ASCII character escaped, so that a lone surrogate reaches the server as sent. */
    static Body json(Object value, String describe) {
      try {
        return new Body(ESCAPING.writeValueAsBytes(value), "application/json", describe);
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    }

    static Body raw(String text, String contentType, String describe) {
      return new Body(text.getBytes(StandardCharsets.UTF_8), contentType, describe);
    }

    static Body bytes(byte[] content, String contentType, String describe) {
      return new Body(content, contentType, describe);
    }

    Http.Response request(Http http, String path, String user) {
      return http.send(http.request(path, user).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }
  }

  /** A field of a deployed form, with a valid value and a choice of invalid ones. */
  record FormField(String key, String type, boolean required, boolean conditional, boolean readonly, Double min,
      Double max, Integer maxLength, boolean wholeNumber, boolean pattern, List<String> options) {

    static List<FormField> read(JsonNode form) {
      List<FormField> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      return fields;
    }

    private static void collect(JsonNode components, List<FormField> fields) {
      for (JsonNode c : components) {
        collect(c.path("components"), fields);
        if (c.path("key").asText("").isEmpty()) {
          continue;
        }
        JsonNode v = c.path("validate");
        List<String> options = new ArrayList<>();
        c.path("values").forEach(o -> options.add(o.path("value").asText()));
        fields.add(new FormField(c.path("key").asText(), c.path("type").asText(), v.path("required").asBoolean(),
            !c.path("conditional").path("hide").asText("").isEmpty(),
            c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
            v.hasNonNull("min") ? v.path("min").asDouble() : null, v.hasNonNull("max") ? v.path("max").asDouble() : null,
            v.hasNonNull("maxLength") ? v.path("maxLength").asInt() : null, c.path("decimalDigits").asInt(-1) == 0,
            v.hasNonNull("pattern"), options));
      }
    }

    Map<String, Object> valid(Supplier<String> patternValue) {
      return switch (type) {
        case "number" -> typed(min != null ? (int) Math.ceil(min) : 1, "Integer");
        case "checkbox" -> typed(false, "Boolean");
        case "radio", "select" -> typed(options.get(0), "String");
        case "checklist" -> typed(Http.toJson(List.of(options.get(0))), "Json");
        case "datetime" -> typed(LocalDate.now().plusDays(30).toString(), "String");
        default -> typed(pattern ? patternValue.get() : "ok", "String");
      };
    }

    boolean hasInvalidValues() {
      return true; // every type has wrong types; text has too long and broken Unicode
    }

    Map<String, Object> invalid(Random random) {
      List<Map<String, Object>> choices = new ArrayList<>();
      choices.add(typed(Map.of("nested", true), "Object"));
      switch (type) {
        case "number" -> {
          choices.add(typed("abc", "String"));
          choices.add(typed("12", "String"));
          choices.add(typed(true, "Boolean"));
          choices.add(typed("NaN", "Double"));
          choices.add(typed("Infinity", "Double"));
          choices.add(typed("\uD83D\uDE00", "Integer"));
          choices.add(typed("\u0000", "Long"));
          choices.add(typed("\u202E5", "Integer"));
          choices.add(typed("[1]", "Json"));
          if (min != null) {
            choices.add(typed(min - 1, "Double"));
            choices.add(typed(-1e308, "Double"));
          }
          if (max != null) {
            choices.add(typed(max + 1, "Double"));
            choices.add(typed(1e308, "Double"));
            choices.add(typed("9".repeat(400), "Long"));
            choices.add(typed("1e400", "Double"));
          }
          if (wholeNumber) {
            choices.add(typed((min == null ? 0 : min) + 0.5, "Double"));
          }
        }
        case "checkbox" -> {
          choices.add(typed("yes", "String"));
          choices.add(typed(1, "Integer"));
          choices.add(typed("true", "String"));
          choices.add(typed("\u0000", "Boolean"));
        }
        case "radio", "select" -> {
          choices.add(typed("NO_SUCH_OPTION", "String"));
          choices.add(typed(options.get(0).toLowerCase(), "String"));
          choices.add(typed(" " + options.get(0), "String"));
          choices.add(typed("\u202E" + options.get(0), "String"));
          choices.add(typed(options.get(0) + "\u0000", "String"));
          choices.add(typed("\uD83D\uDE00", "String"));
          choices.add(typed(HUGE, "String"));
          choices.add(typed(1, "Integer"));
          choices.add(typed(options.get(0), "Json"));
        }
        case "checklist" -> {
          choices.add(typed("[\"NO_SUCH_OPTION\"]", "Json"));
          choices.add(typed("[", "Json"));
          choices.add(typed("{\"a\":1}", "Json"));
          choices.add(typed(options.get(0), "String"));
          choices.add(typed("[1, 2]", "Json"));
          choices.add(typed("[\"\\u0000\"]", "Json"));
        }
        case "datetime" -> {
          choices.add(typed("2024-13-45", "String"));
          choices.add(typed("tomorrow", "String"));
          choices.add(typed("\uD83D\uDE00", "String"));
          choices.add(typed(20240101, "Integer"));
          choices.add(typed("2030-01-01\u0000", "String"));
          choices.add(typed(HUGE, "String"));
          choices.add(typed("not a date", "Date"));
        }
        default -> {
          choices.add(typed(HUGE, "String"));
          choices.add(typed("a\u0000b", "String"));
          choices.add(typed("x\ud800", "String"));
          choices.add(typed("\udc00", "String"));
          choices.add(typed("\u0007\u001B[31m", "String"));
          choices.add(typed(42, "Integer"));
          choices.add(typed(true, "Boolean"));
          if (maxLength != null) {
            choices.add(typed("\uD83D\uDE00".repeat(maxLength / 2 + 1), "String"));
          }
          if (pattern) {
            // Neither a pilot key nor a user id: lower case, a space and a '!'.
            choices.add(typed("lower case!", "String"));
          }
          if ("textfield".equals(type)) {
            choices.add(typed("two\nlines", "String"));
            choices.add(typed("two\u2028lines", "String"));
          }
        }
      }
      return choices.get(random.nextInt(choices.size()));
    }
  }
}
