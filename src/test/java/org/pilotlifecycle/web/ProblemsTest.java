package org.pilotlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

  @Test
  void aKnownStatusIsTitledWithItsReasonPhrase() {
    assertThat(Problems.title(404)).isEqualTo("Not Found");
    assertThat(Problems.title(409)).isEqualTo("Conflict");
    assertThat(Problems.title(500)).isEqualTo("Internal Server Error");
  }

  @Test
  void anUnknownStatusIsAClientOrServerError() {
    assertThat(Problems.title(999)).isEqualTo("Server Error");
    assertThat(Problems.title(599)).isEqualTo("Server Error");
    assertThat(Problems.title(499)).isEqualTo("Client Error");
  }

  @Test
  void aProblemWithoutOwnTitleGetsTheStandardOne() {
    ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, null, "No pilot X");
    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(problem.getTitle()).isEqualTo("Not Found");
    assertThat(problem.getDetail()).isEqualTo("No pilot X");
    assertThat(Problems.of(HttpStatusCode.valueOf(599), null, "d").getTitle()).isEqualTo("Server Error");
  }

  @Test
  void aFeatureMayNameItsOwnTitle() {
    assertThat(Problems.of(HttpStatus.CONFLICT, "Not allowed", "d").getTitle()).isEqualTo("Not allowed");
  }

  @Test
  void badFieldsGoToAnErrorsListOfFieldAndMessage() {
    ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, null, "d"),
        List.of(new FieldProblem("a", "is required"), new FieldProblem("b", "too long")));
    assertThat(problem.getProperties()).containsEntry("errors", List.of(
        Map.of("field", "a", "message", "is required"), Map.of("field", "b", "message", "too long")));
  }

  @Test
  void invalidFieldsAreA400WithEveryFieldInTheErrorsOfTheBody() {
    InvalidFieldsException e = new InvalidFieldsException("Invalid input", "two bad",
        List.of(new FieldProblem("x", "bad"), new FieldProblem("y", "worse")));
    assertThat(e.getStatusCode().value()).isEqualTo(400);
    assertThat(e.getMessage()).isEqualTo("two bad");
    assertThat(e.getBody().getTitle()).isEqualTo("Invalid input");
    assertThat(e.getBody().getProperties()).containsEntry("errors", List.of(
        Map.of("field", "x", "message", "bad"), Map.of("field", "y", "message", "worse")));
    assertThat(e.getField()).isEqualTo("x");
    assertThat(e.getProblems()).extracting(FieldProblem::field).containsExactly("x", "y");
  }

  @Test
  void oneBadFieldsMessageNamesTheField() {
    InvalidFieldsException e = InvalidFieldsException.of("reason", "a reason is required");
    assertThat(e.getMessage()).isEqualTo("reason: a reason is required");
    assertThat(e.getBody().getProperties()).containsEntry("errors",
        List.of(Map.of("field", "reason", "message", "a reason is required")));
  }

  @Test
  void aRefusalIsAWholeSentenceThatDoesNotRepeatTheField() {
    InvalidFieldsException e = InvalidFieldsException.refused("approver", "You cannot approve your own work.");
    assertThat(e.getMessage()).isEqualTo("You cannot approve your own work.");
    assertThat(e.getField()).isEqualTo("approver");
  }

  @Test
  void noProblemsMeansNoField() {
    assertThat(new InvalidFieldsException("t", "d", List.of()).getField()).isNull();
  }

  @Test
  void joinedListsFieldAndMessage() {
    assertThat(InvalidFieldsException.joined(List.of(new FieldProblem("a", "is bad"), new FieldProblem("b", "too"))))
        .isEqualTo("a is bad; b too");
  }
}
