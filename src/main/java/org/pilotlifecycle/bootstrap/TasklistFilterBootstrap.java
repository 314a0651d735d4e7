package org.pilotlifecycle.bootstrap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.engine.TaskCardVariables;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created at start-up when missing. With authorizations on, users may
 * not create filters themselves, so without these Tasklist would show no task list at all. Every
 * working group may read them; what a filter lists still follows each user's task permissions.
 */
@Component
public class TasklistFilterBootstrap extends AbstractProcessEnginePlugin {

  public static final String MY_WORK = "My work";
  public static final String MY_SIGN_OFFS = "My sign-offs";
  public static final String OVERDUE = "Overdue";
  public static final String ALL_OPEN_GATES = "All open gates";
  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUPS_TASKS = "Tasks for my groups";

  private static final String[] GATE_TASKS = Step.gateTaskIds().toArray(String[]::new);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    ensure(filters, MY_WORK, -30, "#0f766e",
        "Your work: tasks waiting for you or one of your groups, claimed or not, oldest due first",
        // Candidate user with assigned tasks included, not "assignee or candidate user": an assignee is always
        // one of the task's holders (TaskEntitlement), so the result is the same but for tasks a colleague or
        // deputy has claimed, and PostgreSQL can start from the person's identity links (an index) instead of
        // scanning every open task: at 100k open tasks 21 ms instead of 145 ms (docs/benchmark.md).
        engine.getTaskService().createTaskQuery()
            .taskCandidateUserExpression("${currentUser()}")
            .includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(filters, MY_SIGN_OFFS, -20, "#b5152b",
        "Gate sign-offs waiting for you or one of your groups: check the evidence, then approve or reject with a reason",
        engine.getTaskService().createTaskQuery()
            .taskDefinitionKeyIn(GATE_TASKS)
            .taskCandidateUserExpression("${currentUser()}")
            .includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(filters, OVERDUE, -15, "#e67e22",
        "Your tasks and your groups' tasks past their phase or stage due date",
        engine.getTaskService().createTaskQuery()
            .taskCandidateUserExpression("${currentUser()}")
            .includeAssignedTasks()
            .dueBeforeExpression("${now()}")
            .orderByDueDate().asc());
    ensure(filters, ALL_OPEN_GATES, 0, "#6c757d",
        "Every open gate sign-off you may see, whoever it waits for",
        engine.getTaskService().createTaskQuery()
            .taskDefinitionKeyIn(GATE_TASKS)
            .orderByDueDate().asc());
    ensure(filters, MY_GROUPS_TASKS, -10, "#3b82f6",
        "Open tasks waiting for one of your groups, claimed or not",
        engine.getTaskService().createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(filters, MY_TASKS, -5, "#10b981", "Tasks you have claimed",
        engine.getTaskService().createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc());
  }

  /** What every task card shows: which pilot, its business unit, its phase or stage and when that is due. */
  static final List<Map<String, String>> CARD_VARIABLES = TaskCardVariables.LABELS.entrySet().stream()
      .map(variable -> Map.of("name", variable.getKey(), "label", variable.getValue())).toList();

  /**
   * Creates the filter, or brings an existing one up to date (its query and properties), so that an upgrade
   * gets the current definitions too. Runs under the cluster's start-up lock.
   */
  private static void ensure(FilterService filters, String name, int priority, String color, String description,
      TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", CARD_VARIABLES);
    properties.put("showUndefinedVariable", false);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    Filter filter = existing != null ? existing : filters.newTaskFilter(name);
    filters.saveFilter(filter.setQuery(query).setProperties(properties));
  }

}
