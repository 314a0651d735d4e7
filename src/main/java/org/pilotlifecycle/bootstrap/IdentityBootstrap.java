package org.pilotlifecycle.bootstrap;

import org.pilotlifecycle.framework.Roles;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.pilotlifecycle.bootstrap.IdentityProperties.IdentityPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, the administrator, the demo users (default profile only) and the groups'
 * authorizations when the engine is built, before the web server accepts requests, so that the
 * Admin webapp's first-user set-up is never open. Idempotent: existing users, groups and grants are
 * left as they are, and the administrator's password is never reset.
 */
@Component
public class IdentityBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityPlan plan;

  public IdentityBootstrap(IdentityProperties properties, Environment environment) {
    this.plan = properties.plan(environment.getActiveProfiles().length == 0);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    ensureGroup(identity, Roles.ADMIN);
    Roles.WORKING_GROUPS.forEach(group -> ensureGroup(identity, group));
    ensureUser(identity, plan.adminUser(), "Pilot", "Administrator", plan.adminPassword(), Roles.ADMIN);
    if (plan.demoUsers()) {
      for (DemoUsers.DemoUser user : DemoUsers.ALL) {
        ensureUser(identity, user.id(), user.firstName(), user.lastName(), IdentityProperties.DEMO_PASSWORD, user.group());
      }
      LOG.warn("Demo users created with password '{}': use the default profile for demonstrations only",
          IdentityProperties.DEMO_PASSWORD);
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    AuthorizationGrants.all().forEach(grant -> ensureGrant(authorizations, grant));
  }

  private static void ensureGroup(IdentityService identity, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(Roles.displayName(groupId));
      group.setType(Roles.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private static void ensureUser(IdentityService identity, String userId, String firstName, String lastName,
      String password, String groupId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(userId + "@pilot-lifecycle.example");
      user.setPassword(password);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  private static void ensureGrant(AuthorizationService authorizations, AuthorizationGrants.Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean missing = Arrays.stream(grant.permissions()).anyMatch(p -> !authorization.isPermissionGranted(p));
    if (missing) {
      for (Permission permission : grant.permissions()) {
        authorization.addPermission(permission);
      }
      authorizations.saveAuthorization(authorization);
    }
  }
}
