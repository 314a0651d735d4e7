package org.pilotlifecycle.reporting.csv;

import java.util.List;

/** The file has bad rows: nothing was imported. */
public class CsvImportRejectedException extends RuntimeException {

  private final transient List<CsvProblem> problems;

  public CsvImportRejectedException(List<CsvProblem> problems) {
    super("The file has " + problems.size() + " problem(s); nothing was imported");
    this.problems = List.copyOf(problems);
  }

  public List<CsvProblem> getProblems() {
    return problems;
  }
}
