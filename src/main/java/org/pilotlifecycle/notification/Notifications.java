package org.pilotlifecycle.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.engine.SystemQueries;
import org.springframework.stereotype.Service;

/**
 * Who is told what: the candidate groups when a gate waits for them; the executive owner and the
 * steering committee when a phase or stage runs over; the owners when a pilot is paused, stopped or
 * reaches production. Each mail names the pilot and links to the task in Tasklist.
 */
@Service
public class Notifications {

  private final MailOutbox outbox;
  private final MailProperties properties;
  private final IdentityService identityService;
  private final PilotRegistry registry;

  Notifications(MailOutbox outbox, MailProperties properties, IdentityService identityService, PilotRegistry registry) {
    this.outbox = outbox;
    this.properties = properties;
    this.identityService = identityService;
    this.registry = registry;
  }

  /** A gate's sign-off task was created: tell the members of its candidate groups. */
  public void gateWaiting(DelegateTask task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    Pilot pilot = registry.get((String) task.getVariable("pilotKey"));
    outbox.enqueue(emails(List.of(), groups),
        "Sign-off waiting: " + task.getName() + " for " + pilot.getKey(),
        """
        %s (%s) waits for your sign-off: "%s".

        Check the evidence in the form, then approve or reject with a reason. You cannot approve what you
        prepared yourself.
        Due: %s

        Open the task in Tasklist: %s
        """.formatted(pilot.getName(), pilot.getKey(), task.getName(), pilot.getStepDueAt(), taskLink(task.getId())));
  }

  /** A phase or stage ran over: tell the executive owner and the steering committee. */
  public void escalated(DelegateTask decision) {
    Pilot pilot = registry.get((String) decision.getVariable("pilotKey"));
    outbox.enqueue(emails(List.of(pilot.getExecutiveOwner()), List.of(Roles.STEERING_COMMITTEE)),
        "Overdue: " + pilot.getKey() + " ran past its due date in " + label(pilot.getCurrentStep()),
        """
        %s (%s) is past the due date %s of %s.

        The steering committee decides: extend with a new due date, pause, or stop the pilot.
        Executive owner: %s

        Open the decision in Tasklist: %s
        """.formatted(pilot.getName(), pilot.getKey(), pilot.getStepDueAt(), label(pilot.getCurrentStep()),
            pilot.getExecutiveOwner(), taskLink(decision.getId())));
  }

  /** A pilot was paused, stopped or reached production: tell its owners. */
  public void statusChanged(String pilotKey, String what, String reason) {
    Pilot pilot = registry.get(pilotKey);
    outbox.enqueue(emails(owners(pilot), List.of()),
        "Pilot " + pilot.getKey() + " " + what,
        """
        %s (%s) %s.
        %s
        Status: %s, in %s.

        Pilot Lifecycle: %s/api/pilots/%s
        """.formatted(pilot.getName(), pilot.getKey(), what, reason == null ? "" : "Reason: " + reason + "\n",
            pilot.getStatus(), label(pilot.getCurrentStep()), properties.baseUrl(), pilot.getKey()));
  }

  private static List<String> owners(Pilot pilot) {
    return new ArrayList<>(new LinkedHashSet<>(List.of(pilot.getExecutiveOwner(), pilot.getAiProductOwner())));
  }

  /** The e-mail addresses of the users and of the members of the groups that have one. */
  List<String> emails(Collection<String> userIds, Collection<String> groupIds) {
    return SystemQueries.asSystem(identityService, () -> {
      Set<String> emails = new LinkedHashSet<>();
      List<String> users = userIds.stream().filter(Objects::nonNull).toList();
      if (!users.isEmpty()) {
        identityService.createUserQuery().userIdIn(users.toArray(String[]::new)).list().stream()
            .map(User::getEmail).filter(email -> email != null && !email.isBlank()).forEach(emails::add);
      }
      for (String group : groupIds) {
        identityService.createUserQuery().memberOfGroup(group).list().stream()
            .map(User::getEmail).filter(email -> email != null && !email.isBlank()).forEach(emails::add);
      }
      return List.copyOf(emails);
    });
  }

  private String taskLink(String taskId) {
    return properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private static String label(String step) {
    return step == null ? "" : step.toLowerCase().replace('_', ' ');
  }
}
