package org.pilotlifecycle.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.AuthorizationException;
import org.pilotlifecycle.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the application's API as RFC 7807 problem details: bad fields are named in an
 * {@code errors} list; nothing internal (stack traces, SQL) leaves the server. A feature's own failures
 * carry their status and body ({@link ProblemException}, answered by Spring's handling of
 * {@code ErrorResponseException}); this class adds only what is not a feature's: request shapes,
 * the engine's refusals and the unexpected.
 */
@RestControllerAdvice(basePackages = "org.pilotlifecycle")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this request.");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
        ? "must be one of " + enumValues(e.getRequiredType())
        : "has the wrong type";
    return Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "Parameter " + e.getName() + " " + expected),
        List.of(new FieldProblem(e.getName(), expected)));
  }

  /** A file above the multipart limit (evidence files: pilot.evidence.max-size). */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
        e.getMaxUploadSize() > 0 ? "The file is larger than the " + e.getMaxUploadSize() + " bytes a file may have here."
            : "The file is larger than a file may be here.");
    return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
  }

  /** A body that is not the multipart form an upload expects. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
    return Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
        "Send the file as multipart/form-data with a part named 'file'."),
        List.of(new FieldProblem("file", "a multipart/form-data part is required")));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected failure of an API request", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The request failed on the server; nothing was changed. The log has the details.");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "Unknown field " + field),
          List.of(new FieldProblem(field, "is not a known field")));
    } else if (e.getCause() instanceof InvalidFormatException format) {
      String field = path(format);
      String message = format.getTargetType() != null && format.getTargetType().isEnum()
          ? "must be one of " + enumValues(format.getTargetType())
          : "must be a " + (format.getTargetType() == null ? "valid value" : format.getTargetType().getSimpleName());
      problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message),
          List.of(new FieldProblem(field, message)));
    } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", field + " has the wrong type"),
          List.of(new FieldProblem(field, "has the wrong type")));
    } else if (String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
      problem = Problems.of(HttpStatus.BAD_REQUEST, "Missing request body", "The request needs a body.");
    } else {
      problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body",
          "The body is not valid JSON of the expected shape.");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
        "The request has " + errors.size() + " invalid parameter(s)."), errors));
  }

  /** A body that fails its bean validation ({@code @Validated} records): each field and what is wrong with it. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(org.springframework.web.bind.MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList();
    String detail = errors.stream().map(error -> error.field() + " " + error.message())
        .reduce((first, next) -> first + "; " + next).orElse("The request body is invalid.");
    return ResponseEntity.badRequest().body(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "Invalid input",
        detail), errors));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String enumValues(Class<?> type) {
    return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
  }
}
