package org.pilotlifecycle.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.pilotlifecycle.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The engine boundary for the application's own exceptions: every call the engine makes into the
 * application (delegates, listeners, expressions) passes Camunda's delegate interceptor, and there a
 * refusal with a client status ({@link ProblemException}, 4xx) becomes the engine's form validation error.
 * That is what Tasklist and both engine APIs answer with 400 and the message, leaving the task open and
 * the transaction rolled back. The original exception is the cause (and, for a refusal of several fields or
 * a conflict, the detail), so the application's API can answer it with its own status.
 *
 * <p>Domain code therefore throws its own exceptions and never Camunda's internal
 * {@code FormFieldValidationException}.
 */
@Component
public class DomainExceptionTranslator extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DelegateInterceptor inner = configuration.getDelegateInterceptor() != null
        ? configuration.getDelegateInterceptor() : new DefaultDelegateInterceptor();
    configuration.setDelegateInterceptor(new Translating(inner));
  }

  /** The engine's form validation error for a client-side refusal; null when the failure is not one. */
  public static FormFieldValidationException translate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException already) {
        return already;
      }
      if (cause instanceof ProblemException problem && problem.getStatusCode().is4xxClientError()) {
        Object detail = problem instanceof InvalidFieldsException invalid && invalid.getProblems().size() == 1
            && problem.getClass() == InvalidFieldsException.class ? invalid.getField() : problem;
        return new FormFieldValidationException(detail, problem.getMessage(), problem);
      }
    }
    return null;
  }

  /**
   * The client status of a refusal behind an engine failure: the status of the application's own exception
   * (4xx), 400 for the engine's form validation error; 0 when the failure is not a refusal.
   */
  public static int refusalStatus(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem && problem.getStatusCode().is4xxClientError()) {
        return problem.getStatusCode().value();
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException) {
        return 400;
      }
    }
    return 0;
  }

  /** The message of the refusal behind an engine failure (the rule's own sentence). */
  public static String refusalMessage(Throwable failure) {
    ProblemException problem = problemBehind(failure);
    if (problem != null) {
      return problem.getMessage();
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException) {
        return cause.getMessage();
      }
    }
    return failure.getMessage();
  }

  /** The application's own exception behind an engine failure, when it is one. */
  public static ProblemException problemBehind(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return problem;
      }
    }
    return null;
  }

  static final class Translating implements DelegateInterceptor {

    private final DelegateInterceptor inner;

    Translating(DelegateInterceptor inner) {
      this.inner = inner;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
      try {
        inner.handleInvocation(invocation);
      } catch (RuntimeException failure) {
        FormFieldValidationException refusal = translate(failure);
        throw refusal != null ? refusal : failure;
      }
    }
  }
}
