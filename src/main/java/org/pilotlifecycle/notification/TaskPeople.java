package org.pilotlifecycle.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Whom a task is for, from its assignee and its identity links: the assignee when the task has one; else its
 * candidate users, when it names any; else its candidate groups (whose members are then told). Generic over the
 * links, it knows no roles: a task naming a pilot's person as candidate user, with the group only as a fallback
 * when nobody is named, reaches that person alone. Owner and other link types do not count.
 *
 * @param users user ids to tell
 * @param groups group ids whose members to tell (empty unless neither assignee nor candidate users exist)
 */
record TaskPeople(List<String> users, List<String> groups) {

  static final TaskPeople NOBODY = new TaskPeople(List.of(), List.of());

  TaskPeople {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
  }

  /** The one rule: assignee, else candidate users, else candidate groups. */
  static TaskPeople of(String assignee, Collection<? extends IdentityLink> links) {
    if (assignee != null && !assignee.isBlank()) {
      return new TaskPeople(List.of(assignee), List.of());
    }
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : links == null ? List.<IdentityLink>of() : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null && !link.getUserId().isBlank()) {
        users.add(link.getUserId());
      } else if (link.getGroupId() != null && !link.getGroupId().isBlank()) {
        groups.add(link.getGroupId());
      }
    }
    return users.isEmpty() ? new TaskPeople(List.of(), List.copyOf(groups)) : new TaskPeople(List.copyOf(users), List.of());
  }

  boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty();
  }

  /** Both together, users and groups each without repeats, in order. */
  TaskPeople and(TaskPeople other) {
    Set<String> allUsers = new LinkedHashSet<>(users);
    allUsers.addAll(other.users);
    Set<String> allGroups = new LinkedHashSet<>(groups);
    allGroups.addAll(other.groups);
    return new TaskPeople(List.copyOf(allUsers), List.copyOf(allGroups));
  }
}
