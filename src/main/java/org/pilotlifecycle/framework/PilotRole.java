package org.pilotlifecycle.framework;

import java.util.Arrays;
import java.util.Optional;

/**
 * The named people of a pilot, one per role, as a registration records them (docs/domain.md, "Roles" and
 * "Named people"). A user task of a role goes to the pilot's named person for it; the role's Camunda group
 * stands in only when the pilot names nobody.
 *
 * <p>The seeds: "a defined owner, a line manager"; "a named executive owner is accountable throughout";
 * "the CFO or business-unit owner has signed off". The steering committee is a body, never a named person,
 * so it is not a role here: its tasks go to its group.
 */
public enum PilotRole {

  /** Signs off the success metric (phase 1) and the adoption (stage 3); reviews the monthly dashboard. */
  EXECUTIVE_OWNER("executiveOwner", "Executive owner", Roles.BUSINESS_OWNER, true),
  AI_PRODUCT_OWNER("aiProductOwner", "AI product owner", Roles.AI_PRODUCT_OWNER, true),
  TECH_LEAD("techLead", "Tech lead", Roles.TECH_LEAD, false),
  RISK_COMPLIANCE_OWNER("riskComplianceOwner", "Risk & compliance owner", Roles.RISK_COMPLIANCE, false),
  CHANGE_MANAGER("changeManager", "Change manager", Roles.CHANGE_MANAGER, false),
  /** Owns the KPI day to day; no task of its own, but sees the pilot. Any user may be named. */
  LINE_MANAGER("lineManager", "Line manager", null, false);

  private final String field;
  private final String label;
  private final String groupId;
  private final boolean required;

  PilotRole(String field, String label, String groupId, boolean required) {
    this.field = field;
    this.label = label;
    this.groupId = groupId;
    this.required = required;
  }

  /**
   * The role of this name ({@code TECH_LEAD}) or registration field ({@code techLead}).
   *
   * @throws IllegalArgumentException naming the known roles
   */
  public static PilotRole named(String name) {
    return Arrays.stream(values()).filter(role -> role.name().equals(name) || role.field.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown role " + name + "; known: "
            + Arrays.toString(values())));
  }

  /** The role whose group this is (none for the steering committee, the analysts, the administrators). */
  public static Optional<PilotRole> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(role -> role.groupId != null && role.groupId.equals(groupId)).findFirst();
  }

  /** The registration's and the API's field, e.g. {@code techLead}. */
  public String field() { return field; }

  /** e.g. "Tech lead" */
  public String label() { return label; }

  /** The Camunda group whose members may hold the role and stand in when nobody is named; none for the line manager. */
  public Optional<String> groupId() { return Optional.ofNullable(groupId); }

  /** Whether every pilot must name someone (the executive owner and the AI product owner). */
  public boolean required() { return required; }
}
