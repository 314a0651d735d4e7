package org.pilotlifecycle.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pilotlifecycle.engine.CurrentUser;
import org.pilotlifecycle.engine.SystemQueries;
import org.pilotlifecycle.engine.TaskCandidates;
import org.pilotlifecycle.framework.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may hold and complete a task is decided by the task's entitlement, whatever path led there: the
 * candidate groups and users its definition in the diagram names now ({@link TaskCandidates}: for the
 * pilot's tasks, its named person or their deputy, else the role's group), and the administrators. Identity
 * links added at runtime entitle no one. Checked on every user task of every diagram and version, by listeners the
 * engine adds when it parses a diagram:
 * <ul>
 *   <li>assignment: a claim, a set assignee, a delegation or an update must name an entitled user;</li>
 *   <li>completion: the user completing it (the form's submission, a plain complete) must be entitled;
 *       the system (timers, jobs) is.</li>
 * </ul>
 * A refusal is the engine's {@link AuthorizationException}: 403 in both engine APIs, nothing changed.
 */
@Component
public class TaskEntitlement extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener onAssignment = TaskEntitlement::assignment;
    TaskListener onCompletion = TaskEntitlement::completion;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior user) {
          user.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onAssignment);
          user.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, onCompletion);
        }
      }
    });
  }

  static void assignment(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee != null && !entitled(task, assignee)) {
      throw new AuthorizationException(assignee + " is not entitled to \"" + task.getName() + "\": only "
          + describe(TaskCandidates.of(task)) + " may hold it.");
    }
  }

  static void completion(DelegateTask task) {
    String actor = CurrentUser.of(task.getProcessEngineServices());
    if (actor != null && !entitled(task, actor)) {
      throw new AuthorizationException(actor + " is not entitled to complete \"" + task.getName() + "\": only "
          + describe(TaskCandidates.of(task)) + " may.");
    }
  }

  /**
   * Whether the user is a candidate the task's definition names now (by group or by name, evaluating its
   * expressions: the pilot's named person, their deputy, the role's group), or an administrator.
   */
  static boolean entitled(DelegateTask task, String userId) {
    if (task.getBpmnModelElementInstance() == null) {
      return true;
    }
    List<String> groups = groupsOf(task, userId);
    return groups.contains(Roles.ADMIN) || TaskCandidates.of(task).include(userId, groups);
  }

  private static String describe(TaskCandidates candidates) {
    List<String> who = new ArrayList<>(candidates.users());
    candidates.groups().forEach(group -> who.add("members of " + group));
    return who.isEmpty() ? "administrators" : String.join(", ", who);
  }

  /** The user's groups: from the request's authentication when it is theirs, else from the identity service. */
  private static List<String> groupsOf(DelegateTask task, String userId) {
    if (userId.equals(CurrentUser.of(task.getProcessEngineServices()))
        && !CurrentUser.groupsOf(task.getProcessEngineServices()).isEmpty()) {
      return CurrentUser.groupsOf(task.getProcessEngineServices());
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    return SystemQueries.asSystem(identity, () -> identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList());
  }
}
