package org.pilotlifecycle.reporting.csv;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Portfolio")
class PortfolioCsvController {

  static final String TEXT_CSV = "text/csv";

  private final PortfolioCsv csv;

  PortfolioCsvController(PortfolioCsv csv) {
    this.csv = csv;
  }

  @PostMapping(path = "/api/pilots/import", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Import pilots from CSV: all rows or none; each bad row reported with row, column and problem "
      + "(bodies up to 1 MB, as everywhere in the API)")
  ResponseEntity<Map<String, Object>> importPilots(@RequestBody String body) {
    List<String> keys = csv.importPilots(body);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", keys.size(), "keys", keys));
  }

  @GetMapping(path = "/api/export/pilots.csv", produces = TEXT_CSV)
  @Operation(summary = "The portfolio as CSV (the import's columns first)")
  ResponseEntity<String> exportPilots(@RequestParam(required = false) @Size(max = 100) String businessUnit) {
    return attachment("pilots.csv", csv.exportPortfolio(businessUnit));
  }

  @GetMapping(path = "/api/export/audit-trail.csv", produces = TEXT_CSV)
  @Operation(summary = "The audit trail of the portfolio's pilots as CSV")
  ResponseEntity<String> exportAuditTrail(@RequestParam(required = false) @Size(max = 100) String businessUnit) {
    return attachment("audit-trail.csv", csv.exportAuditTrail(businessUnit));
  }

  private static ResponseEntity<String> attachment(String name, String body) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
        .body(body);
  }
}
