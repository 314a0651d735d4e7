package org.pilotlifecycle.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of one evidence file version, read only to download it. */
@Entity
@Table(name = "evidence_content")
class EvidenceContent {

  @Id
  @Column(name = "file_id")
  private Long fileId;

  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  protected EvidenceContent() {
  }

  EvidenceContent(Long fileId, byte[] content) {
    this.fileId = fileId;
    this.content = content;
  }

  byte[] getContent() {
    return content;
  }
}
