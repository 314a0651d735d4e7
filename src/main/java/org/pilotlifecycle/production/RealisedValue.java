package org.pilotlifecycle.production;

import static org.pilotlifecycle.production.ProductionOperationsProcess.Variables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pilotlifecycle.lifecycle.ProcessVariables;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.SuccessMetric;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benefits realisation: the KPIs recorded at a value checkpoint, read from the form and checked (every bad value
 * named at once), flagged when they miss their targets, and stored once the executive owner confirms them.
 */
@Service
public class RealisedValue {

  private static final BigDecimal MAX = new BigDecimal("999999999999");

  private final KpiMeasurementRepository measurements;
  private final ProductionProperties properties;
  private final Clock clock;

  RealisedValue(KpiMeasurementRepository measurements, ProductionProperties properties, Clock clock) {
    this.measurements = measurements;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The KPIs of the form: the business KPI against the pilot's success metric (or, for a pilot without one, the KPI,
   * baseline and target the form names), the model and the risk KPIs against the configured targets.
   *
   * @throws InvalidFieldsException naming every missing or bad value (400, the task stays open)
   */
  public List<KpiReading> read(ProcessVariables form, Pilot pilot) {
    List<FieldProblem> problems = new ArrayList<>();
    SuccessMetric metric = pilot.getSuccessMetric();
    String kpi;
    String unit;
    BigDecimal baseline;
    BigDecimal target;
    if (metric != null && metric.target() != null) {
      kpi = metric.name();
      unit = metric.unit();
      baseline = metric.baseline();
      target = metric.target();
    } else {
      kpi = form.text(BUSINESS_KPI_NAME) == null ? "" : form.text(BUSINESS_KPI_NAME).strip();
      if (kpi.isEmpty() || kpi.length() > 200) {
        problems.add(new FieldProblem(BUSINESS_KPI_NAME, "name the business KPI (at most 200 characters): the pilot has no success metric"));
      }
      unit = null;
      baseline = number(form, BUSINESS_KPI_BASELINE, null, problems);
      target = number(form, BUSINESS_KPI_TARGET, null, problems);
    }
    BigDecimal measured = number(form, BUSINESS_KPI_MEASURED, null, problems);
    BigDecimal accuracy = number(form, MODEL_ACCURACY_PERCENT, new BigDecimal("100"), problems);
    BigDecimal drift = number(form, MODEL_DRIFT_PERCENT, null, problems);
    BigDecimal latency = number(form, MODEL_LATENCY_MS, null, problems);
    BigDecimal incidents = count(form, INCIDENT_COUNT, problems);
    BigDecimal violations = count(form, POLICY_VIOLATION_COUNT, problems);
    BigDecimal findings = count(form, AUDIT_FINDING_COUNT, problems);
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidFieldsException("Invalid measurements", "The measurements are incomplete or invalid: "
          + String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()), problems);
    }
    ProductionProperties.Targets targets = properties.targets();
    return List.of(
        KpiReading.business(kpi, unit, measured, baseline, target),
        KpiReading.atLeast(KpiMeasurement.Kind.MODEL, "Model accuracy", "%", accuracy,
            BigDecimal.valueOf(targets.minAccuracyPercent())),
        KpiReading.atMost(KpiMeasurement.Kind.MODEL, "Model drift", "%", drift, BigDecimal.valueOf(targets.maxDriftPercent())),
        KpiReading.atMost(KpiMeasurement.Kind.MODEL, "Model latency", "ms", latency, BigDecimal.valueOf(targets.maxLatencyMs())),
        KpiReading.atMost(KpiMeasurement.Kind.RISK, "Incidents", null, incidents, BigDecimal.valueOf(targets.maxIncidents())),
        KpiReading.atMost(KpiMeasurement.Kind.RISK, "Policy violations", null, violations,
            BigDecimal.valueOf(targets.maxPolicyViolations())),
        KpiReading.atMost(KpiMeasurement.Kind.RISK, "Audit findings", null, findings,
            BigDecimal.valueOf(targets.maxAuditFindings())));
  }

  /** The confirmed checkpoint's KPIs, stored for the portfolio (realised against projected value). */
  @Transactional
  public void store(String pilotKey, String checkpoint, List<KpiReading> readings, String recordedBy, String confirmedBy) {
    var now = clock.instant();
    for (KpiReading reading : readings) {
      measurements.save(new KpiMeasurement(pilotKey, checkpoint, reading, recordedBy, confirmedBy, now));
    }
  }

  /** Every KPI measured for the pilot, oldest first. */
  @Transactional(readOnly = true)
  public List<KpiMeasurement> measurements(String pilotKey) {
    return measurements.findByPilotKeyOrderByMeasuredAtAscIdAsc(pilotKey);
  }

  /** The KPIs of the latest confirmed checkpoint, as the monthly review shows them. */
  @Transactional(readOnly = true)
  public String latestSummary(String pilotKey) {
    List<KpiMeasurement> all = measurements(pilotKey);
    if (all.isEmpty()) {
      return "No value checkpoint confirmed yet.";
    }
    String last = all.get(all.size() - 1).getCheckpoint();
    List<String> lines = new ArrayList<>();
    lines.add("Checkpoint " + last + ":");
    all.stream().filter(m -> m.getCheckpoint().equals(last)).forEach(m -> lines.add("- " + new KpiReading(m.getKind(),
        m.getKpi(), m.getUnit(), m.getMeasured(), m.getBaseline(), m.getTarget(), m.isBelowTarget()).line()));
    return String.join("\n", lines);
  }

  /** The readings as the confirmation form shows them, one line each, misses flagged. */
  static String summary(List<KpiReading> readings) {
    return String.join("\n", readings.stream().map(reading -> "- " + reading.line()).toList());
  }

  private static BigDecimal number(ProcessVariables form, String field, BigDecimal max, List<FieldProblem> problems) {
    BigDecimal value = form.decimal(field);
    if (value == null) {
      problems.add(new FieldProblem(field, "a number is required"));
    } else if (value.abs().compareTo(MAX) > 0 || (max != null && (value.signum() < 0 || value.compareTo(max) > 0))) {
      problems.add(new FieldProblem(field, max == null ? "out of range" : "between 0 and " + max));
    } else if (max == null && !field.startsWith("businessKpi") && value.signum() < 0) {
      problems.add(new FieldProblem(field, "must not be negative"));
    }
    return value;
  }

  private static BigDecimal count(ProcessVariables form, String field, List<FieldProblem> problems) {
    Integer value = form.whole(field);
    if (value == null || value < 0) {
      problems.add(new FieldProblem(field, "a whole number of 0 or more is required"));
      return null;
    }
    return BigDecimal.valueOf(value);
  }
}
