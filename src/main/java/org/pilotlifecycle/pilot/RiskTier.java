package org.pilotlifecycle.pilot;

/** Impact class of a use case; HIGH requires human-in-the-loop review. */
public enum RiskTier {
  LOW, MEDIUM, HIGH
}
