package org.pilotlifecycle.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Evidence")
class EvidenceController {

  private final EvidenceFiles evidence;

  EvidenceController(EvidenceFiles evidence) {
    this.evidence = evidence;
  }

  @PostMapping(path = "/api/pilots/{key}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Attach a file (multipart field 'file') to the pilot's current phase or stage through one of its "
      + "open tasks you hold ('taskId'); a name already there becomes its next version. 201 with the version; 413 "
      + "above the size limit, 415 for a type not allowed (detected from the content), 404 for a pilot you do not see")
  ResponseEntity<EvidenceView> upload(@PathVariable String key, @RequestParam("taskId") @Size(max = 64) String taskId,
      @RequestParam("file") MultipartFile file) throws IOException {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(evidence.upload(key, taskId, file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping("/api/pilots/{key}/evidence")
  @Operation(summary = "Every version of the pilot's evidence files, of one phase or stage when given: name, version, "
      + "SHA-256, size, detected type, who uploaded it and when, its download URL")
  List<EvidenceView> list(@PathVariable String key,
      @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = "[A-Z_]*") String step) {
    return evidence.list(key, step);
  }

  @GetMapping("/api/pilots/{key}/evidence/{id}")
  @Operation(summary = "One version's bytes, as an attachment with its detected type")
  ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable long id) {
    EvidenceFiles.Download download = evidence.download(key, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.file().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(download.file().name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(download.content());
  }
}
