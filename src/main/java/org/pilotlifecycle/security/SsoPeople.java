package org.pilotlifecycle.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People signed in by the OpenID Connect provider ({@link SsoProperties}): who they are (the user-id claim), which
 * product groups their groups claim grants (through the group mapping), and their Camunda user, provisioned or refused
 * as configured. On each sign-in their memberships in the product groups are made to match the claim (memberships in
 * other groups are left alone), so the engine's authorization checks, candidate-group queries and notifications see
 * the provider's groups.
 */
class SsoPeople {

  private static final Logger LOG = LoggerFactory.getLogger(SsoPeople.class);

  /** A person the application turns away: no mapped group, no user id, or unknown with {@code unknown-users: REFUSE}. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final SsoProperties properties;
  private final IdentityService identityService;
  /** The administrator created at start-up ({@code pilot.identity.admin-user}): never signed in by the provider. */
  private final String administrator;
  /** Who was synchronised with which groups lately: API calls with the same token do not write to the engine each time. */
  private final Cache<String, Boolean> synchronised =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  SsoPeople(SsoProperties properties, IdentityService identityService) {
    this(properties, identityService, null);
  }

  /**
   * @param administrator the user id of the administrator the application creates at start-up, who keeps signing in with
   *     a password: a person of the provider with that id is refused, so that the provider can neither take over nor
   *     demote the account that repairs a broken sign-on; null for none
   */
  SsoPeople(SsoProperties properties, IdentityService identityService, String administrator) {
    this.properties = properties;
    this.identityService = identityService;
    this.administrator = administrator == null || administrator.isBlank() ? null : administrator.strip();
  }

  SsoProperties properties() {
    return properties;
  }

  /** The person's user id from the user-id claim; {@link Refused} when missing or blank. */
  String userId(Map<String, Object> claims) {
    Object value = claims.get(properties.userIdClaim());
    if (!(value instanceof String id) || id.isBlank()) {
      throw new Refused("The provider's token has no '" + properties.userIdClaim() + "' claim to name the user by.");
    }
    return id.strip();
  }

  /** True when the claims name a person: the user-id claim and the groups claim are both there. */
  boolean namesAPerson(Map<String, Object> claims) {
    return claims.get(properties.userIdClaim()) instanceof String id && !id.isBlank()
        && claims.containsKey(properties.groupsClaim());
  }

  /**
   * The product groups the groups claim grants through the mapping, in the product's order; empty when the claim is
   * missing or maps to nothing.
   */
  List<String> groups(Map<String, Object> claims) {
    Object claim = claims.get(properties.groupsClaim());
    Collection<?> values;
    if (claim instanceof Collection<?> list) {
      values = list;
    } else if (claim instanceof String text) {
      values = List.of(text.split("[,\\s]+"));
    } else {
      values = List.of();
    }
    Set<String> granted = new LinkedHashSet<>();
    for (Object value : values) {
      String group = value == null ? null : properties.groupMapping().get(value.toString().strip());
      if (group != null) {
        granted.add(group);
      }
    }
    return SsoProperties.productGroups().stream().filter(granted::contains).toList();
  }

  /**
   * Signs a person in: refuses them without a mapped group; provisions or refuses an unknown user as configured;
   * makes their memberships in the product groups match {@code groups}.
   *
   * @return the product groups, which are the person's engine groups for authorization checks
   * @throws Refused when the person may not sign in
   */
  List<String> signIn(Map<String, Object> claims) {
    String userId = userId(claims);
    if (userId.equals(administrator)) {
      throw new Refused(userId + " is the application's own administrator, who signs in with a password only.");
    }
    List<String> groups = groups(claims);
    if (groups.isEmpty()) {
      throw new Refused("The provider grants " + userId + " none of the product's groups (claim '"
          + properties.groupsClaim() + "', see pilot.security.sso.group-mapping).");
    }
    String key = userId + "|" + String.join(",", new TreeSet<>(groups));
    if (synchronised.getIfPresent(key) == null) {
      synchronise(userId, claims, groups);
      synchronised.put(key, Boolean.TRUE);
    }
    return groups;
  }

  private void synchronise(String userId, Map<String, Object> claims, List<String> groups) {
    // Provisioning is the application's own act, not the signing-in person's: no authorization checks apply.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        if (properties.unknownUsers() == SsoProperties.UnknownUsers.REFUSE) {
          throw new Refused(userId + " is not a user of this application (pilot.security.sso.unknown-users: REFUSE).");
        }
        provision(userId, claims);
      }
      List<String> current = new ArrayList<>(identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).filter(SsoProperties.productGroups()::contains).toList());
      for (String group : groups) {
        if (!current.contains(group)) {
          join(userId, group);
        }
      }
      for (String group : current) {
        if (!groups.contains(group)) {
          identityService.deleteMembership(userId, group);
        }
      }
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private void join(String userId, String group) {
    try {
      identityService.createMembership(userId, group);
    } catch (ProcessEngineException e) {
      // A concurrent sign-in of the same person may have created it first.
      if (identityService.createGroupQuery().groupMember(userId).groupId(group).count() == 0) {
        throw e;
      }
    }
  }

  private void provision(String userId, Map<String, Object> claims) {
    User user = identityService.newUser(userId);
    user.setFirstName(text(claims, "given_name", userId));
    user.setLastName(text(claims, "family_name", ""));
    user.setEmail(text(claims, "email", null));
    try {
      identityService.saveUser(user);
      LOG.info("Provisioned user {} signed in through single sign-on", userId);
    } catch (ProcessEngineException e) {
      if (identityService.createUserQuery().userId(userId).count() > 0) {
        return; // a concurrent first sign-in created them
      }
      throw new Refused("The user id '" + userId + "' is not accepted by the engine (its userResourceWhitelistPattern): "
          + "choose another pilot.security.sso.user-id-claim or widen the pattern.");
    }
  }

  private static String text(Map<String, Object> claims, String claim, String otherwise) {
    return claims.get(claim) instanceof String value && !value.isBlank() ? value.strip() : otherwise;
  }
}
