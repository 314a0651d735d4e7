/** The delegates of the five-phase diagram: read variables, run one readiness check, record its outcome. */
package org.pilotlifecycle.fivephase.process;
