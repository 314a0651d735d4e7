package org.pilotlifecycle.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * Input that breaks a rule: 400 with every bad field named in the problem's {@code errors} list
 * ({@code [{"field": ..., "message": ...}]}). Thrown by domain rules whether the input came from the API or
 * from a form inside the engine; at the engine boundary it becomes the engine's form validation error
 * (see {@code engine.DomainExceptionTranslator}), so Tasklist shows the message and the task stays open.
 */
public class InvalidFieldsException extends ProblemException {

  private final transient List<FieldProblem> problems;

  public InvalidFieldsException(String title, String detail, List<FieldProblem> problems) {
    super(HttpStatus.BAD_REQUEST, title, detail, null);
    this.problems = List.copyOf(problems);
    Problems.withErrors(getBody(), this.problems);
  }

  /** One bad field; the message names it: "{field}: {message}". */
  public static InvalidFieldsException of(String field, String message) {
    return new InvalidFieldsException("Invalid input", field + ": " + message, List.of(new FieldProblem(field, message)));
  }

  /** One bad field, with a message that is a whole sentence of its own (it does not repeat the field's name). */
  public static InvalidFieldsException refused(String field, String sentence) {
    return new InvalidFieldsException("Invalid input", sentence, List.of(new FieldProblem(field, sentence)));
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }

  /** The first bad field, the one a form shows its message at. */
  public String getField() {
    return problems.isEmpty() ? null : problems.get(0).field();
  }

  protected static String joined(List<FieldProblem> problems) {
    return problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
  }
}
