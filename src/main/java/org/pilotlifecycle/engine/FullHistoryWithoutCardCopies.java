package org.pilotlifecycle.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history level {@code full} (same id, 3, and name, so a database created at {@code full} keeps
 * working and {@code camunda.bpm.history-level: full} selects it) without the history of the task-local copies
 * {@link TaskCardVariables} makes for Tasklist's cards. Those copies repeat process variables whose history is
 * kept; recording them again cost every step five historic variable rows and five detail rows, a tenth of
 * what a step writes (docs/benchmark.md). Everything else is recorded as at {@code full}.
 */
final class FullHistoryWithoutCardCopies extends AbstractHistoryLevel {

  @Override
  public int getId() {
    return 3;
  }

  @Override
  public String getName() {
    return ProcessEngineConfiguration.HISTORY_FULL;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstanceEntity variable) {
      return !isCardCopy(variable.getTaskId(), variable.getName());
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return !isCardCopy(update.getTaskId(), update.getVariableName());
    }
    return true;
  }

  private static boolean isCardCopy(String taskId, String name) {
    return taskId != null && TaskCardVariables.LABELS.containsKey(name);
  }
}
