package org.pilotlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;

/** The one rule from a task's identity links to its people: assignee, else candidate users, else candidate groups. */
class TaskPeopleTest {

  private static IdentityLink link(String type, String userId, String groupId) {
    IdentityLinkEntity link = new IdentityLinkEntity();
    link.setType(type);
    link.setUserId(userId);
    link.setGroupId(groupId);
    return link;
  }

  @Test
  void theAssigneeComesFirst() {
    assertThat(TaskPeople.of("rita", List.of(link(IdentityLinkType.CANDIDATE, "theo", null),
        link(IdentityLinkType.CANDIDATE, null, "tech-lead"))))
        .isEqualTo(new TaskPeople(List.of("rita"), List.of()));
  }

  @Test
  void candidateUsersBeforeCandidateGroups() {
    assertThat(TaskPeople.of(null, List.of(link(IdentityLinkType.CANDIDATE, null, "tech-lead"),
        link(IdentityLinkType.CANDIDATE, "theo", null), link(IdentityLinkType.CANDIDATE, "tara", null))))
        .isEqualTo(new TaskPeople(List.of("theo", "tara"), List.of()));
  }

  @Test
  void theGroupsWhenNobodyIsNamedAndOtherLinkTypesDoNotCount() {
    assertThat(TaskPeople.of(" ", List.of(link(IdentityLinkType.OWNER, "olivia", null),
        link(IdentityLinkType.CANDIDATE, null, "tech-lead"), link(IdentityLinkType.CANDIDATE, null, "tech-lead"))))
        .isEqualTo(new TaskPeople(List.of(), List.of("tech-lead")));
    assertThat(TaskPeople.of(null, null).isEmpty()).isTrue();
  }
}
