package org.pilotlifecycle.lifecycle;

/** A phase of the five-phase or a stage of the four-stage framework: what the shared glue needs of it. */
public interface LifecycleStep {

  /** The step's name, e.g. DATA_READINESS: its key in configuration, the audit trail and the API. */
  String name();

  /** e.g. "Data readiness" */
  String label();

  /** "Phase" or "Stage" */
  String kind();

  /** 1-based position in its framework */
  int number();

  /** The id of the step's non-interrupting overdue timer in its diagram. */
  String overdueTimerId();

  /** e.g. "Phase 2: Data readiness" */
  default String title() {
    return kind() + " " + number() + ": " + label();
  }
}
