package org.pilotlifecycle.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pilotlifecycle.framework.Step;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created at start-up when missing. With authorizations on, users may
 * not create filters themselves, so without these Tasklist would show no task list at all. Every
 * working group may read them; what a filter lists still follows each user's task permissions.
 */
@Component
public class TasklistFilterBootstrap extends AbstractProcessEnginePlugin {

  public static final String MY_SIGN_OFFS = "My sign-offs";
  public static final String OVERDUE = "Overdue";
  public static final String ALL_OPEN_GATES = "All open gates";
  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUPS_TASKS = "Tasks for my groups";

  private static final String[] GATE_TASKS = Step.gateTaskIds().toArray(String[]::new);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    ensure(filters, MY_SIGN_OFFS, -20, "#b5152b",
        "Gate sign-offs waiting for one of your groups: check the evidence, then approve or reject with a reason",
        engine.getTaskService().createTaskQuery()
            .taskDefinitionKeyIn(GATE_TASKS)
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(filters, OVERDUE, -15, "#e67e22",
        "Tasks of your groups past their phase or stage due date",
        engine.getTaskService().createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
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

  private static void ensure(FilterService filters, String name, int priority, String color, String description,
      TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
  }
}
