package org.pilotlifecycle.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.PostgresTestDatabase;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application on the production database: start-up, migrations, registration and read-back. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"pilot.identity.admin-password=" + PostgresIntegrationTest.ADMIN_PASSWORD,
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class PostgresIntegrationTest {

  static final String ADMIN_PASSWORD = "pg-admin-Secret-1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.requireServer();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", PostgresTestDatabase::url);
    registry.add("spring.datasource.username", PostgresTestDatabase::user);
    registry.add("spring.datasource.password", PostgresTestDatabase::password);
  }

  /**
   * The people a registration names must be users in their roles' groups; this profile creates no demo users, so
   * the test creates an executive owner and an AI product owner of its own (the optional roles name nobody).
   */
  private org.pilotlifecycle.pilot.PilotRegistration registration(String key, Framework framework) {
    ensureUser("pgowner", "business-owner");
    ensureUser("pgproduct", "ai-product-owner");
    var r = Registrations.lowRisk(key, framework);
    return new org.pilotlifecycle.pilot.PilotRegistration(r.key(), r.name(), r.businessUnit(), r.useCaseDescription(),
        r.framework(), "pgowner", "pgproduct", null, null, null, null, r.affectsIndividuals(), r.regulatedDomain(),
        r.processesPersonalData(), r.autonomy(), r.pilotCost(), r.projectedProductionCost(), r.stepDurations());
  }

  private synchronized void ensureUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      var user = identityService.newUser(id);
      user.setPassword("pg-user-Secret-1");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  private Http.Response asAdmin(String method, String path, String body) {
    Http http = new Http(port);
    var request = http.request(path, null).header("Authorization", Http.basic("admin", ADMIN_PASSWORD));
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request);
  }

  @Test
  void startsOnPostgresWithTheEngineSchemaAndTheApplicationsMigrations() {
    assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
        .isGreaterThanOrEqualTo(150000);
    assertThat(jdbc.queryForObject(
        "select count(*) from flyway_schema_history where version = '1' and success", Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where key_ = 'PilotIntake'", Integer.class))
        .isPositive();
    assertThat(jdbc.queryForObject("select count(*) from pilot where 1 = 0", Integer.class)).isZero();
    // Each execution planned for its parameters: a cached generic plan made Tasklist's counts take seconds.
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    // No JIT compilation of the engine's short queries, and index look-ups priced for data in memory or on SSD.
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
    // The job executor's acquisition finds due jobs by index, not by scanning a job per pilot (PostgresQueryTuning).
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'act_ru_job'"
        + " and indexname = 'pilot_idx_job_duedate'", Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = 'pilot_auth_perms_read'",
        Integer.class)).isOne();
  }

  @Test
  void createsNoDemoUsersOutsideTheDefaultProfile() {
    assertThat(identityService.createUserQuery().userId("paul").count()).isZero();
    assertThat(identityService.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
  }

  @Test
  void registersAPilotAndReadsItBackWithItsProcessInstance() {
    String key = Registrations.newKey("PG");
    Http.Response created = asAdmin("POST", "/api/pilots",
        Http.toJson(Registrations.asJson(registration(key, Framework.FOUR_STAGE))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    JsonNode pilot = asAdmin("GET", "/api/pilots/" + key, null).json();
    assertThat(pilot.path("key").asText()).isEqualTo(key);
    assertThat(pilot.path("risk").path("riskTier").asText()).isEqualTo("LOW");
    var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    assertThat(instance.getId()).isEqualTo(pilot.path("processInstanceId").asText());
    assertThat(instance.getBusinessKey()).isEqualTo(key);
  }

  @Test
  void concurrentRegistrationsOfOneKeyYieldOnePilotAndOneInstance() throws Exception {
    String key = Registrations.newKey("PGRACE");
    String body = Http.toJson(Registrations.asJson(registration(key, Framework.FIVE_PHASE)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<Http.Response>> responses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        responses.add(pool.submit(() -> asAdmin("POST", "/api/pilots", body)));
      }
      for (Future<Http.Response> response : responses) {
        statuses.add(response.get().status());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from pilot where pilot_key = ?", Integer.class, key)).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isOne();
  }
}
