package org.pilotlifecycle.framework;

/** What the steering committee decides after a no-go at stage 1's gap assessment. */
public enum NoGoDecision {
  REMEDIATE, STOP
}
