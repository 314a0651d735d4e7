package org.pilotlifecycle.reporting.stuck;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.web.PageView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link StuckPilotsController} in a web slice: StuckPilots is a mock; no engine, no database, no security. Also
 * shows that /api/pilots/stuck is its own route, not a pilot key (PilotController is not in this slice).
 */
@WebMvcTest(controllers = StuckPilotsController.class)
@AutoConfigureMockMvc(addFilters = false)
class StuckPilotsControllerTest {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  StuckPilots stuckPilots;

  @Test
  void stuckReturnsAPageOfStuckPilotsWithDefaultPaging() throws Exception {
    StuckPilot stuck = new StuckPilot("CLAIMS-1", "Claims triage assistant", Framework.FIVE_PHASE, "DATA_READINESS",
        StuckReason.GATE_WAITING, "Approve data readiness", List.of("steering-committee"),
        Instant.parse("2025-03-01T09:00:00Z"), 864000, "PT240H", "process-1", null);
    when(stuckPilots.page(0, 20)).thenReturn(new PageView<>(List.of(stuck), 0, 20, 1, 1));

    mvc.perform(get("/api/pilots/stuck"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.content", hasSize(1)))
        .andExpect(jsonPath("$.content[0].pilotKey").value("CLAIMS-1"))
        .andExpect(jsonPath("$.content[0].reason").value("GATE_WAITING"))
        .andExpect(jsonPath("$.content[0].waitingFor[0]").value("steering-committee"))
        .andExpect(jsonPath("$.content[0].since").value("2025-03-01T09:00:00Z"))
        .andExpect(jsonPath("$.content[0].overdueSeconds").value(864000))
        .andExpect(jsonPath("$.content[0].overdueBy").value("PT240H"))
        .andExpect(jsonPath("$.content[0].detail").doesNotExist())
        .andExpect(jsonPath("$.totalElements").value(1));
    verify(stuckPilots).page(0, 20);
  }

  @Test
  void eachStuckPilotNamesTheElementTheDefinitionAndTheInstanceItWaitsIn() throws Exception {
    StuckPilot stuck = new StuckPilot("CLAIMS-2", "Claims triage", Framework.FIVE_PHASE, "OUTCOME_DEFINITION",
        StuckReason.STEP_OVERDUE, "Define success metric and baseline", List.of("ai-product-owner"),
        Instant.parse("2025-03-01T09:00:00Z"), 3600, "PT1H", "framework-instance-1", null,
        "Task_DefineSuccessMetric", "FivePhaseOperationalization:2:abc", "FivePhaseOperationalization");
    when(stuckPilots.page(0, 20)).thenReturn(new PageView<>(List.of(stuck), 0, 20, 1, 1));

    mvc.perform(get("/api/pilots/stuck"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].waitingActivity").value("Define success metric and baseline"))
        .andExpect(jsonPath("$.content[0].processInstanceId").value("framework-instance-1"))
        .andExpect(jsonPath("$.content[0].activityId").value("Task_DefineSuccessMetric"))
        .andExpect(jsonPath("$.content[0].processDefinitionId").value("FivePhaseOperationalization:2:abc"))
        .andExpect(jsonPath("$.content[0].processDefinitionKey").value("FivePhaseOperationalization"));
  }

  @Test
  void stuckOnADiagramGivesTheCountsPerActivityAndReasonAndTheLongestStuck() throws Exception {
    StuckPilot stuck = new StuckPilot("CLAIMS-3", "<b>Claims</b>", Framework.FIVE_PHASE, "OUTCOME_DEFINITION",
        StuckReason.STEP_OVERDUE, "Define success metric and baseline", List.of("ai-product-owner"),
        Instant.parse("2025-03-01T09:00:00Z"), 3600, "PT1H", "framework-instance-1", null,
        "Task_DefineSuccessMetric", "FivePhaseOperationalization:2:abc", "FivePhaseOperationalization");
    StuckOnDiagram diagram = StuckOnDiagram.of("FivePhaseOperationalization:2:abc", "FivePhaseOperationalization", 2,
        java.util.Map.of("Task_DefineSuccessMetric", List.of(stuck, stuck)), id -> "Define success metric", 1);
    when(stuckPilots.onDiagram("FivePhaseOperationalization:2:abc", 20)).thenReturn(diagram);

    mvc.perform(get("/api/pilots/stuck/activities").param("processDefinitionId", "FivePhaseOperationalization:2:abc"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.processDefinitionKey").value("FivePhaseOperationalization"))
        .andExpect(jsonPath("$.processDefinitionVersion").value(2))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.activities", hasSize(1)))
        .andExpect(jsonPath("$.activities[0].activityId").value("Task_DefineSuccessMetric"))
        .andExpect(jsonPath("$.activities[0].activityName").value("Define success metric"))
        .andExpect(jsonPath("$.activities[0].total").value(2))
        .andExpect(jsonPath("$.activities[0].counts.STEP_OVERDUE").value(2))
        .andExpect(jsonPath("$.activities[0].counts.CHECK_INCIDENT").value(0))
        .andExpect(jsonPath("$.activities[0].counts.GATE_WAITING").value(0))
        .andExpect(jsonPath("$.activities[0].pilots", hasSize(1)))
        .andExpect(jsonPath("$.activities[0].pilots[0].name").value("<b>Claims</b>"))
        .andExpect(jsonPath("$.activities[0].pilots[0].processInstanceId").value("framework-instance-1"));
  }

  @Test
  void stuckOnADiagramPassesHowManyToList() throws Exception {
    when(stuckPilots.onDiagram("PilotIntake:1:x", 5))
        .thenReturn(StuckOnDiagram.of("PilotIntake:1:x", "PilotIntake", 1, java.util.Map.of(), id -> id, 5));

    mvc.perform(get("/api/pilots/stuck/activities").param("processDefinitionId", "PilotIntake:1:x").param("listed", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0))
        .andExpect(jsonPath("$.activities", hasSize(0)));
    verify(stuckPilots).onDiagram("PilotIntake:1:x", 5);
  }

  @Test
  void stuckOnADiagramWithoutADefinitionIs400() throws Exception {
    mvc.perform(get("/api/pilots/stuck/activities"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
    verifyNoInteractions(stuckPilots);
  }

  @Test
  void stuckOnADiagramWithAMalformedDefinitionIdOrListedOutOfRangeIs400WithErrors() throws Exception {
    for (String bad : new String[] {"", " ", "a'b", "<script>", "x".repeat(65), "a/b", "a%00b"}) {
      mvc.perform(get("/api/pilots/stuck/activities").param("processDefinitionId", bad))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.status").value(400));
    }
    mvc.perform(get("/api/pilots/stuck/activities").param("processDefinitionId", "PilotIntake:1:x")
            .param("listed", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("listed"));
    mvc.perform(get("/api/pilots/stuck/activities").param("processDefinitionId", "PilotIntake:1:x")
            .param("listed", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(stuckPilots);
  }

  @Test
  void stuckOnAnUnknownDefinitionIs404() throws Exception {
    when(stuckPilots.onDiagram("Nope:1:x", 20)).thenThrow(new ProcessDefinitionNotFoundException("Nope:1:x"));

    mvc.perform(get("/api/pilots/stuck/activities").param("processDefinitionId", "Nope:1:x"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("No process definition with id Nope:1:x"));
  }

  @Test
  void stuckPassesPageAndSize() throws Exception {
    when(stuckPilots.page(2, 50)).thenReturn(new PageView<>(List.of(), 2, 50, 0, 0));

    mvc.perform(get("/api/pilots/stuck").param("page", "2").param("size", "50"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content", hasSize(0)))
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(50));
    verify(stuckPilots).page(2, 50);
  }

  @Test
  void stuckWithASizeOutOfRangeIs400WithErrors() throws Exception {
    mvc.perform(get("/api/pilots/stuck").param("size", "500"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 200"));
    verifyNoInteractions(stuckPilots);
  }

  @Test
  void stuckWithANegativePageIs400WithErrors() throws Exception {
    mvc.perform(get("/api/pilots/stuck").param("page", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"))
        .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 0"));
    verifyNoInteractions(stuckPilots);
  }

  @Test
  void anEngineAuthorizationFailureWhileLookingForStuckPilotsIs403() throws Exception {
    when(stuckPilots.page(0, 20)).thenThrow(new AuthorizationException("paul", "READ", "Task", null));

    mvc.perform(get("/api/pilots/stuck"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Forbidden"))
        .andExpect(jsonPath("$.status").value(403));
  }
}
