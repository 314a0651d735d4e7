package org.pilotlifecycle.framework;

import java.util.List;

/** The Camunda groups of the domain's role table, plus the analysts who deploy from Camunda Modeler. */
public final class Roles {

  public static final String BUSINESS_OWNER = "business-owner";
  public static final String AI_PRODUCT_OWNER = "ai-product-owner";
  public static final String TECH_LEAD = "tech-lead";
  public static final String RISK_COMPLIANCE = "risk-compliance";
  public static final String CHANGE_MANAGER = "change-manager";
  public static final String STEERING_COMMITTEE = "steering-committee";
  public static final String PROCESS_ANALYST = "process-analyst";
  public static final String ADMIN = "camunda-admin";

  /** Every group that works in Tasklist, that is every group but the administrators. */
  public static final List<String> WORKING_GROUPS = List.of(
      BUSINESS_OWNER, AI_PRODUCT_OWNER, TECH_LEAD, RISK_COMPLIANCE, CHANGE_MANAGER, STEERING_COMMITTEE, PROCESS_ANALYST);

  private Roles() {
  }

  /** The display name of each group in Camunda Admin and Tasklist. */
  public static String displayName(String groupId) {
    return switch (groupId) {
      case BUSINESS_OWNER -> "Business owners";
      case AI_PRODUCT_OWNER -> "AI product owners";
      case TECH_LEAD -> "Tech leads";
      case RISK_COMPLIANCE -> "Risk & compliance";
      case CHANGE_MANAGER -> "Change managers";
      case STEERING_COMMITTEE -> "AI steering committee";
      case PROCESS_ANALYST -> "Process analysts";
      case ADMIN -> "Platform administrators";
      default -> throw new IllegalArgumentException("Unknown group " + groupId);
    };
  }
}
