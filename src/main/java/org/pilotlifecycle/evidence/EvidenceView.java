package org.pilotlifecycle.evidence;

import java.time.Instant;

/**
 * One version of an evidence file as the API lists it.
 *
 * @param step the phase or stage it is evidence of
 * @param sizeBytes its size in bytes; {@code sha256} the SHA-256 of its bytes, 64 hex digits
 * @param mediaType as detected from its content
 * @param downloadUrl where its bytes are, relative to the application
 */
public record EvidenceView(long id, String pilotKey, String step, String name, int version, String mediaType,
    long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt, String taskId, String taskName,
    String downloadUrl) {

  static EvidenceView of(String pilotKey, EvidenceFile file) {
    return new EvidenceView(file.getId(), pilotKey, file.getStep(), file.getName(), file.getVersion(),
        file.getMediaType(), file.getSizeBytes(), file.getSha256(), file.getUploadedBy(), file.getUploadedAt(),
        file.getTaskId(), file.getTaskName(), "/api/pilots/" + pilotKey + "/evidence/" + file.getId());
  }
}
