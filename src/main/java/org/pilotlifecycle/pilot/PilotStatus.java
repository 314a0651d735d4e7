package org.pilotlifecycle.pilot;

public enum PilotStatus {
  ACTIVE, ON_HOLD, IN_PRODUCTION, STOPPED
}
