package org.pilotlifecycle.production;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One KPI of a pilot measured at a value checkpoint and confirmed by its executive owner. */
@Entity
@Table(name = "kpi_measurement")
public class KpiMeasurement {

  /** What a KPI measures: the business outcome, the model, or the risk. */
  public enum Kind { BUSINESS, MODEL, RISK }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pilot_key", nullable = false, length = 32)
  private String pilotKey;

  @Column(nullable = false, length = 16)
  private String checkpoint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

  @Column(nullable = false, length = 200)
  private String kpi;

  @Column(length = 50)
  private String unit;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal measured;

  @Column(precision = 19, scale = 4)
  private BigDecimal baseline;

  @Column(precision = 19, scale = 4)
  private BigDecimal target;

  @Column(name = "below_target", nullable = false)
  private boolean belowTarget;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "confirmed_by", nullable = false, length = 64)
  private String confirmedBy;

  @Column(name = "measured_at", nullable = false)
  private Instant measuredAt;

  protected KpiMeasurement() {
  }

  KpiMeasurement(String pilotKey, String checkpoint, KpiReading reading, String recordedBy, String confirmedBy,
      Instant measuredAt) {
    this.pilotKey = pilotKey;
    this.checkpoint = checkpoint;
    this.kind = reading.kind();
    this.kpi = reading.kpi();
    this.unit = reading.unit();
    this.measured = reading.measured();
    this.baseline = reading.baseline();
    this.target = reading.target();
    this.belowTarget = reading.belowTarget();
    this.recordedBy = recordedBy;
    this.confirmedBy = confirmedBy;
    this.measuredAt = measuredAt;
  }

  public String getPilotKey() { return pilotKey; }
  public String getCheckpoint() { return checkpoint; }
  public Kind getKind() { return kind; }
  public String getKpi() { return kpi; }
  public String getUnit() { return unit; }
  public BigDecimal getMeasured() { return measured; }
  public BigDecimal getBaseline() { return baseline; }
  public BigDecimal getTarget() { return target; }
  public boolean isBelowTarget() { return belowTarget; }
  public String getRecordedBy() { return recordedBy; }
  public String getConfirmedBy() { return confirmedBy; }
  public Instant getMeasuredAt() { return measuredAt; }
}
