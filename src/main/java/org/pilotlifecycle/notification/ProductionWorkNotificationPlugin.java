package org.pilotlifecycle.notification;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the people of each user task of {@code ProductionOperations} when it is created (a value checkpoint, a
 * re-certification, a signal review, a monthly review, a decommissioning), in every version an analyst deploys,
 * without a listener to remember in the diagram. The overdue re-certification has its own escalation mail.
 */
@Component
class ProductionWorkNotificationPlugin extends AbstractProcessEnginePlugin {

  /** The production operations' diagram ({@code bpmn/ProductionOperations.bpmn}). */
  static final String PROCESS_ID = "ProductionOperations";
  /** Its overdue re-certification decision, which has the escalation mail instead. */
  static final String OVERDUE_DECISION_TASK = "Task_DecideOnOverdueRecertification";

  private final ObjectProvider<Notifications> notifications;

  ProductionWorkNotificationPlugin(ObjectProvider<Notifications> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener listener = task -> notifications.getObject().productionWorkWaiting(task);
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && PROCESS_ID.equals(definition.getKey()) && !OVERDUE_DECISION_TASK.equals(activity.getId())
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior user) {
          user.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    });
  }
}
