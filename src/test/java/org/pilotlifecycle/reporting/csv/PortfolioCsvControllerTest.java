package org.pilotlifecycle.reporting.csv;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link PortfolioCsvController} in a web slice: PortfolioCsv is a mock, so what is checked is the HTTP side —
 * content types, the attachment headers, 201 with the imported keys, the rejected import's problem.
 */
@WebMvcTest(controllers = PortfolioCsvController.class)
@AutoConfigureMockMvc(addFilters = false)
class PortfolioCsvControllerTest {

  private static final String CSV = "key,name\nCLAIMS-1,Claims triage\nCLAIMS-2,Claims routing\n";

  @Autowired
  MockMvc mvc;

  @MockitoBean
  PortfolioCsv csv;

  @Test
  void importOfTextCsvIs201WithTheImportedKeys() throws Exception {
    when(csv.importPilots(CSV)).thenReturn(List.of("CLAIMS-1", "CLAIMS-2"));

    mvc.perform(post("/api/pilots/import").contentType("text/csv").content(CSV))
        .andExpect(status().isCreated())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.keys", hasSize(2)))
        .andExpect(jsonPath("$.keys[0]").value("CLAIMS-1"))
        .andExpect(jsonPath("$.keys[1]").value("CLAIMS-2"));
    verify(csv).importPilots(CSV);
  }

  @Test
  void importAcceptsTextPlainToo() throws Exception {
    when(csv.importPilots(CSV)).thenReturn(List.of("CLAIMS-1", "CLAIMS-2"));

    mvc.perform(post("/api/pilots/import").contentType(MediaType.TEXT_PLAIN).content(CSV))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(2));
  }

  /**
   * 415 is decided while the handler is looked up, before any controller is chosen; ApiExceptionHandler is
   * scoped to the application's packages (basePackages), so it does not apply and the container's error page
   * (ProblemErrorController, not part of this slice) writes the problem. Here only the status is visible.
   */
  @Test
  void importOfJsonIs415() throws Exception {
    mvc.perform(post("/api/pilots/import").contentType(MediaType.APPLICATION_JSON).content("{\"key\":\"CLAIMS-1\"}"))
        .andExpect(status().isUnsupportedMediaType());
    verifyNoInteractions(csv);
  }

  @Test
  void aRejectedImportIs400ProblemWithRowColumnAndProblemPerError() throws Exception {
    when(csv.importPilots(CSV)).thenThrow(new CsvImportRejectedException(List.of(
        new CsvProblem(2, "key", "a pilot with this key is already registered"),
        new CsvProblem(3, "framework", "must be one of FIVE_PHASE, FOUR_STAGE"))));

    mvc.perform(post("/api/pilots/import").contentType("text/csv").content(CSV))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Import rejected"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").value("The file has 2 problem(s); nothing was imported"))
        .andExpect(jsonPath("$.instance").value("/api/pilots/import"))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[0].row").value(2))
        .andExpect(jsonPath("$.errors[0].column").value("key"))
        .andExpect(jsonPath("$.errors[0].problem").value("a pilot with this key is already registered"))
        .andExpect(jsonPath("$.errors[1].row").value(3))
        .andExpect(jsonPath("$.errors[1].column").value("framework"));
  }

  @Test
  void exportOfThePortfolioIsACsvAttachment() throws Exception {
    when(csv.exportPortfolio(null)).thenReturn("key,name\r\nCLAIMS-1,Claims triage\r\n");

    mvc.perform(get("/api/export/pilots.csv"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"pilots.csv\""))
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(content().string("key,name\r\nCLAIMS-1,Claims triage\r\n"));
    verify(csv).exportPortfolio(null);
  }

  @Test
  void exportOfThePortfolioOfOneBusinessUnitKeepsNonAsciiText() throws Exception {
    when(csv.exportPortfolio("Réclamations")).thenReturn("key,businessUnit\r\nCLAIMS-1,Réclamations\r\n");

    mvc.perform(get("/api/export/pilots.csv").param("businessUnit", "Réclamations").accept("text/csv"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(content().bytes("key,businessUnit\r\nCLAIMS-1,Réclamations\r\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void exportOfTheAuditTrailIsACsvAttachment() throws Exception {
    when(csv.exportAuditTrail("Claims operations")).thenReturn("pilotKey,type\r\nCLAIMS-1,REGISTERED\r\n");

    mvc.perform(get("/api/export/audit-trail.csv").param("businessUnit", "Claims operations"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-trail.csv\""))
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(content().string("pilotKey,type\r\nCLAIMS-1,REGISTERED\r\n"));
  }

  @Test
  void exportWithABusinessUnitLongerThanAHundredCharactersIs400Problem() throws Exception {
    mvc.perform(get("/api/export/pilots.csv").param("businessUnit", "x".repeat(101)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("businessUnit"))
        .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 100"));
    verifyNoInteractions(csv);
  }

  @Test
  void exportAskedForAsCsvStillAnswersAFailureAsProblem() throws Exception {
    mvc.perform(get("/api/export/audit-trail.csv").param("businessUnit", "x".repeat(101)).accept("text/csv"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("businessUnit"));
    verifyNoInteractions(csv);
  }
}
