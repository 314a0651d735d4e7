package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to register a pilot: from {@code POST /api/pilots} or from Tasklist's start form.
 * Validated on the server in both cases. {@code stepDurations} optionally sets this pilot's own allowed
 * duration per phase or stage, as ISO-8601 periods ({@code {"DATA_READINESS": "P10W"}}).
 */
public record PilotRegistration(
    @NotBlank @Pattern(regexp = KEY_PATTERN, message = "must be 3 to 32 upper-case letters, digits or dashes, starting with a letter")
    String key,
    @NotBlank @Size(max = 200) @Pattern(regexp = TEXT_PATTERN, message = TEXT_MESSAGE) String name,
    @NotBlank @Size(max = 100) @Pattern(regexp = TEXT_PATTERN, message = TEXT_MESSAGE) String businessUnit,
    @NotBlank @Size(max = 4000) @Pattern(regexp = TEXT_PATTERN, message = TEXT_MESSAGE) String useCaseDescription,
    @NotNull Framework framework,
    @NotBlank @Size(max = 64) @Pattern(regexp = USER_ID_PATTERN, message = USER_ID_MESSAGE) String executiveOwner,
    @NotBlank @Size(max = 64) @Pattern(regexp = USER_ID_PATTERN, message = USER_ID_MESSAGE) String aiProductOwner,
    @Size(max = 64) @Pattern(regexp = USER_ID_PATTERN, message = USER_ID_MESSAGE) String techLead,
    @Size(max = 64) @Pattern(regexp = USER_ID_PATTERN, message = USER_ID_MESSAGE) String riskComplianceOwner,
    @Size(max = 64) @Pattern(regexp = USER_ID_PATTERN, message = USER_ID_MESSAGE) String changeManager,
    @Size(max = 64) @Pattern(regexp = USER_ID_PATTERN, message = USER_ID_MESSAGE) String lineManager,
    @NotNull Boolean affectsIndividuals,
    @NotNull Boolean regulatedDomain,
    @NotNull Boolean processesPersonalData,
    @NotNull Autonomy autonomy,
    @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal pilotCost,
    @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal projectedProductionCost,
    @Size(max = 9) Map<String, String> stepDurations) {

  /** The person the registration names for the role, or null/blank for nobody. */
  public String namedPerson(org.pilotlifecycle.framework.PilotRole role) {
    return switch (role) {
      case EXECUTIVE_OWNER -> executiveOwner;
      case AI_PRODUCT_OWNER -> aiProductOwner;
      case TECH_LEAD -> techLead;
      case RISK_COMPLIANCE_OWNER -> riskComplianceOwner;
      case CHANGE_MANAGER -> changeManager;
      case LINE_MANAGER -> lineManager;
    };
  }

  public static final String KEY_PATTERN = "^[A-Z][A-Z0-9-]{2,31}$";
  static final String USER_ID_PATTERN = "^[A-Za-z0-9._@-]*$";
  /**
   * Text without control characters (tab and line breaks aside) and without UTF-16 surrogates that lack
   * their pair: PostgreSQL refuses NUL in text, and a broken surrogate cannot be stored as UTF-8.
   */
  public static final String TEXT_PATTERN = "^[\\t\\n\\r[^\\p{Cc}\\p{Cs}]]*$";
  public static final String TEXT_MESSAGE = "must not contain control characters or broken Unicode";
  static final String USER_ID_MESSAGE = "must be a user id: letters, digits, '.', '_', '@' or '-'";
}
