package org.pilotlifecycle.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.web.PageView;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A pilot's audit trail over HTTP; 404 problem for an unknown pilot and for one the caller does not see. */
@RestController
@Tag(name = "Pilots")
class AuditTrailController {

  private final PilotAuditTrail auditTrail;
  private final Viewers viewers;

  AuditTrailController(PilotAuditTrail auditTrail, Viewers viewers) {
    this.auditTrail = auditTrail;
    this.viewers = viewers;
  }

  @GetMapping("/api/pilots/{key}/history")
  @Operation(summary = "The pilot's audit trail, oldest first: phases, deliverables, checks, gate decisions, escalations")
  PageView<AuditEntryView> history(@PathVariable String key,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    return PageView.of(auditTrail.history(key, viewers.current(), PageRequest.of(page, size)).map(AuditEntryView::of));
  }

  @GetMapping("/api/pilots/{key}/history/verify")
  @Operation(summary = "Whether the pilot's audit trail is intact (each entry's SHA-256 over its content and the entry "
      + "before it), with the chain's head, or the first entry where it breaks")
  AuditChainVerification verify(@PathVariable String key) {
    return auditTrail.verify(key, viewers.current());
  }
}
