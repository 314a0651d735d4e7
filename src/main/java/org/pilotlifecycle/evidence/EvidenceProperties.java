package org.pilotlifecycle.evidence;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of evidence files ({@code pilot.evidence.*}).
 *
 * @param maxSize the largest file accepted (default 25MB; a larger one is a 413 problem). Multipart requests up to
 *     this plus 1 MB reach the application ({@code spring.servlet.multipart.*} in application.yaml)
 * @param allowedTypes the media types accepted, as detected from the content (default: PDF, Word, Excel,
 *     PowerPoint, OpenDocument, PNG, JPEG, GIF, CSV, plain text; another is a 415 problem)
 */
@ConfigurationProperties("pilot.evidence")
public record EvidenceProperties(DataSize maxSize, List<String> allowedTypes) {

  static final List<String> DEFAULT_TYPES = List.of("application/pdf", "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
      "application/vnd.oasis.opendocument.presentation", "image/png", "image/jpeg", "image/gif", "text/csv",
      "text/plain");

  public EvidenceProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
    if (maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException("pilot.evidence.max-size must be positive");
    }
    allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_TYPES : List.copyOf(allowedTypes);
  }
}
