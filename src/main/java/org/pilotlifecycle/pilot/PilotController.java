package org.pilotlifecycle.pilot;

import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.web.PageView;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/pilots")
@Tag(name = "Pilots", description = "The pilot registry")
class PilotController {

  private final PilotRegistry registry;
  private final CheckOutcomes checkOutcomes;
  private final Viewers viewers;

  PilotController(PilotRegistry registry, CheckOutcomes checkOutcomes, Viewers viewers) {
    this.registry = registry;
    this.checkOutcomes = checkOutcomes;
    this.viewers = viewers;
  }

  /** The steps a pilot can be at: intake, every phase and stage of the step catalogue, production. */
  static final java.util.List<String> KNOWN_STEPS = java.util.stream.Stream.concat(
      java.util.stream.Stream.of(Pilot.INTAKE),
      java.util.stream.Stream.concat(java.util.Arrays.stream(org.pilotlifecycle.framework.Step.values()).map(Enum::name),
          java.util.stream.Stream.of(Pilot.IN_PRODUCTION))).toList();

  @GetMapping
  @Operation(summary = "List the pilots the caller sees, newest first, optionally by status, framework, current phase "
      + "or stage, and business unit")
  PageView<PilotView> list(@RequestParam(required = false) PilotStatus status,
      @RequestParam(required = false) Framework framework,
      @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = "[A-Z_]*") String step,
      @RequestParam(required = false) @Size(max = 100) String businessUnit,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    if (step != null && !step.isEmpty() && !KNOWN_STEPS.contains(step)) {
      throw org.pilotlifecycle.web.InvalidFieldsException.of("step", "must be one of " + KNOWN_STEPS);
    }
    Page<Pilot> pilots = registry.list(status, framework, step, businessUnit, viewers.current(),
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.asc("key"))));
    return PageView.of(pilots.map(PilotView::of));
  }

  @GetMapping("/business-units")
  @Operation(summary = "The business units of the pilots the caller sees, sorted")
  List<String> businessUnits() {
    return registry.businessUnits(viewers.current());
  }

  @GetMapping("/counts")
  @Operation(summary = "The pilots the caller sees, per framework, phase or stage, and status")
  List<StepCount> counts() {
    return registry.countByStep(viewers.current());
  }

  @GetMapping("/{key}")
  @Operation(summary = "One pilot by its key, with the latest outcome of each readiness check; 404 for a pilot the "
      + "caller does not see, as for an unknown key")
  PilotView get(@PathVariable String key) {
    Pilot pilot = registry.get(key, viewers.current());
    return PilotView.of(pilot, checkOutcomes.latestOf(pilot));
  }
}
