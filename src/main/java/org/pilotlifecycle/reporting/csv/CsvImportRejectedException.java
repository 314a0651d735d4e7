package org.pilotlifecycle.reporting.csv;

import java.util.List;
import java.util.Map;

import org.pilotlifecycle.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The CSV import was refused as a whole (400): every bad row in {@code errors} as row, column and problem. */
public class CsvImportRejectedException extends ProblemException {

  private final transient List<CsvProblem> problems;

  public CsvImportRejectedException(List<CsvProblem> problems) {
    super(HttpStatus.BAD_REQUEST, "Import rejected", "The file has " + problems.size() + " problem(s); nothing was imported", null);
    this.problems = List.copyOf(problems);
    getBody().setProperty("errors", this.problems.stream()
        .map(p -> Map.of("row", p.row(), "column", p.column(), "problem", p.problem()))
        .toList());
  }

  public List<CsvProblem> getProblems() {
    return problems;
  }
}
