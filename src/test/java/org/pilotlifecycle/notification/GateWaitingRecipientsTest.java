package org.pilotlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.fivephase.FivePhaseDriver;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.support.IntegrationTestSupport;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate-waiting mail goes to the task's people by the one rule ({@link TaskPeople}): a named candidate user
 * rather than the candidate group beside it; the group when nobody is named; the assignee before both. A user
 * without an e-mail address is skipped, not an error.
 */
class GateWaitingRecipientsTest extends IntegrationTestSupport {

  @Autowired Notifications notifications;
  @Autowired OutboxRepository mails;
  @Autowired PilotIntakeService intake;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired PlatformTransactionManager transactionManager;

  private static IdentityLink candidate(String userId, String groupId) {
    IdentityLinkEntity link = new IdentityLinkEntity();
    link.setType(IdentityLinkType.CANDIDATE);
    link.setUserId(userId);
    link.setGroupId(groupId);
    return link;
  }

  /** A gate task as the engine hands it to the create listener. */
  private DelegateTask gate(String pilotKey, String name, String assignee, Set<IdentityLink> candidates) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getId()).thenReturn("task-" + name.hashCode());
    when(task.getName()).thenReturn(name);
    when(task.getTaskDefinitionKey()).thenReturn("Task_SignOffSuccessMetric");
    when(task.getVariable("pilotKey")).thenReturn(pilotKey);
    when(task.getAssignee()).thenReturn(assignee);
    when(task.getCandidates()).thenReturn(candidates);
    return task;
  }

  private String recipientsOf(DelegateTask task) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifications.gateWaiting(task));
    String subject = "Sign-off waiting: " + task.getName() + " for " + task.getVariable("pilotKey");
    List<OutboxMail> sent = mails.findAll().stream().filter(mail -> mail.getSubject().equals(subject)).toList();
    assertThat(sent).as(subject).hasSizeLessThanOrEqualTo(1);
    return sent.isEmpty() ? null : sent.get(0).getRecipients();
  }

  @Test
  void aNamedCandidateUserIsMailedNotTheGroupBesideIt() {
    ProcessInstance instance = new FivePhaseDriver(engine).start(intake,
        Registrations.lowRisk(Registrations.newKey("GATEMAIL"), Framework.FIVE_PHASE));
    String key = instance.getBusinessKey();
    String noMail = "nomail" + key.replace("-", "").toLowerCase();
    identityService.saveUser(identityService.newUser(noMail));
    identityService.createMembership(noMail, Roles.BUSINESS_OWNER);
    try {
      assertThat(recipientsOf(gate(key, "Named", null,
          Set.of(candidate("theo", null), candidate(noMail, null), candidate(null, Roles.BUSINESS_OWNER)))))
          .as("the named person only; the one without an address is skipped")
          .isEqualTo("theo@pilot-lifecycle.example");
      assertThat(recipientsOf(gate(key, "Group", null, Set.of(candidate(null, Roles.BUSINESS_OWNER)))))
          .as("nobody named: the group's members that have an address")
          .isEqualTo("lena@pilot-lifecycle.example,olivia@pilot-lifecycle.example,oscar@pilot-lifecycle.example");
      assertThat(recipientsOf(gate(key, "Assigned", "rita", Set.of(candidate("theo", null), candidate(null, Roles.BUSINESS_OWNER)))))
          .as("assigned: the assignee alone")
          .isEqualTo("rita@pilot-lifecycle.example");
      assertThat(recipientsOf(gate(key, "NoAddress", null, Set.of(candidate(noMail, null), candidate(null, Roles.BUSINESS_OWNER)))))
          .as("the only named person has no address: no mail, no failure")
          .isNull();
    } finally {
      identityService.deleteUser(noMail);
    }
  }
}
