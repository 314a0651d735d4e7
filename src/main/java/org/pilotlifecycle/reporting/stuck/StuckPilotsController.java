package org.pilotlifecycle.reporting.stuck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pilotlifecycle.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pilots")
class StuckPilotsController {

  private final StuckPilots stuckPilots;

  StuckPilotsController(StuckPilots stuckPilots) {
    this.stuckPilots = stuckPilots;
  }

  @GetMapping("/api/pilots/stuck")
  @Operation(summary = "Stuck pilots, longest stuck first: overdue phase or stage, failed check, gate waiting too long")
  PageView<StuckPilot> stuck(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return stuckPilots.page(page, size);
  }

  @GetMapping("/api/pilots/stuck/counts")
  @Operation(summary = "How many pilots the caller sees are stuck, per reason (every reason listed, 0 when none)")
  java.util.Map<StuckReason, Long> counts() {
    return stuckPilots.countByReason();
  }

  @GetMapping("/api/pilots/stuck/activities")
  @Operation(summary = "Where in one process definition's diagram pilots are stuck: per activity (BPMN element id) the"
      + " stuck pilots per reason and the longest stuck of them; pilots stuck in a called process at the call activity")
  StuckOnDiagram onDiagram(
      @RequestParam @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String processDefinitionId,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int listed) {
    return stuckPilots.onDiagram(processDefinitionId, listed);
  }
}
