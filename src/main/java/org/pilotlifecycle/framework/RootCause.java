package org.pilotlifecycle.framework;

import org.pilotlifecycle.web.InvalidFieldsException;

/**
 * Why a pilot ends: the six root causes of AI scaling failure seed 001 names ("Six Root Causes of AI Scaling
 * Failure"), or {@link #OTHER} with a text. The one vocabulary of every decision that ends a pilot (the steering
 * committee's stop after an overdue step, after a no-go, after an adoption shortfall; later a retirement) and of
 * the portfolio's distribution of where pilots die.
 */
public enum RootCause {

  /** Pilots run as IT experiments without a P&amp;L-owning sponsor accountable for outcomes. */
  NO_HARD_BUSINESS_OWNER("No hard business owner"),
  /** A single task automated, the surrounding process never redesigned: adoption stays low. */
  WORKFLOW_MYOPIA("Workflow myopia"),
  /** Models cannot be fed production-grade data; integrations into core systems are under-engineered. */
  DATA_AND_INTEGRATION_DEBT("Data and integration debt"),
  /** No standardized process for deployment, monitoring and updates. */
  MISSING_MLOPS_PIPELINE("Missing MLOps pipeline"),
  /** No guardrails and compliance blocks rollout, or policies so rigid that experimentation is impossible. */
  GOVERNANCE_PARALYSIS("Governance paralysis"),
  /** People and organizational factors, not the technology. */
  CHANGE_MANAGEMENT_DEFICIT("Change management deficit"),
  /** None of the six: the text says what. */
  OTHER("Other");

  /** The longest text an OTHER root cause may carry. */
  public static final int MAX_TEXT_LENGTH = 500;

  private final String label;

  RootCause(String label) {
    this.label = label;
  }

  /** The framework's own term, e.g. "Workflow myopia". */
  public String label() {
    return label;
  }

  /** A root cause as a decision names it: the text only with {@link #OTHER}, where it is required. */
  public record Stated(RootCause cause, String text) {

    public Stated {
      if (cause == null) {
        throw new IllegalArgumentException("a root cause is required");
      }
      text = cause == OTHER ? text : null;
    }
  }

  /**
   * Reads the root cause of a decision that ends a pilot, as submitted by a form or the engine APIs: one of the
   * values (any case, stripped), and with {@link #OTHER} a text of at most {@value #MAX_TEXT_LENGTH} characters.
   * A text sent with one of the six is ignored (the form hides it).
   *
   * @throws InvalidFieldsException 400 naming the field: no or an unknown cause, OTHER without text, too long a text
   */
  public static Stated required(String causeField, Object cause, String textField, Object text) {
    if (cause == null || cause.toString().isBlank()) {
      throw InvalidFieldsException.of(causeField, "name the root cause: choose " + Decisions.choices(RootCause.class));
    }
    RootCause parsed = Decisions.parse(RootCause.class, causeField, cause);
    if (parsed != OTHER) {
      return new Stated(parsed, null);
    }
    String described = text == null ? "" : text.toString().strip();
    if (described.isEmpty()) {
      throw InvalidFieldsException.of(textField, "describe the root cause when you choose OTHER");
    }
    if (described.length() > MAX_TEXT_LENGTH) {
      throw InvalidFieldsException.of(textField, "at most " + MAX_TEXT_LENGTH + " characters");
    }
    return new Stated(OTHER, described);
  }
}
