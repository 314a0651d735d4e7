package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The settings of single sign-on ({@link SsoProperties}) and the mapping of the groups claim ({@link SsoPeople}),
 * without a provider: off by default and then asking for nothing; on, it refuses to start without the provider's
 * coordinates or with a mapping to a group the product does not have; the claim may be a list or one string; values
 * without a mapping grant nothing. A session ends once the provider no longer refreshes the person's token; an
 * unreachable provider makes a sign-in 503. The provider's runs are in {@link SingleSignOnApiTest} and the browser test.
 */
class SingleSignOnSettingsTest {

  private static SsoProperties enabled(Map<String, String> mapping) {
    return new SsoProperties(true, "https://sso.example.com/realms/company", "pilot-lifecycle", "secret", null, null,
        null, mapping, null, null);
  }

  @Test
  void offByDefaultAndThenNothingIsRequired() {
    SsoProperties off = new SsoProperties(false, null, null, null, null, null, null, null, null, null);

    assertThat(off.enabled()).isFalse();
    assertThat(off.userIdClaim()).isEqualTo("preferred_username");
    assertThat(off.groupsClaim()).isEqualTo("groups");
    assertThat(off.unknownUsers()).isEqualTo(SsoProperties.UnknownUsers.PROVISION);
    assertThat(off.scopes()).containsExactly("openid", "profile", "email");
  }

  @Test
  void onItNeedsTheProviderAndMapsOnlyToTheProductsGroups() {
    assertThatThrownBy(() -> new SsoProperties(true, "https://sso.example.com", null, "secret", null, null, null, null,
        null, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("client-id");
    assertThatThrownBy(() -> enabled(Map.of("pilots", "pilot-owners")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'pilot-owners', which is not a group");
    assertThatThrownBy(() -> new SsoProperties(true, "https://sso.example.com", "c", "s", List.of("profile"), null,
        null, null, null, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("openid");

    assertThat(enabled(Map.of("/company/admins", " camunda-admin ")).groupMapping())
        .containsEntry("/company/admins", "camunda-admin");
  }

  @Test
  void theGroupsClaimGrantsTheMappedProductGroupsOnly() {
    SsoPeople people = new SsoPeople(enabled(Map.of("Pilot Owners", "ai-product-owner", "/company/admins",
        "camunda-admin", "steering", "steering-committee")), null);

    assertThat(people.groups(Map.of("groups", List.of("/company/admins", "Pilot Owners", "everyone"))))
        .containsExactly("ai-product-owner", "camunda-admin");
    assertThat(people.groups(Map.of("groups", "steering, everyone"))).containsExactly("steering-committee");
    assertThat(people.groups(Map.of("groups", List.of("ai-product-owner")))).as("a product group's own name is no mapping")
        .isEmpty();
    assertThat(people.groups(Map.of("roles", List.of("steering")))).isEmpty();
    assertThat(people.namesAPerson(Map.of("preferred_username", "paul", "groups", List.of()))).isTrue();
    assertThat(people.namesAPerson(Map.of("preferred_username", "service-account-export"))).isFalse();
    assertThatThrownBy(() -> people.signIn(Map.of("groups", List.of("steering"))))
        .isInstanceOf(SsoPeople.Refused.class).hasMessageContaining("preferred_username");
    assertThatThrownBy(() -> people.signIn(Map.of("preferred_username", "nina", "groups", List.of("everyone"))))
        .isInstanceOf(SsoPeople.Refused.class).hasMessageContaining("none of the product's groups");
  }

  @Test
  void aSessionEndsWhenTheProviderNoLongerRefreshesThePersonsToken() throws Exception {
    ClientRegistration registration = ClientRegistration.withRegistrationId("sso").clientId("pilot-lifecycle")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("{baseUrl}/login/oauth2/code/sso")
        .authorizationUri("https://sso.example.com/authorize").tokenUri("https://sso.example.com/token").build();
    OAuth2AuthenticationToken paul = new OAuth2AuthenticationToken(new DefaultOAuth2User(List.of(),
        Map.of("sub", "paul"), "sub"), List.of(), "sso");
    Instant now = Instant.now();
    OAuth2AuthorizedClient valid = new OAuth2AuthorizedClient(registration, "paul", new OAuth2AccessToken(
        OAuth2AccessToken.TokenType.BEARER, "t", now.minusSeconds(60), now.plusSeconds(240)));
    OAuth2AuthorizedClientManager clients = Mockito.mock(OAuth2AuthorizedClientManager.class);

    Mockito.when(clients.authorize(Mockito.any())).thenReturn(valid);
    assertThat(afterRequest(clients, paul)).as("a valid token keeps the session").isTrue();

    Mockito.when(clients.authorize(Mockito.any()))
        .thenThrow(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant")));
    assertThat(afterRequest(clients, paul)).as("a refused refresh ends it").isFalse();

    Mockito.reset(clients);
    Mockito.when(clients.authorize(Mockito.any())).thenReturn(null);
    assertThat(afterRequest(clients, paul)).as("no token to refresh ends it").isFalse();
  }

  /** True when the session and the sign-in survive a request. */
  private static boolean afterRequest(OAuth2AuthorizedClientManager clients, OAuth2AuthenticationToken person)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/default/");
    MockHttpSession session = new MockHttpSession();
    request.setSession(session);
    SecurityContextHolder.getContext().setAuthentication(person);
    try {
      new SsoConfiguration.ProviderStillSignsIn(clients).doFilter(request, new MockHttpServletResponse(),
          new MockFilterChain());
      return !session.isInvalid() && SecurityContextHolder.getContext().getAuthentication() == person;
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void anUnreachableProviderMakesTheSignIn503NotA500() throws Exception {
    SsoProperties unreachable = new SsoProperties(true, "http://127.0.0.1:1/realms/company", "pilot-lifecycle",
        "secret", null, null, null, null, null, null);
    var filter = new SsoConfiguration.ProviderReachable(new SsoConfiguration.ProviderRegistration(unreachable),
        new ProblemResponses(new ObjectMapper()));
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(new MockHttpServletRequest("GET", "/oauth2/authorization/sso"), response, new MockFilterChain());

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("application/problem+json");
  }
}
