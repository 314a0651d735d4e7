package org.pilotlifecycle.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure of a feature that knows its own HTTP answer: the status and the RFC 7807 body travel with the
 * exception (Spring's {@link ErrorResponseException}), so the API's handler needs no table of feature
 * exceptions. The message is the problem's detail, the sentence people read (also in Tasklist, when the
 * failure happens inside the engine).
 */
public abstract class ProblemException extends ErrorResponseException {

  protected ProblemException(HttpStatusCode status, String title, String detail, Throwable cause) {
    super(status, Problems.of(status, title, detail), cause);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
