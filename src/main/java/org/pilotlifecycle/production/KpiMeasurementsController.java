package org.pilotlifecycle.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Production operations")
class KpiMeasurementsController {

  /**
   * One KPI confirmed at a value checkpoint.
   *
   * @param kind BUSINESS, MODEL or RISK
   * @param target for the business KPI the success metric's target; for model and risk KPIs the configured limit
   */
  record Measurement(String checkpoint, KpiMeasurement.Kind kind, String kpi, String unit, BigDecimal measured,
      BigDecimal baseline, BigDecimal target, boolean belowTarget, String recordedBy, String confirmedBy,
      Instant measuredAt) {
  }

  private final RealisedValue realisedValue;
  private final PilotRegistry registry;
  private final Viewers viewers;

  KpiMeasurementsController(RealisedValue realisedValue, PilotRegistry registry, Viewers viewers) {
    this.realisedValue = realisedValue;
    this.registry = registry;
    this.viewers = viewers;
  }

  @GetMapping("/api/pilots/{key}/kpis")
  @Operation(summary = "Every KPI measured at the pilot's confirmed value checkpoints (business, model, risk), oldest "
      + "first; 404 for a pilot the caller does not see, as for an unknown key")
  List<Measurement> measurements(@PathVariable String key) {
    registry.get(key, viewers.current());
    return realisedValue.measurements(key).stream()
        .map(m -> new Measurement(m.getCheckpoint(), m.getKind(), m.getKpi(), m.getUnit(), m.getMeasured(),
            m.getBaseline(), m.getTarget(), m.isBelowTarget(), m.getRecordedBy(), m.getConfirmedBy(), m.getMeasuredAt()))
        .toList();
  }
}
