package org.pilotlifecycle.pilot;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link PilotController} and the API's error mapping ({@code web.ApiExceptionHandler}) in a web slice:
 * no engine, no database; the registry and the check outcomes are mocks. Security is not under test here
 * (filters off).
 */
@WebMvcTest(controllers = PilotController.class)
@AutoConfigureMockMvc(addFilters = false)
class PilotControllerTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  ApplicationContext context;

  @MockitoBean
  PilotRegistry registry;

  @MockitoBean
  CheckOutcomes checkOutcomes;

  @MockitoBean
  Viewers viewers;

  /** The caller, as the Viewers port tells it; the controller hands it to every read of the registry. */
  static final Viewer VIEWER = new Viewer("olivia", java.util.Set.of("olivia"), false);

  @org.junit.jupiter.api.BeforeEach
  void caller() {
    when(viewers.current()).thenReturn(VIEWER);
  }

  private static Pilot pilot(String key) {
    return TestPilots.registered(Registrations.lowRisk(key, Framework.FIVE_PHASE));
  }

  @Test
  void theSliceStartsWithoutTheProcessEngineOrADatabase() {
    org.assertj.core.api.Assertions.assertThat(context.getBeanNamesForType(ProcessEngine.class)).isEmpty();
    org.assertj.core.api.Assertions.assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
  }

  @Test
  void listReturnsAPageOfPilotsNewestFirstWithDefaultPaging() throws Exception {
    Pilot pilot = pilot("CLAIMS-1");
    when(registry.list(isNull(), isNull(), isNull(), isNull(), eq(VIEWER), any())).thenReturn(new PageImpl<>(List.of(pilot), PageRequest.of(0, 20), 1));

    mvc.perform(get("/api/pilots"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.content", hasSize(1)))
        .andExpect(jsonPath("$.content[0].key").value("CLAIMS-1"))
        .andExpect(jsonPath("$.content[0].framework").value("FIVE_PHASE"))
        .andExpect(jsonPath("$.content[0].status").value("ACTIVE"))
        .andExpect(jsonPath("$.content[0].currentStep").value("INTAKE"))
        .andExpect(jsonPath("$.content[0].people.executiveOwner").value("olivia"))
        .andExpect(jsonPath("$.content[0].registeredAt").value("2025-03-01T09:00:00Z"))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.totalElements").value(1))
        .andExpect(jsonPath("$.totalPages").value(1));

    ArgumentCaptor<Pageable> pageable = ArgumentCaptor.forClass(Pageable.class);
    verify(registry).list(isNull(), isNull(), isNull(), isNull(), eq(VIEWER), pageable.capture());
    org.assertj.core.api.Assertions.assertThat(pageable.getValue().getPageNumber()).isZero();
    org.assertj.core.api.Assertions.assertThat(pageable.getValue().getPageSize()).isEqualTo(20);
    org.assertj.core.api.Assertions.assertThat(pageable.getValue().getSort())
        .isEqualTo(Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.asc("key")));
  }

  @Test
  void listLeavesOutNullFieldsOfAPilot() throws Exception {
    Pilot pilot = TestPilots.registered(Registrations.highRisk("CREDIT-1", Framework.FOUR_STAGE));
    when(registry.list(any(), any(), any(), any(), any(), any())).thenReturn(new PageImpl<>(List.of(pilot), PageRequest.of(0, 20), 1));

    // default-property-inclusion: non_null (application.yaml)
    mvc.perform(get("/api/pilots"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].key").value("CREDIT-1"))
        .andExpect(jsonPath("$.content[0].people.techLead").doesNotExist())
        .andExpect(jsonPath("$.content[0].cost.pilotCost").doesNotExist())
        .andExpect(jsonPath("$.content[0].stepDueAt").doesNotExist())
        .andExpect(jsonPath("$.content[0].checks").doesNotExist())
        .andExpect(jsonPath("$.content[0].inProductionAt").doesNotExist());
  }

  @Test
  void listPassesStatusFrameworkStepBusinessUnitPageAndSizeToTheRegistry() throws Exception {
    when(registry.list(any(), any(), any(), any(), any(), any())).thenReturn(new PageImpl<>(List.of(), PageRequest.of(2, 5), 10));

    mvc.perform(get("/api/pilots").param("status", "ON_HOLD").param("framework", "FOUR_STAGE")
            .param("step", "ENTERPRISE_SCALE").param("businessUnit", "Retail").param("page", "2").param("size", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content", hasSize(0)))
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(5))
        .andExpect(jsonPath("$.totalElements").value(10));

    ArgumentCaptor<Pageable> pageable = ArgumentCaptor.forClass(Pageable.class);
    verify(registry).list(eq(PilotStatus.ON_HOLD), eq(Framework.FOUR_STAGE), eq("ENTERPRISE_SCALE"), eq("Retail"), eq(VIEWER),
        pageable.capture());
    org.assertj.core.api.Assertions.assertThat(pageable.getValue().getPageNumber()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(pageable.getValue().getPageSize()).isEqualTo(5);
  }

  @Test
  void listWithAnUnknownStatusIs400ListingTheAllowedValues() throws Exception {
    mvc.perform(get("/api/pilots").param("status", "RUNNING"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors[0].field").value("status"))
        .andExpect(jsonPath("$.errors[0].message").value("must be one of ACTIVE, ON_HOLD, IN_PRODUCTION, STOPPED, PAUSED, RETIRED"));
    verifyNoInteractions(registry);
  }

  @Test
  void listWithANonNumericPageIs400NamingTheParameter() throws Exception {
    mvc.perform(get("/api/pilots").param("page", "first"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("page"))
        .andExpect(jsonPath("$.errors[0].message").value("has the wrong type"));
  }

  @Test
  void listWithASizeAboveTheMaximumIs400WithErrors() throws Exception {
    mvc.perform(get("/api/pilots").param("size", "201"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").value("The request has 1 invalid parameter(s)."))
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 200"));
    verifyNoInteractions(registry);
  }

  @Test
  void listWithANegativePageAndAZeroSizeIs400NamingBoth() throws Exception {
    mvc.perform(get("/api/pilots").param("page", "-1").param("size", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The request has 2 invalid parameter(s)."))
        .andExpect(jsonPath("$.errors[*].field", hasItems("page", "size")))
        .andExpect(jsonPath("$.errors[*].message",
            hasItems("must be greater than or equal to 0", "must be greater than or equal to 1")));
    verifyNoInteractions(registry);
  }

  @Test
  void countsReturnsThePilotsPerStepAndStatus() throws Exception {
    when(registry.countByStep(VIEWER)).thenReturn(List.of(
        new StepCount(Framework.FIVE_PHASE, "INTAKE", PilotStatus.ACTIVE, 3),
        new StepCount(Framework.FOUR_STAGE, "SCALE", PilotStatus.ON_HOLD, 1)));

    mvc.perform(get("/api/pilots/counts"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].framework").value("FIVE_PHASE"))
        .andExpect(jsonPath("$[0].step").value("INTAKE"))
        .andExpect(jsonPath("$[0].status").value("ACTIVE"))
        .andExpect(jsonPath("$[0].pilots").value(3))
        .andExpect(jsonPath("$[1].step").value("SCALE"))
        .andExpect(jsonPath("$[1].pilots").value(1));
  }

  @Test
  void getReturnsThePilotWithTheLatestCheckOutcomes() throws Exception {
    Pilot pilot = pilot("CLAIMS-2");
    when(registry.get("CLAIMS-2", VIEWER)).thenReturn(pilot);
    when(checkOutcomes.latestOf(pilot)).thenReturn(List.of(
        new CheckOutcomes.CheckOutcome("dataReadiness", "DATA_READINESS", true, "Data is ready",
            Instant.parse("2025-03-10T12:00:00Z"))));

    mvc.perform(get("/api/pilots/CLAIMS-2"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.key").value("CLAIMS-2"))
        .andExpect(jsonPath("$.name").value("Claims triage assistant"))
        .andExpect(jsonPath("$.processInstanceId").value("process-CLAIMS-2"))
        .andExpect(jsonPath("$.checks", hasSize(1)))
        .andExpect(jsonPath("$.checks[0].check").value("dataReadiness"))
        .andExpect(jsonPath("$.checks[0].step").value("DATA_READINESS"))
        .andExpect(jsonPath("$.checks[0].passed").value(true))
        .andExpect(jsonPath("$.checks[0].checkedAt").value("2025-03-10T12:00:00Z"));
  }

  @Test
  void getWithoutChecksShowsAnEmptyCheckList() throws Exception {
    Pilot pilot = pilot("CLAIMS-3");
    when(registry.get("CLAIMS-3", VIEWER)).thenReturn(pilot);
    when(checkOutcomes.latestOf(pilot)).thenReturn(List.of());

    mvc.perform(get("/api/pilots/CLAIMS-3"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.checks", hasSize(0)));
  }

  @Test
  void getOfAnUnknownPilotIs404Problem() throws Exception {
    when(registry.get("NOPE-1", VIEWER)).thenThrow(new PilotNotFoundException("NOPE-1"));

    mvc.perform(get("/api/pilots/NOPE-1"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("about:blank"))
        .andExpect(jsonPath("$.title").value("Pilot not found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("No pilot with key NOPE-1"))
        .andExpect(jsonPath("$.instance").value("/api/pilots/NOPE-1"));
    verifyNoInteractions(checkOutcomes);
  }

  @Test
  void aProblemExceptionCarriesItsOwnStatus() throws Exception {
    when(registry.get("HELD-1", VIEWER)).thenThrow(new PilotStateException("HELD-1", PilotStatus.STOPPED, "SCALE", "resume"));

    mvc.perform(get("/api/pilots/HELD-1"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Not allowed in the pilot's state"))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value("Pilot HELD-1 is STOPPED in SCALE: it cannot resume."))
        .andExpect(jsonPath("$.instance").value("/api/pilots/HELD-1"));
  }

  @Test
  void anUnexpectedFailureIs500WithAGenericDetailThatDoesNotLeakTheMessage() throws Exception {
    when(registry.countByStep(VIEWER)).thenThrow(new IllegalStateException("SQL [select * from pilot] failed: secret"));

    mvc.perform(get("/api/pilots/counts"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(500))
        .andExpect(jsonPath("$.title").value("Internal error"))
        .andExpect(jsonPath("$.detail")
            .value("The request failed on the server; nothing was changed. The log has the details."))
        .andExpect(content().string(not(containsString("secret"))))
        .andExpect(content().string(not(containsString("select"))))
        .andExpect(content().string(not(containsString("IllegalStateException"))));
  }

  @Test
  void anEngineAuthorizationFailureIs403() throws Exception {
    when(registry.countByStep(VIEWER)).thenThrow(new AuthorizationException("paul", "READ", "ProcessInstance", "42"));

    mvc.perform(get("/api/pilots/counts"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.title").value("Forbidden"))
        .andExpect(jsonPath("$.detail").value("Your groups do not allow this request."))
        .andExpect(content().string(not(containsString("ProcessInstance"))));
  }
}
