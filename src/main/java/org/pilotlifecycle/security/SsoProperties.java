package org.pilotlifecycle.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.pilotlifecycle.framework.Roles;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on through the company's OpenID Connect provider ({@code pilot.security.sso.*}); off by default.
 * With it on, the webapps sign people in at the provider (authorization code flow, registration id {@code sso},
 * redirect URI {@code <base URL>/login/oauth2/code/sso}), and {@code /api} and {@code /engine-rest} take the
 * provider's access tokens of people as bearer tokens ({@link BearerTokens}).
 *
 * @param enabled on or off (default off); when on, {@code issuerUri}, {@code clientId} and {@code clientSecret} are
 *     required
 * @param issuerUri the provider's issuer, as in its discovery document
 *     ({@code <issuer>/.well-known/openid-configuration}), e.g. {@code https://sso.example.com/realms/company}
 * @param clientId this application's client at the provider
 * @param clientSecret that client's secret
 * @param scopes the scopes asked for at sign-in (default {@code openid, profile, email})
 * @param userIdClaim the claim whose value is the person's Camunda user id (default {@code preferred_username}); it
 *     must satisfy the engine's {@code userResourceWhitelistPattern} (by default letters and digits only)
 * @param groupsClaim the claim listing the person's groups at the provider (default {@code groups}): a JSON array of
 *     strings, or one string of names separated by commas or spaces
 * @param groupMapping a group of the provider (a value of the groups claim) to the product group (role) it grants,
 *     one of {@link Roles#WORKING_GROUPS} or {@link Roles#ADMIN}. Values of the claim without an entry grant
 *     nothing: a person with none mapped is refused
 * @param unknownUsers what happens to a person the engine does not know yet: {@code PROVISION} (default) creates the
 *     Camunda user from the token's claims, {@code REFUSE} turns them away
 * @param postLogoutRedirectUri where the provider sends the browser back after a logout (default
 *     {@code {baseUrl}/}); it must be registered at the provider as a post-logout redirect URI
 */
@ConfigurationProperties("pilot.security.sso")
public record SsoProperties(boolean enabled, String issuerUri, String clientId, String clientSecret, List<String> scopes,
    String userIdClaim, String groupsClaim, Map<String, String> groupMapping, UnknownUsers unknownUsers,
    String postLogoutRedirectUri) {

  /** The registration id of the provider: the path of the redirect URI ends with it. */
  public static final String REGISTRATION_ID = "sso";

  /** What happens to a person who signs in for the first time. */
  public enum UnknownUsers {
    /** Created in the engine from the token's claims, with the mapped groups. */
    PROVISION,
    /** Turned away: an administrator creates them first. */
    REFUSE
  }

  public SsoProperties {
    issuerUri = blankToNull(issuerUri);
    clientId = blankToNull(clientId);
    clientSecret = blankToNull(clientSecret);
    scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
    userIdClaim = blankToNull(userIdClaim) == null ? "preferred_username" : userIdClaim.strip();
    groupsClaim = blankToNull(groupsClaim) == null ? "groups" : groupsClaim.strip();
    groupMapping = groupMapping == null ? new LinkedHashMap<>() : new LinkedHashMap<>(groupMapping);
    unknownUsers = unknownUsers == null ? UnknownUsers.PROVISION : unknownUsers;
    postLogoutRedirectUri = blankToNull(postLogoutRedirectUri) == null ? "{baseUrl}/" : postLogoutRedirectUri.strip();
    if (enabled) {
      if (issuerUri == null || clientId == null || clientSecret == null) {
        throw new IllegalStateException("pilot.security.sso.enabled=true needs pilot.security.sso.issuer-uri, "
            + "client-id and client-secret (PILOT_SSO_ISSUER_URI, PILOT_SSO_CLIENT_ID, PILOT_SSO_CLIENT_SECRET)");
      }
      if (!scopes.contains("openid")) {
        throw new IllegalStateException("pilot.security.sso.scopes must contain openid: " + scopes);
      }
      List<String> productGroups = productGroups();
      groupMapping.forEach((claimValue, group) -> {
        if (!productGroups.contains(group == null ? "" : group.strip())) {
          throw new IllegalStateException("pilot.security.sso.group-mapping maps '" + claimValue + "' to '" + group
              + "', which is not a group of the product: " + productGroups);
        }
      });
      groupMapping.replaceAll((claimValue, group) -> group.strip());
    }
    groupMapping = Map.copyOf(groupMapping);
  }

  /** The groups the mapping may grant and the sign-in keeps in step with the claim: the roles and the administrators. */
  static List<String> productGroups() {
    return Stream.concat(Roles.WORKING_GROUPS.stream(), Stream.of(Roles.ADMIN)).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
