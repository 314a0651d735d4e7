package org.pilotlifecycle.notification;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pilotlifecycle.framework.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells a gate's people (see {@link TaskPeople}) when its sign-off task is created, in every framework diagram and
 * in every version an analyst deploys, without a listener to remember in each diagram.
 */
@Component
class GateNotificationPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> GATES = Set.copyOf(Step.gateTaskIds());

  private final ObjectProvider<Notifications> notifications;

  GateNotificationPlugin(ObjectProvider<Notifications> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    TaskListener listener = task -> notifications.getObject().gateWaiting(task);
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (GATES.contains(activity.getId()) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior user) {
          user.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    });
  }
}
