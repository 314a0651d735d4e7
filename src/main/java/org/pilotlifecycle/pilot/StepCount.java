package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;

/** How many pilots of a framework are in a phase or stage with a status. */
public record StepCount(Framework framework, String step, PilotStatus status, long pilots) {
}
