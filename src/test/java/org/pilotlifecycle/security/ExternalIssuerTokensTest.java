package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Tokens of an external issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}): verified with the
 * keys of the issuer's discovery document (a real HTTP server in the test, RSA keys by Nimbus), mapped to the same
 * scope authorities as the application's own tokens, and a machine like them; another issuer, another key or an
 * expired token is refused.
 */
class ExternalIssuerTokensTest {

  HttpServer server;
  String issuer;
  RSAKey key;
  BearerTokens bearerTokens;

  @BeforeEach
  void issuer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").algorithm(JWSAlgorithm.RS256).generate();
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    issuer = "http://localhost:" + server.getAddress().getPort() + "/realms/company";
    String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\","
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"]}";
    String keys = new JWKSet(key.toPublicJWK()).toString();
    server.createContext("/realms/company/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
    server.createContext("/realms/company/keys", exchange -> respond(exchange, keys));
    server.start();
    MachineTokens own = new MachineTokens(Mockito.mock(MachineTokenRepository.class),
        new MachineTokenProperties("test-only-machine-token-secret-0123456789abcdef", null, null),
        new MockEnvironment().withProperty("x", "y"));
    bearerTokens = new BearerTokens(own, issuer);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void anExternalTokenMapsItsScopesLikeTheApplicationsOwn() throws Exception {
    Authentication machine = authenticate(token(key, issuer, "portfolio.read openid profile camunda-admin",
        Instant.now().plus(Duration.ofMinutes(5))));

    assertThat(machine).isInstanceOf(MachineTokenAuthentication.class);
    assertThat(machine.getName()).isEqualTo("export-job");
    assertThat(machine.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("SCOPE_portfolio.read");
  }

  @Test
  void anotherIssuerAnotherKeyOrAnExpiredTokenIsRefused() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").algorithm(JWSAlgorithm.RS256).generate();
    Instant later = Instant.now().plus(Duration.ofMinutes(5));
    for (String token : new String[] {token(key, "https://evil.example", "portfolio.read", later),
        token(stranger, issuer, "portfolio.read", later),
        token(key, issuer, "portfolio.read", Instant.now().minus(Duration.ofMinutes(10)))}) {
      assertThatThrownBy(() -> authenticate(token)).isInstanceOf(AuthenticationException.class);
    }
  }

  private Authentication authenticate(String token) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/portfolio");
    request.addHeader("Authorization", "Bearer " + token);
    return bearerTokens.resolver().resolve(request).authenticate(new BearerTokenAuthenticationToken(token));
  }

  private static String token(RSAKey signer, String issuer, String scope, Instant expires) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
        .type(JOSEObjectType.JWT).build(),
        new JWTClaimsSet.Builder().issuer(issuer).subject("export-job").claim("scope", scope)
            .issueTime(Date.from(expires.minus(Duration.ofMinutes(30)))).expirationTime(Date.from(expires)).build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
