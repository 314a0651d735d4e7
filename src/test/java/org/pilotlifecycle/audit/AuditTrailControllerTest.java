package org.pilotlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.pilotlifecycle.pilot.PilotNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** {@link AuditTrailController} in a web slice: the audit trail is a mock; no engine, no database, no security. */
@WebMvcTest(controllers = AuditTrailController.class)
@AutoConfigureMockMvc(addFilters = false)
class AuditTrailControllerTest {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  PilotAuditTrail auditTrail;

  @MockitoBean
  org.pilotlifecycle.pilot.Viewers viewers;

  /** The caller, as the Viewers port tells it: the controller reads the trail as them. */
  static final org.pilotlifecycle.pilot.Viewer VIEWER =
      new org.pilotlifecycle.pilot.Viewer("olivia", java.util.Set.of("olivia"), false);

  @org.junit.jupiter.api.BeforeEach
  void caller() {
    when(viewers.current()).thenReturn(VIEWER);
  }

  private static AuditEntry entry(long id, AuditRecord record, String detailsJson) {
    AuditEntry entry = new AuditEntry(7L, Instant.parse("2025-03-02T10:15:00Z"), record, detailsJson);
    ReflectionTestUtils.setField(entry, "id", id);
    return entry;
  }

  @Test
  void historyReturnsThePilotsEntriesWithDetailsAsRawJson() throws Exception {
    AuditEntry check = entry(11, AuditRecord.of(AuditEntryType.REGISTERED, "INTAKE").actor("paul"),
        "{\"riskTier\":\"LOW\",\"inputs\":[1,2]}");
    when(auditTrail.history(eq("CLAIMS-1"), eq(VIEWER), any())).thenReturn(new PageImpl<>(List.of(check), PageRequest.of(0, 100), 1));

    mvc.perform(get("/api/pilots/CLAIMS-1/history"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.content", hasSize(1)))
        .andExpect(jsonPath("$.content[0].id").value(11))
        .andExpect(jsonPath("$.content[0].occurredAt").value("2025-03-02T10:15:00Z"))
        .andExpect(jsonPath("$.content[0].type").value("REGISTERED"))
        .andExpect(jsonPath("$.content[0].step").value("INTAKE"))
        .andExpect(jsonPath("$.content[0].actor").value("paul"))
        // @JsonRawValue: an object, not a string holding JSON
        .andExpect(jsonPath("$.content[0].details.riskTier").value("LOW"))
        .andExpect(jsonPath("$.content[0].details.inputs", hasSize(2)))
        // non_null: absent fields are left out
        .andExpect(jsonPath("$.content[0].outcome").doesNotExist())
        .andExpect(jsonPath("$.content[0].reason").doesNotExist())
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(100))
        .andExpect(jsonPath("$.totalElements").value(1));
  }

  @Test
  void historyLeavesOutDetailsWhenThereAreNone() throws Exception {
    AuditEntry started = entry(12, AuditRecord.of(AuditEntryType.STEP_STARTED, "DATA_READINESS"), null);
    when(auditTrail.history(eq("CLAIMS-1"), eq(VIEWER), any())).thenReturn(new PageImpl<>(List.of(started), PageRequest.of(0, 100), 1));

    mvc.perform(get("/api/pilots/CLAIMS-1/history"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].type").value("STEP_STARTED"))
        .andExpect(jsonPath("$.content[0].details").doesNotExist());
  }

  @Test
  void historyDefaultsToTheFirstPageOfAHundredAndPassesPaging() throws Exception {
    when(auditTrail.history(any(), eq(VIEWER), any())).thenReturn(new PageImpl<>(List.of(), PageRequest.of(3, 50), 0));

    mvc.perform(get("/api/pilots/CLAIMS-1/history").param("page", "3").param("size", "50"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(3))
        .andExpect(jsonPath("$.size").value(50));

    ArgumentCaptor<Pageable> pageable = ArgumentCaptor.forClass(Pageable.class);
    verify(auditTrail).history(eq("CLAIMS-1"), eq(VIEWER), pageable.capture());
    assertThat(pageable.getValue().getPageNumber()).isEqualTo(3);
    assertThat(pageable.getValue().getPageSize()).isEqualTo(50);
  }

  @Test
  void historyOfAnUnknownPilotIs404Problem() throws Exception {
    when(auditTrail.history(eq("NOPE-1"), eq(VIEWER), any())).thenThrow(new PilotNotFoundException("NOPE-1"));

    mvc.perform(get("/api/pilots/NOPE-1/history"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Pilot not found"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("No pilot with key NOPE-1"))
        .andExpect(jsonPath("$.instance").value("/api/pilots/NOPE-1/history"));
  }

  @Test
  void historyWithASizeAboveFiveHundredIs400WithErrors() throws Exception {
    mvc.perform(get("/api/pilots/CLAIMS-1/history").param("size", "501"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("size"))
        .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 500"));
    verifyNoInteractions(auditTrail);
  }

  @Test
  void historyWithAPageAboveTheMaximumIs400WithErrors() throws Exception {
    mvc.perform(get("/api/pilots/CLAIMS-1/history").param("page", "100001"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"))
        .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 100000"));
    verifyNoInteractions(auditTrail);
  }
}
