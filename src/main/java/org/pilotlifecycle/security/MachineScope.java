package org.pilotlifecycle.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a machine token may do. Each scope becomes exactly one authority, {@code SCOPE_<value>}, and reaches exactly
 * the endpoints listed here (the rules are in {@link SecurityConfiguration}); nothing else of the API, no engine
 * API, no webapp, and never a Camunda identity.
 */
public enum MachineScope {

  /** A monitoring tool posts signals for pilots: {@code POST /api/pilots/{key}/signals}. */
  SIGNALS_SEND("signals.send"),
  /** An export job reads the portfolio: {@code GET /api/portfolio}, {@code /api/portfolio/**}, {@code /api/export/pilots.csv}. */
  PORTFOLIO_READ("portfolio.read");

  private final String value;

  MachineScope(String value) {
    this.value = value;
  }

  /** The scope as tokens carry it, e.g. {@code signals.send}. */
  public String value() {
    return value;
  }

  /** The Spring Security authority the scope grants, e.g. {@code SCOPE_signals.send}. */
  public String authority() {
    return "SCOPE_" + value;
  }

  public static Optional<MachineScope> ofValue(String value) {
    return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
  }
}
