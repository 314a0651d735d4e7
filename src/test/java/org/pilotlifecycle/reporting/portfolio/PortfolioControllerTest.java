package org.pilotlifecycle.reporting.portfolio;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.PilotStatus;
import org.pilotlifecycle.pilot.StepCount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link PortfolioController} in a web slice: the portfolio service is a mock; no engine, no database, no security. */
@WebMvcTest(controllers = PortfolioController.class)
@AutoConfigureMockMvc(addFilters = false)
class PortfolioControllerTest {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  PortfolioService portfolioService;

  @MockitoBean
  RootCauseDistribution rootCauseDistribution;

  private static Portfolio portfolio(String businessUnit) {
    return new Portfolio(businessUnit, null, 2,
        List.of(new StepCount(Framework.FIVE_PHASE, "DATA_READINESS", PilotStatus.ACTIVE, 1)),
        List.of(new Portfolio.StepTime(Framework.FIVE_PHASE, "INTAKE", 2, 3.5, 6.0)),
        List.of(new Portfolio.TimeToProduction("CLAIMS-1", Framework.FIVE_PHASE, Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-07-01T00:00:00Z"), 181.0)),
        new Portfolio.Trend(1, 181.0, 181.0, null, false),
        new Portfolio.Maturity("L2", "Repeatable pilots", List.of("1 pilot in production")),
        List.of(new Portfolio.Kpi("CLAIMS-1", "EFFICIENCY", "Processing time", "minutes", new BigDecimal("30"),
            new BigDecimal("18"), null)),
        new Portfolio.Production(1, 0, 0, new BigDecimal("420000"), new BigDecimal("210000.00"), 1, 1, 0, 0, 2, 1,
            List.of(new Portfolio.PilotValue("CLAIMS-1", "Claims triage", "Claims", Framework.FIVE_PHASE,
                PilotStatus.IN_PRODUCTION, Instant.parse("2025-07-01T00:00:00Z"), null, new BigDecimal("420000"),
                new BigDecimal("210000.00"), 50.0, "DAY_30", Instant.parse("2025-07-31T00:00:00Z"), true,
                Instant.parse("2026-07-01T00:00:00Z"), Portfolio.Recertification.ON_SCHEDULE, 2, 1)),
            List.of(new Portfolio.BusinessUnitValue("Claims", 1, new BigDecimal("420000"), new BigDecimal("210000.00"),
                0, 0, 1))));
  }

  @Test
  void portfolioOfAllBusinessUnits() throws Exception {
    when(portfolioService.portfolio(null, null)).thenReturn(portfolio(null));

    mvc.perform(get("/api/portfolio"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.pilots").value(2))
        // non_null: no business unit when the whole portfolio is shown, no change percent without a trend
        .andExpect(jsonPath("$.businessUnit").doesNotExist())
        .andExpect(jsonPath("$.timeToProductionTrend.changePercent").doesNotExist())
        .andExpect(jsonPath("$.timeToProductionTrend.shrinking").value(false))
        .andExpect(jsonPath("$.pilotsPerStep", hasSize(1)))
        .andExpect(jsonPath("$.pilotsPerStep[0].step").value("DATA_READINESS"))
        .andExpect(jsonPath("$.timeInStep[0].medianDays").value(3.5))
        .andExpect(jsonPath("$.timeToProduction[0].pilotKey").value("CLAIMS-1"))
        .andExpect(jsonPath("$.timeToProduction[0].inProductionAt").value("2025-07-01T00:00:00Z"))
        .andExpect(jsonPath("$.maturity.level").value("L2"))
        .andExpect(jsonPath("$.kpis[0].baseline").value(30))
        .andExpect(jsonPath("$.kpis[0].annualValue").doesNotExist())
        .andExpect(jsonPath("$.production.realisedValue").value(210000.00))
        .andExpect(jsonPath("$.production.pilots[0].recertification").value("ON_SCHEDULE"))
        .andExpect(jsonPath("$.production.pilots[0].retiredAt").doesNotExist())
        .andExpect(jsonPath("$.production.businessUnits[0].openSignals").value(1));
    verify(portfolioService).portfolio(null, null);
  }

  @Test
  void portfolioOfOneBusinessUnit() throws Exception {
    when(portfolioService.portfolio("Claims operations", null)).thenReturn(portfolio("Claims operations"));

    mvc.perform(get("/api/portfolio").param("businessUnit", "Claims operations"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.businessUnit").value("Claims operations"));
  }

  @Test
  void portfolioOfOneFramework() throws Exception {
    when(portfolioService.portfolio(null, Framework.FOUR_STAGE)).thenReturn(portfolio(null));

    mvc.perform(get("/api/portfolio").param("framework", "FOUR_STAGE")).andExpect(status().isOk());
    verify(portfolioService).portfolio(null, Framework.FOUR_STAGE);
  }

  @Test
  void anUnknownFrameworkIs400NamingTheParameter() throws Exception {
    mvc.perform(get("/api/portfolio").param("framework", "SIX_SIGMA"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("framework")));
    verifyNoInteractions(portfolioService);
  }

  @Test
  void aBusinessUnitLongerThanAHundredCharactersIs400WithErrors() throws Exception {
    mvc.perform(get("/api/portfolio").param("businessUnit", "x".repeat(101)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors[0].field").value("businessUnit"))
        .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 100"));
    verifyNoInteractions(portfolioService);
  }
}
