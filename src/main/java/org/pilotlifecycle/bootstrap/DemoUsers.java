package org.pilotlifecycle.bootstrap;

import org.pilotlifecycle.framework.Roles;

import java.util.List;

/** The demo users of the default profile, at least two per role, all with password "demo". */
final class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("olivia", "Olivia", "Owner", Roles.BUSINESS_OWNER),
      // A second business owner: an executive owner of other pilots, who must not see Olivia's.
      new DemoUser("oscar", "Oscar", "Owner", Roles.BUSINESS_OWNER),
      // A line manager on the business side: named on pilots as the KPI's day-to-day owner.
      new DemoUser("lena", "Lena", "Line", Roles.BUSINESS_OWNER),
      new DemoUser("paul", "Paul", "Product", Roles.AI_PRODUCT_OWNER),
      new DemoUser("priya", "Priya", "Product", Roles.AI_PRODUCT_OWNER),
      new DemoUser("tara", "Tara", "Tech", Roles.TECH_LEAD),
      // A second tech lead: phases 2 and 3 are prepared and approved by tech leads, never the same one.
      new DemoUser("theo", "Theo", "Tech", Roles.TECH_LEAD),
      new DemoUser("rita", "Rita", "Risk", Roles.RISK_COMPLIANCE),
      new DemoUser("raj", "Raj", "Risk", Roles.RISK_COMPLIANCE),
      new DemoUser("chris", "Chris", "Change", Roles.CHANGE_MANAGER),
      new DemoUser("carmen", "Carmen", "Change", Roles.CHANGE_MANAGER),
      new DemoUser("sam", "Sam", "Steering", Roles.STEERING_COMMITTEE),
      new DemoUser("sofia", "Sofia", "Steering", Roles.STEERING_COMMITTEE),
      new DemoUser("ana", "Ana", "Analyst", Roles.PROCESS_ANALYST),
      new DemoUser("arne", "Arne", "Analyst", Roles.PROCESS_ANALYST));

  private DemoUsers() {
  }
}
