package org.pilotlifecycle.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What a Tasklist card shows (the filters' {@code variables}: the pilot's name and key, its business unit,
 * its phase or stage and when that is due) is copied onto each user task as task-local variables when the task
 * is created. A task's holders may read its own variables (the engine's READ on the task), but not the whole
 * process instance's, which would show them every variable of pilots they have no task in.
 */
@Component
public class TaskCardVariables extends AbstractProcessEnginePlugin {

  /**
   * The process variables every Tasklist card shows, with their labels, in the order of the cards' lines: every
   * process of the application carries them (the intake sets the first three; each phase or stage sets the others).
   */
  public static final Map<String, String> LABELS = labels();

  /**
   * The variables that say which pilot and which step a task is of: the card's, and the step's name. Who holds
   * the task, who prepared the step and where its audit entries go follow them, so a task's form never sets
   * them, whatever a deployed form has (FormSubmissionGuard).
   */
  public static final java.util.Set<String> PILOT_AND_STEP = pilotAndStep();

  private static java.util.Set<String> pilotAndStep() {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(LABELS.keySet());
    names.add("currentStep");
    return java.util.Collections.unmodifiableSet(names);
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    // Tasklist shows the first two on the card and the others under its "Show more" arrow.
    labels.put("pilotName", "Pilot");
    labels.put("pilotKey", "Key");
    labels.put("businessUnit", "Business unit");
    labels.put("currentStepLabel", "Phase or stage");
    labels.put("stepDueDate", "Due");
    return java.util.Collections.unmodifiableMap(labels);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // At history level "full", the copies are left out of the history (FullHistoryWithoutCardCopies): the
    // engine picks the last level of a name, and custom levels come after its own.
    java.util.List<org.camunda.bpm.engine.impl.history.HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new FullHistoryWithoutCardCopies());
    configuration.setCustomHistoryLevels(levels);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener onCreate = TaskCardVariables::copy;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior user) {
          user.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        }
      }
    });
  }

  static void copy(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    for (String name : LABELS.keySet()) {
      Object value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
