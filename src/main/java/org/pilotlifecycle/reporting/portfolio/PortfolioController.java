package org.pilotlifecycle.reporting.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.pilotlifecycle.framework.Framework;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Portfolio")
class PortfolioController {

  private final PortfolioService portfolio;
  private final RootCauseDistribution rootCauses;

  PortfolioController(PortfolioService portfolio, RootCauseDistribution rootCauses) {
    this.portfolio = portfolio;
    this.rootCauses = rootCauses;
  }

  @GetMapping("/api/portfolio")
  @Operation(summary = "Pilots per phase or stage, time in each, time to production and its trend, maturity level, KPIs, "
      + "and what the pilots in production deliver; of one business unit and one framework when given")
  Portfolio portfolio(@RequestParam(required = false) @Size(max = 100) String businessUnit,
      @RequestParam(required = false) Framework framework) {
    return portfolio.portfolio(businessUnit, framework);
  }

  @GetMapping("/api/portfolio/root-causes")
  @Operation(summary = "Where pilots die: the stopped and the retired pilots by the root cause their ending named, "
      + "in total, per business unit and per month, each pilot with how it ended (STOPPED or RETIRED)")
  RootCauses rootCauses(@RequestParam(required = false) @Size(max = 100) String businessUnit) {
    return rootCauses.of(businessUnit);
  }
}
