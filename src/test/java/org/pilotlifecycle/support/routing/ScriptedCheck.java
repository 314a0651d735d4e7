package org.pilotlifecycle.support.routing;

import java.util.ArrayDeque;
import java.util.Deque;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for a readiness check delegate: sets the check's flag, which the diagram's gateway reads. Passes
 * unless the test scripted failures ({@link #failNext}).
 */
public class ScriptedCheck implements JavaDelegate {

  private final String flag;
  private final Deque<Boolean> outcomes = new ArrayDeque<>();
  private int runs;

  public ScriptedCheck(String flag) {
    this.flag = flag;
  }

  /** The next {@code times} runs fail; later ones pass. */
  public ScriptedCheck failNext(int times) {
    for (int i = 0; i < times; i++) {
      outcomes.add(false);
    }
    return this;
  }

  public String flag() {
    return flag;
  }

  public int runs() {
    return runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runs++;
    execution.setVariable(flag, outcomes.isEmpty() ? Boolean.TRUE : outcomes.poll());
  }
}
