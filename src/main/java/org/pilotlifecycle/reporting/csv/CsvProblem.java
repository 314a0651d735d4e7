package org.pilotlifecycle.reporting.csv;

/** One problem of an imported file: the spreadsheet row (the header is row 1), the column, what is wrong. */
public record CsvProblem(int row, String column, String problem) {
}
