package org.pilotlifecycle.framework;

/** What the steering committee decides on a phase or stage that ran over its due date. */
public enum OverdueDecision {
  /** A new due date for the step; the work goes on. */
  EXTEND,
  /** The pilot goes on hold: no reminders until it is resumed (or stopped). */
  PAUSE,
  /** The pilot is stopped. */
  STOP
}
