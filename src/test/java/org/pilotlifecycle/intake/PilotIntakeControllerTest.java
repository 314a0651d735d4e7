package org.pilotlifecycle.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.DuplicatePilotException;
import org.pilotlifecycle.pilot.InvalidPilotException;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.TestPilots;
import org.pilotlifecycle.support.Registrations;
import org.pilotlifecycle.web.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@link PilotIntakeController} in a web slice: the intake service is a mock, so neither the engine nor the
 * database is involved; what is checked is the HTTP contract of POST /api/pilots and how request-body
 * failures are mapped to problems. Security is not under test here (filters off).
 */
@WebMvcTest(controllers = PilotIntakeController.class)
@AutoConfigureMockMvc(addFilters = false)
class PilotIntakeControllerTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  ObjectMapper json;

  @MockitoBean
  PilotIntakeService intake;

  private ResultActions postJson(String body) throws Exception {
    return mvc.perform(post("/api/pilots").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private String body(Map<String, Object> registration) throws Exception {
    return json.writeValueAsString(registration);
  }

  @Test
  void registerAnswers201WithLocationAndThePilot() throws Exception {
    PilotRegistration registration = Registrations.lowRisk("CLAIMS-7", Framework.FIVE_PHASE);
    when(intake.register(any())).thenReturn(TestPilots.registered(registration));

    postJson(body(Registrations.asJson(registration)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/pilots/CLAIMS-7"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.key").value("CLAIMS-7"))
        .andExpect(jsonPath("$.name").value("Claims triage assistant"))
        .andExpect(jsonPath("$.framework").value("FIVE_PHASE"))
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.currentStep").value("INTAKE"))
        .andExpect(jsonPath("$.people.aiProductOwner").value("paul"))
        .andExpect(jsonPath("$.risk.autonomy").value("ADVISORY"))
        .andExpect(jsonPath("$.cost.pilotCost").value(120000.00))
        // non_null: no checks list on a fresh pilot
        .andExpect(jsonPath("$.checks").doesNotExist());
  }

  @Test
  void registerHandsTheBodyToTheIntakeServiceUnchanged() throws Exception {
    PilotRegistration registration = Registrations.lowRisk("CLAIMS-8", Framework.FOUR_STAGE);
    when(intake.register(any())).thenReturn(TestPilots.registered(registration));

    postJson(body(Registrations.asJson(registration))).andExpect(status().isCreated());

    ArgumentCaptor<PilotRegistration> passed = ArgumentCaptor.forClass(PilotRegistration.class);
    verify(intake).register(passed.capture());
    assertThat(passed.getValue()).isEqualTo(registration);
  }

  @Test
  void anInvalidRegistrationIs400ProblemWithEachBadFieldInErrors() throws Exception {
    when(intake.register(any())).thenThrow(new InvalidPilotException(List.of(
        new FieldProblem("key", "must be 3 to 32 upper-case letters, digits or dashes, starting with a letter"),
        new FieldProblem("name", "must not be blank"))));

    postJson(body(Registrations.asJson(Registrations.lowRisk("CLAIMS-9", Framework.FIVE_PHASE))))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid pilot registration"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").value("The registration has 2 invalid field(s)."))
        .andExpect(jsonPath("$.instance").value("/api/pilots"))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[0].field").value("key"))
        .andExpect(jsonPath("$.errors[0].message")
            .value("must be 3 to 32 upper-case letters, digits or dashes, starting with a letter"))
        .andExpect(jsonPath("$.errors[1].field").value("name"))
        .andExpect(jsonPath("$.errors[1].message").value("must not be blank"));
  }

  @Test
  void aDuplicateKeyIs409Problem() throws Exception {
    when(intake.register(any())).thenThrow(new DuplicatePilotException("CLAIMS-1",
        new IllegalStateException("unique constraint UK_PILOT_KEY violated")));

    postJson(body(Registrations.asJson(Registrations.lowRisk("CLAIMS-1", Framework.FIVE_PHASE))))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Pilot already registered"))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value("A pilot with key CLAIMS-1 is already registered"))
        .andExpect(content().string(not(containsString("UK_PILOT_KEY"))));
  }

  @Test
  void anUnknownJsonFieldIs400NamingIt() throws Exception {
    Map<String, Object> registration = Registrations.asJson(Registrations.lowRisk("CLAIMS-10", Framework.FIVE_PHASE));
    registration.put("colour", "blue");

    postJson(body(registration))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").value("Unknown field colour"))
        .andExpect(jsonPath("$.errors[0].field").value("colour"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
    verifyNoInteractions(intake);
  }

  @Test
  void malformedJsonIs400WithoutParserDetails() throws Exception {
    postJson("{\"key\": \"CLAIMS-11\", \"name\": ")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Malformed request body"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").value("The body is not valid JSON of the expected shape."))
        .andExpect(content().string(not(containsString("line:"))))
        .andExpect(content().string(not(containsString("JsonEOFException"))));
    verifyNoInteractions(intake);
  }

  @Test
  void anEmptyBodyIs400() throws Exception {
    postJson("")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
    verifyNoInteractions(intake);
  }

  @Test
  void aWrongEnumValueIs400ListingTheAllowedValues() throws Exception {
    Map<String, Object> registration = Registrations.asJson(Registrations.lowRisk("CLAIMS-12", Framework.FIVE_PHASE));
    registration.put("framework", "THREE_PHASE");

    postJson(body(registration))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").value("framework must be one of FIVE_PHASE, FOUR_STAGE"))
        .andExpect(jsonPath("$.errors[0].field").value("framework"))
        .andExpect(jsonPath("$.errors[0].message").value("must be one of FIVE_PHASE, FOUR_STAGE"));
    verifyNoInteractions(intake);
  }

  @Test
  void aWrongAutonomyIs400ListingItsAllowedValues() throws Exception {
    Map<String, Object> registration = Registrations.asJson(Registrations.lowRisk("CLAIMS-13", Framework.FIVE_PHASE));
    registration.put("autonomy", "FULL");

    postJson(body(registration))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("autonomy"))
        .andExpect(jsonPath("$.errors[0].message").value("must be one of ADVISORY, HUMAN_APPROVED, AUTONOMOUS"));
  }

  @Test
  void aValueOfTheWrongTypeIs400NamingTheField() throws Exception {
    Map<String, Object> registration = Registrations.asJson(Registrations.lowRisk("CLAIMS-14", Framework.FIVE_PHASE));
    registration.put("pilotCost", "a lot");

    postJson(body(registration))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("pilotCost"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a BigDecimal"));
    verifyNoInteractions(intake);
  }

  @Test
  void anUnexpectedFailureOfTheIntakeIs500WithAGenericDetail() throws Exception {
    when(intake.register(any())).thenThrow(new RuntimeException("connection to db-prod-3 refused"));

    postJson(body(Registrations.asJson(Registrations.lowRisk("CLAIMS-15", Framework.FIVE_PHASE))))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Internal error"))
        .andExpect(jsonPath("$.detail")
            .value("The request failed on the server; nothing was changed. The log has the details."))
        .andExpect(content().string(not(containsString("db-prod-3"))));
  }
}
