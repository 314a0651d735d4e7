package org.pilotlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.env.MockEnvironment;

/** Where the signing key comes from: configured, generated on the default profile only, never too short. */
class MachineTokenKeyTest {

  @Test
  void withoutASecretOutsideTheDefaultProfileNoTokenIsIssuedNorAccepted() {
    MockEnvironment postgres = new MockEnvironment();
    postgres.setActiveProfiles("postgres");
    MachineTokens tokens = new MachineTokens(Mockito.mock(MachineTokenRepository.class),
        new MachineTokenProperties(null, null, null), postgres);

    assertThat(tokens.decoder(jwt -> null)).as("no key, no verifier").isNull();
    assertThatThrownBy(() -> tokens.issue("export-job", Set.of(MachineScope.PORTFOLIO_READ), Duration.ofDays(1), null,
        "admin")).isInstanceOf(MachineTokenException.class)
        .satisfies(e -> assertThat(((MachineTokenException) e).getStatusCode().value()).isEqualTo(409))
        .hasMessageContaining("PILOT_MACHINE_TOKEN_SECRET");
  }

  @Test
  void theDefaultProfileGeneratesAKeyForDevelopment() {
    MachineTokens tokens = new MachineTokens(Mockito.mock(MachineTokenRepository.class),
        new MachineTokenProperties("", null, null), new MockEnvironment());
    assertThat(tokens.decoder(jwt -> null)).isNotNull();
  }

  @Test
  void aShortSecretStopsTheStart() {
    assertThatThrownBy(() -> new MachineTokenProperties("too-short", null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
    assertThat(new MachineTokenProperties(null, null, null).issuer()).isEqualTo("pilot-lifecycle");
    assertThat(new MachineTokenProperties(null, null, null).maxValidity()).isEqualTo(Duration.ofDays(366));
  }
}
