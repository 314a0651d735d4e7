package org.pilotlifecycle.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.pilotlifecycle.framework.Roles;
import org.pilotlifecycle.framework.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.engine.SystemQueries;
import org.springframework.stereotype.Service;

/**
 * Who is told what: the people of a gate's sign-off task when it waits for them; the executive owner and the
 * people of the decision when a phase or stage runs over; the people of a step's open tasks and the executive
 * owner shortly before it falls due; the owners when a pilot is paused, stopped or reaches production. A task's
 * people are always found the same way ({@link TaskPeople}: assignee, else candidate users, else the members of
 * the candidate groups). Each mail names the pilot and links to the task in Tasklist. A person without an
 * e-mail address, or unknown to the identity service, is skipped; nobody to tell means no mail.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final MailOutbox outbox;
  private final MailProperties properties;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final PilotRegistry registry;

  Notifications(MailOutbox outbox, MailProperties properties, IdentityService identityService, TaskService taskService,
      RepositoryService repositoryService, PilotRegistry registry) {
    this.outbox = outbox;
    this.properties = properties;
    this.identityService = identityService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.registry = registry;
  }

  /** A gate's sign-off task was created: tell its people (assignee, else candidate users, else candidate groups). */
  public void gateWaiting(DelegateTask task) {
    Pilot pilot = pilotOf(task);
    if (pilot == null) {
      return;
    }
    outbox.enqueue(emails(peopleOf(task)),
        "Sign-off waiting: " + task.getName() + " for " + pilot.getKey(),
        """
        %s (%s) waits for your sign-off: "%s".

        Check the evidence in the form, then approve or reject with a reason. You cannot approve what you
        prepared yourself.
        Due: %s

        Open the task in Tasklist: %s
        """.formatted(pilot.getName(), pilot.getKey(), task.getName(), pilot.getStepDueAt(), taskLink(task.getId())));
  }

  /**
   * A phase or stage ran over: tell the executive owner and the people of the decision task (the steering
   * committee when the task names nobody).
   */
  public void escalated(DelegateTask decision) {
    Pilot pilot = pilotOf(decision);
    if (pilot == null) {
      return;
    }
    TaskPeople deciders = peopleOf(decision);
    if (deciders.isEmpty()) {
      deciders = new TaskPeople(List.of(), List.of(Roles.STEERING_COMMITTEE));
    }
    outbox.enqueue(emails(new TaskPeople(List.of(pilot.getExecutiveOwner()), List.of()).and(deciders)),
        "Overdue: " + pilot.getKey() + " ran past its due date in " + label(pilot.getCurrentStep()),
        """
        %s (%s) is past the due date %s of %s.

        The steering committee decides: extend with a new due date, pause, or stop the pilot.
        Executive owner: %s

        Open the decision in Tasklist: %s
        """.formatted(pilot.getName(), pilot.getKey(), pilot.getStepDueAt(), label(pilot.getCurrentStep()),
            pilot.getExecutiveOwner(), taskLink(decision.getId())));
  }

  /**
   * Work on a pilot in production waits for its people (a value checkpoint, a re-certification, a signal review, a
   * monthly review, a decommissioning): tell the task's people.
   */
  public void productionWorkWaiting(DelegateTask task) {
    Pilot pilot = pilotOf(task);
    if (pilot == null) {
      return;
    }
    outbox.enqueue(emails(peopleOf(task)), task.getName() + " for " + pilot.getKey() + " in production",
        """
        %s (%s) is in production and waits for you: "%s".
        Due: %s

        Open the task in Tasklist: %s
        """.formatted(pilot.getName(), pilot.getKey(), task.getName(),
            task.getDueDate() == null ? "-" : DUE.format(task.getDueDate().toInstant()), taskLink(task.getId())));
  }

  /** A pilot's re-certification is overdue: tell the executive owner and the steering committee (the decision's people). */
  public void recertificationOverdue(DelegateTask decision, Instant due) {
    Pilot pilot = pilotOf(decision);
    if (pilot == null) {
      return;
    }
    TaskPeople deciders = peopleOf(decision);
    if (deciders.isEmpty()) {
      deciders = new TaskPeople(List.of(), List.of(Roles.STEERING_COMMITTEE));
    }
    outbox.enqueue(emails(new TaskPeople(List.of(pilot.getExecutiveOwner()), List.of()).and(deciders)),
        "Overdue: the re-certification of " + pilot.getKey() + " was due " + (due == null ? "" : DUE.format(due)),
        """
        %s (%s) is in production and was due for re-certification on %s; it is not re-certified.

        The steering committee decides: extend with a new due date, or pause the pilot.
        Executive owner: %s

        Open the decision in Tasklist: %s
        """.formatted(pilot.getName(), pilot.getKey(), due == null ? "-" : DUE.format(due), pilot.getExecutiveOwner(),
            taskLink(decision.getId())));
  }

  /**
   * The pilot's current phase or stage falls due soon: tell the people of the step's open user tasks and the
   * executive owner. In the caller's transaction (see {@link DueReminders}). Returns the user ids and groups told.
   */
  TaskPeople dueSoon(Pilot pilot, Instant now) {
    Step step = Step.named(pilot.getCurrentStep());
    List<Task> open = openTasks(pilot.getKey(), step);
    TaskPeople people = new TaskPeople(List.of(pilot.getExecutiveOwner()), List.of());
    StringBuilder tasks = new StringBuilder();
    for (Task task : open) {
      people = people.and(peopleOf(task));
      tasks.append("- ").append(task.getName()).append(": ").append(taskLink(task.getId())).append('\n');
    }
    long days = Duration.between(now, pilot.getStepDueAt()).toHours() / 24;
    outbox.enqueue(emails(people),
        "Due soon: " + pilot.getKey() + " " + step.title() + " is due " + DUE.format(pilot.getStepDueAt()),
        """
        %s (%s) is due to finish %s on %s (in %s).

        Finish the open work and have the gate signed off before then; otherwise the steering committee is asked
        to extend, pause or stop the pilot.
        Executive owner: %s

        Open work:
        %s
        Pilot Lifecycle: %s/api/pilots/%s
        """.formatted(pilot.getName(), pilot.getKey(), step.title(), DUE.format(pilot.getStepDueAt()),
            days == 1 ? "1 day" : days < 1 ? "less than a day" : days + " days", pilot.getExecutiveOwner(),
            tasks.length() == 0 ? "(no open task)\n" : tasks, properties.baseUrl(), pilot.getKey()));
    return people;
  }

  /** A pilot was paused, stopped or reached production: tell its owners. */
  public void statusChanged(String pilotKey, String what, String reason) {
    Pilot pilot = registry.get(pilotKey);
    outbox.enqueue(emails(new TaskPeople(owners(pilot), List.of())),
        "Pilot " + pilot.getKey() + " " + what,
        """
        %s (%s) %s.
        %s
        Status: %s, in %s.

        Pilot Lifecycle: %s/api/pilots/%s
        """.formatted(pilot.getName(), pilot.getKey(), what, reason == null ? "" : "Reason: " + reason + "\n",
            pilot.getStatus(), label(pilot.getCurrentStep()), properties.baseUrl(), pilot.getKey()));
  }

  private Pilot pilotOf(DelegateTask task) {
    // the execution's, not the task's: its task-local card copy would be found first
    Object key = (task.getExecution() != null ? task.getExecution() : task).getVariable("pilotKey");
    if (!(key instanceof String pilotKey)) {
      LOG.warn("Task {} ({}) names no pilot: no mail", task.getId(), task.getTaskDefinitionKey());
      return null;
    }
    return registry.get(pilotKey);
  }

  private static TaskPeople peopleOf(DelegateTask task) {
    return TaskPeople.of(task.getAssignee(), task.getCandidates());
  }

  private TaskPeople peopleOf(Task task) {
    return SystemQueries.asSystem(identityService,
        () -> TaskPeople.of(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId())));
  }

  /**
   * The open user tasks of the pilot (its process instances have its key as business key) inside the step's
   * sub-process, oldest first.
   */
  private List<Task> openTasks(String pilotKey, Step step) {
    return SystemQueries.asSystem(identityService, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(pilotKey).orderByTaskCreateTime().asc().list().stream()
        .filter(task -> insideOf(task, step.subProcessId()))
        .toList());
  }

  private boolean insideOf(Task task, String subProcessId) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return false;
    }
    ModelElementInstance element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    for (ModelElementInstance parent = element == null ? null : element.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof SubProcess sub && subProcessId.equals(sub.getId())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> owners(Pilot pilot) {
    return new ArrayList<>(new LinkedHashSet<>(List.of(pilot.getExecutiveOwner(), pilot.getAiProductOwner())));
  }

  /** The e-mail addresses of the people: the users' and the groups' members', of those that have one. */
  List<String> emails(TaskPeople people) {
    return emails(people.users(), people.groups());
  }

  /** The e-mail addresses of the users and of the members of the groups that have one; unknown users are skipped. */
  List<String> emails(Collection<String> userIds, Collection<String> groupIds) {
    return SystemQueries.asSystem(identityService, () -> {
      Set<String> emails = new LinkedHashSet<>();
      List<String> users = userIds.stream().filter(Objects::nonNull).distinct().toList();
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
