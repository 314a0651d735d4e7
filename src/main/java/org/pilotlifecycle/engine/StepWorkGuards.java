package org.pilotlifecycle.engine;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * Every user task inside a step's sub-process (a deliverable, a rework, a gate, a decision within the step) asks
 * the {@link StepWorkGuard}s before it completes, in every framework diagram and in every version an analyst
 * deploys, without a listener to remember in each diagram. The steering committee's tasks outside the steps
 * (overdue decisions, resuming a paused pilot) are not asked.
 */
@Component
class StepWorkGuards extends AbstractProcessEnginePlugin {

  private static final Map<String, Step> BY_SUB_PROCESS = java.util.Arrays.stream(Step.values())
      .collect(Collectors.toUnmodifiableMap(Step::subProcessId, Function.identity()));

  private final ObjectProvider<StepWorkGuard> guards;

  StepWorkGuards(ObjectProvider<StepWorkGuard> guards) {
    this.guards = guards;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        Step step = enclosingStep(scope);
        if (step != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
          // An execution listener on the task's end, not a task listener: the engine wraps whatever a task
          // listener throws (ENGINE-03051, a 500), and passes an execution listener's refusal on as it is.
          ExecutionListener listener = execution -> {
            if (execution.isCanceled()) {
              return; // the step ends otherwise (stopped, interrupted): nothing is completed
            }
            try {
              guards.orderedStream().forEach(guard -> guard.beforeCompletion(execution, step));
            } catch (RuntimeException refused) {
              RuntimeException translated = DomainExceptionTranslator.translate(refused);
              throw translated != null ? translated : refused;
            }
          };
          activity.addListener(ExecutionListener.EVENTNAME_END, listener);
        }
      }
    });
  }

  private static Step enclosingStep(ScopeImpl scope) {
    for (ScopeImpl current = scope; current instanceof ActivityImpl activity; current = activity.getFlowScope()) {
      Step step = BY_SUB_PROCESS.get(activity.getId());
      if (step != null) {
        return step;
      }
    }
    return null;
  }
}
