package org.pilotlifecycle.framework;

/** What the steering committee decides when stage 3's adoption programme ends below target. */
public enum ShortfallDecision {
  EXTEND, STOP
}
