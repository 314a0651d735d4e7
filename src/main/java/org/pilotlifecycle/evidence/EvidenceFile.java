package org.pilotlifecycle.evidence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of one evidence file of a pilot's phase or stage: what it is, never its bytes. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pilot_id", nullable = false, updatable = false)
  private Long pilotId;

  @Column(nullable = false, updatable = false, length = 64)
  private String step;

  @Column(name = "task_id", updatable = false, length = 64)
  private String taskId;

  @Column(name = "task_name", updatable = false, length = 255)
  private String taskName;

  @Column(nullable = false, updatable = false, length = 200)
  private String name;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(name = "media_type", nullable = false, updatable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  protected EvidenceFile() {
  }

  EvidenceFile(Long pilotId, String step, String taskId, String taskName, String name, int version, String mediaType,
      long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    this.pilotId = pilotId;
    this.step = step;
    this.taskId = taskId;
    this.taskName = taskName;
    this.name = name;
    this.version = version;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  public Long getId() { return id; }
  public Long getPilotId() { return pilotId; }
  public String getStep() { return step; }
  public String getTaskId() { return taskId; }
  public String getTaskName() { return taskName; }
  public String getName() { return name; }
  public int getVersion() { return version; }
  public String getMediaType() { return mediaType; }
  public long getSizeBytes() { return sizeBytes; }
  public String getSha256() { return sha256; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getUploadedAt() { return uploadedAt; }
}
