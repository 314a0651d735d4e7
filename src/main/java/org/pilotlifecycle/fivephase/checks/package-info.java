/** The five-phase readiness checks as pure rules: an input record in, a {@code CheckResult} out. */
package org.pilotlifecycle.fivephase.checks;
