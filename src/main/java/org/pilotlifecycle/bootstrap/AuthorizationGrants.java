package org.pilotlifecycle.bootstrap;

import org.pilotlifecycle.framework.Roles;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each group may do, and nothing more. Tasks need no grant here: the engine gives a candidate
 * group read and update on each task it is a candidate for, so a role sees only its own tasks.
 */
final class AuthorizationGrants {

  static final String ANY = "*";
  static final String PILOT_INTAKE = "PilotIntake";
  static final String CHANGE_PILOT_PEOPLE = "ChangePilotPeople";

  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  static List<Grant> all() {
    List<Grant> grants = new ArrayList<>();
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Roles.ADMIN, resource, ANY, ALL));
    }
    for (String group : Roles.WORKING_GROUPS) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", ACCESS));
      // Tasklist's filters are shared; each user reads them, results still follow task permissions.
      grants.add(new Grant(group, Resources.FILTER, ANY, READ));
      // Tasklist shows the process name of each task and renders its deployed form.
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, READ));
    }
    // The AI product owner registers pilots: from Tasklist's "Start process" or POST /api/pilots.
    grants.add(new Grant(Roles.AI_PRODUCT_OWNER, Resources.PROCESS_DEFINITION, PILOT_INTAKE, READ, CREATE_INSTANCE));
    grants.add(new Grant(Roles.AI_PRODUCT_OWNER, Resources.PROCESS_INSTANCE, ANY, CREATE));
    // Executive owners change their pilots' people from Tasklist's "Start process" (the delegate checks whose).
    grants.add(new Grant(Roles.BUSINESS_OWNER, Resources.PROCESS_DEFINITION, CHANGE_PILOT_PEOPLE, READ, CREATE_INSTANCE));
    grants.add(new Grant(Roles.BUSINESS_OWNER, Resources.PROCESS_INSTANCE, ANY, CREATE));
    // Analysts deploy diagrams and decisions from Camunda Modeler and look at them in Cockpit.
    grants.add(new Grant(Roles.PROCESS_ANALYST, Resources.APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(Roles.PROCESS_ANALYST, Resources.DEPLOYMENT, ANY, CREATE, READ));
    grants.add(new Grant(Roles.PROCESS_ANALYST, Resources.DECISION_DEFINITION, ANY, READ));
    grants.add(new Grant(Roles.PROCESS_ANALYST, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
    return grants;
  }

  private AuthorizationGrants() {
  }
}
