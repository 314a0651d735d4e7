package org.pilotlifecycle.pilot;

import org.pilotlifecycle.web.FieldProblem;

import java.util.List;
import java.util.stream.Collectors;

/** The registration has bad fields; nothing was recorded. */
public class InvalidPilotException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidPilotException(List<FieldProblem> problems) {
    super("Invalid pilot registration: " + problems.stream()
        .map(p -> p.field() + " " + p.message())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }
}
