package org.pilotlifecycle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.pilotlifecycle.PilotLifecycleApplication;

class IdentityPropertiesTest {

  @Test
  void theDefaultProfileGetsDemoUsersAndTheDemoPassword() {
    var plan = new IdentityProperties(null, null, null).plan(true);
    assertThat(plan.demoUsers()).isTrue();
    assertThat(plan.adminUser()).isEqualTo("admin");
    assertThat(plan.adminPassword()).isEqualTo("demo");
  }

  @Test
  void otherProfilesGetNoDemoUsersAndTheSuppliedPassword() {
    var plan = new IdentityProperties(null, "root", "s3cret-enough").plan(false);
    assertThat(plan.demoUsers()).isFalse();
    assertThat(plan.adminUser()).isEqualTo("root");
    assertThat(plan.adminPassword()).isEqualTo("s3cret-enough");
  }

  @Test
  void otherProfilesRefuseToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new IdentityProperties(null, null, " ").plan(false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PILOT_ADMIN_PASSWORD");
  }

  @Test
  void theApplicationStopsAtStartUpOutsideTheDefaultProfileWithoutAnAdminPassword() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(PilotLifecycleApplication.class)
        .profiles("production")
        .properties("spring.datasource.url=jdbc:h2:mem:no-admin-password", "server.port=0",
            "camunda.bpm.job-execution.enabled=false", "pilot.identity.admin-password=");

    assertThatThrownBy(application::run)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause().hasMessageContaining("PILOT_ADMIN_PASSWORD");
  }
}
