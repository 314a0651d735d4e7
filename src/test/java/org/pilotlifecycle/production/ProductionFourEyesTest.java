package org.pilotlifecycle.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pilotlifecycle.production.ProductionOperationsProcess.*;
import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.PilotRole;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.people.PeopleChanges;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Four-eyes on the production gates, through Tasklist's REST calls: a user in both the tech lead's and the risk &
 * compliance group, named by the pilot for both roles, provides the re-certification evidence and the re-validation
 * evidence and is refused (400 problem naming four-eyes) when they try to re-certify or approve it; the task stays
 * open and another risk & compliance owner then decides.
 */
class ProductionFourEyesTest extends IntegrationTestSupport {

  @Autowired ProcessEngine engine;
  @Autowired PilotIntakeService intake;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired PeopleChanges people;
  @Autowired MonitoringSignals signals;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String dualUser() {
    String id = "prod4e" + java.util.UUID.randomUUID().toString().substring(0, 6);
    var user = identityService.newUser(id);
    user.setFirstName("Dual");
    user.setLastName("Role");
    user.setEmail(id + "@example.org");
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership(id, Roles.TECH_LEAD);
    identityService.createMembership(id, Roles.RISK_COMPLIANCE);
    return id;
  }

  private Http.Response submit(Http http, String user, String taskKey, ProcessInstance instance, Map<String, Object> values) {
    String task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult().getId();
    return http.postJson("/engine-rest/task/" + task + "/submit-form", user,
        TasklistUser.typed(values));
  }

  @Test
  void whoProvidedTheEvidenceCannotReCertifyNorApproveTheNewModelVersion() {
    ProductionDriver driver = new ProductionDriver(engine);
    ProcessInstance instance = driver.inProduction(intake, "PROD4E");
    String key = instance.getBusinessKey();
    String dual = dualUser();
    people.change(key, PilotRole.TECH_LEAD, dual, "four-eyes test", "admin", List.of(Roles.ADMIN));
    people.change(key, PilotRole.RISK_COMPLIANCE_OWNER, dual, "four-eyes test", "admin", List.of(Roles.ADMIN));
    Http http = http();

    ClockUtil.setCurrentTime(java.util.Date.from(registry.get(key).getRecertificationDueAt().minus(Duration.ofDays(13))));
    driver.fireDueTimers(instance, TIMER_RECERTIFICATION_OPENS);
    Http.Response evidence = submit(http, dual, TASK_PROVIDE_RECERTIFICATION_EVIDENCE, instance,
        Map.of(RECERTIFICATION_EVIDENCE, "All good"));
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(204);
    Http.Response refused = submit(http, dual, TASK_RECERTIFY, instance, Map.of(RECERTIFICATION_DECISION, "RECERTIFY"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("four-eyes").contains(dual);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_RECERTIFY).count())
        .as("the re-certification stays open").isOne();

    people.change(key, PilotRole.RISK_COMPLIANCE_OWNER, "rita", "four-eyes test", "admin", List.of(Roles.ADMIN));
    assertThat(submit(http, "rita", TASK_RECERTIFY, instance, Map.of(RECERTIFICATION_DECISION, "RECERTIFY")).status())
        .isEqualTo(204);
    assertThat(registry.get(key).getLastRecertifiedAt()).isNotNull();

    people.change(key, PilotRole.RISK_COMPLIANCE_OWNER, dual, "four-eyes test", "admin", List.of(Roles.ADMIN));
    driver.runChecks(instance);
    signals.receive(registry.get(key), new SignalRequest("DRIFT", "HIGH", "monitor", "drift", "4e-1"), "monitor");
    driver.work(dual, instance, TASK_ASSESS_MONITORING_SIGNALS, Map.of(SIGNAL_ASSESSMENT, "Drift", SIGNAL_RECOMMENDATION, "UPDATE"));
    driver.work("olivia", instance, TASK_DECIDE_ON_MONITORING_SIGNALS, Map.of(SIGNAL_REVIEW_OUTCOME, "UPDATE",
        SIGNAL_REVIEW_NOTES, "Retrain"));
    assertThat(submit(http, dual, TASK_PROVIDE_REVALIDATION_EVIDENCE, instance, Map.of(NEW_MODEL_VERSION, "2.0",
        REVALIDATION_EVIDENCE, "Evaluated", REVALIDATED_ACCURACY_PERCENT, 92.0)).status()).isEqualTo(204);
    Http.Response approval = submit(http, dual, TASK_APPROVE_REVALIDATED_MODEL, instance,
        Map.of(REVALIDATION_DECISION, "APPROVE"));
    assertThat(approval.status()).as(approval.body()).isEqualTo(400);
    assertThat(approval.body()).contains("four-eyes");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_APPROVE_REVALIDATED_MODEL).count()).isOne();
  }
}
