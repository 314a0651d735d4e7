package org.pilotlifecycle.reporting.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Portfolio")
class DossierController {

  private final AuditDossier dossier;

  DossierController(AuditDossier dossier) {
    this.dossier = dossier;
  }

  @GetMapping("/api/pilots/{key}/dossier.pdf")
  @Operation(summary = "The pilot's audit dossier (PDF): people, risk tier and its classification, every phase or stage "
      + "with deliverables, checks and gates, decisions, production operations, and the audit chain's head; 404 for a "
      + "pilot the caller does not see")
  ResponseEntity<byte[]> pilot(@PathVariable String key) {
    return pdf(dossier.ofPilot(key), "dossier-" + key + ".pdf");
  }

  @GetMapping("/api/portfolio/dossier.pdf")
  @Operation(summary = "The portfolio dossier of one business unit (PDF) for the steering committee: a summary, then a "
      + "page per pilot; 409 above 500 pilots")
  ResponseEntity<byte[]> portfolio(@RequestParam(required = false) @Size(max = 100) String businessUnit) {
    return pdf(dossier.ofPortfolio(businessUnit), "portfolio-dossier.pdf");
  }

  private static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName.replaceAll("[^A-Za-z0-9._-]", "_")).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
