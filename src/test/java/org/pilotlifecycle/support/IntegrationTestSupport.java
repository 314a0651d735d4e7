package org.pilotlifecycle.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.mockito.Mockito;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole application on a random port with an in-memory H2 database and no job executor.
 *
 * <p>Every integration test extends this class so that all of them share one Spring context: each
 * context builds a process engine named "default", and the engine REST API and the webapps look it up
 * by that name in a JVM-wide registry, so two live contexts would answer requests from each other's
 * engine. The registry is a spy (real behaviour unless a test stubs it) for the same reason, and the
 * process test coverage is part of every context (see {@link ProcessCoverageThresholds}).
 *
 * <p>With {@code -Dpilot.test.database=postgres} (the Surefire execution {@code reliability-postgres})
 * the same context runs on a fresh PostgreSQL database instead of H2 (see {@link PostgresTestDatabase}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverageThresholds.class})
// Spring Boot tests switch metrics export off unless asked: the Prometheus endpoint is part of the product.
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTestSupport {

  @LocalServerPort
  protected int port;

  @BeforeAll
  static void requirePostgresWhenSelected() {
    if (PostgresTestDatabase.selected()) {
      PostgresTestDatabase.requireServer();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    if (PostgresTestDatabase.selected()) {
      String url = PostgresTestDatabase.freshDatabase("pilot_lifecycle_reliability");
      properties.add("spring.datasource.url", () -> url);
      properties.add("spring.datasource.username", PostgresTestDatabase::user);
      properties.add("spring.datasource.password", PostgresTestDatabase::password);
    }
  }

  /** True when this JVM's integration tests run on PostgreSQL rather than H2. */
  protected static boolean onPostgres() {
    return PostgresTestDatabase.selected();
  }

  @MockitoSpyBean
  protected PilotRegistry registry;

  protected Http http() {
    return new Http(port);
  }

  @AfterEach
  void resetRegistrySpy() {
    Mockito.reset(registry);
  }
}
