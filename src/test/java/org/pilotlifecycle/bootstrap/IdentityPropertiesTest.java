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
        .hasRootCauseInstanceOf(IdentityProperties.MissingAdministratorPassword.class)
        .rootCause().hasMessageContaining("PILOT_ADMIN_PASSWORD");
  }

  /** The start-up report says what is missing and what to set, not a stack trace through the bean that needed it. */
  @Test
  void theStartUpReportSaysWhatToSet() throws Exception {
    IllegalStateException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new IdentityProperties(null, null, null).plan(false));
    Throwable failure = new org.springframework.beans.factory.BeanCreationException("identityBootstrap",
        "Failed to instantiate", missing);
    var analysis = new MissingAdministratorPasswordAnalyzer().analyze(failure);
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).startsWith("No administrator password");
    assertThat(analysis.getAction()).contains("PILOT_ADMIN_PASSWORD").contains("docker run -e PILOT_ADMIN_PASSWORD");
    boolean registered = false;
    for (var factories : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
      try (var in = factories.openStream()) {
        var entries = new java.util.Properties();
        entries.load(in);
        registered |= String.valueOf(entries.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
            .contains(MissingAdministratorPasswordAnalyzer.class.getName());
      }
    }
    assertThat(registered).as("registered for Spring Boot's start-up report").isTrue();
  }
}
