package org.pilotlifecycle.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.AuditRecord;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.framework.RootCause;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.SuccessMetric;
import org.pilotlifecycle.production.KpiMeasurement;
import org.pilotlifecycle.production.KpiReading;
import org.pilotlifecycle.production.MonitoringSignals;
import org.pilotlifecycle.production.RealisedValue;
import org.pilotlifecycle.production.SignalRequest;
import org.pilotlifecycle.support.Registrations;

/**
 * A known portfolio in a business unit of its own, built through the registry, the audit trail and the production
 * services with the clock moved (as the processes would record it), for the dashboards' tests:
 * <ul>
 *   <li>{@code claims} (five-phase) reached production in 50 days; its cost per claim measured at DAY_30 is half way
 *       from 40 to 25; one monitoring signal received and handled;</li>
 *   <li>{@code invoices} (five-phase) reached production in 25 days, on target; one signal open (its review is open);</li>
 *   <li>{@code adoption} (four-stage) in stage 3 with three weeks of adoption measured (20, 45, 72% against 70%), its
 *       stage overdue (stuck);</li>
 *   <li>{@code stopped} (five-phase) stopped in phase 2 for workflow myopia.</li>
 * </ul>
 * Every pilot names olivia as executive owner, paul as AI product owner and tara as tech lead.
 */
public final class DashboardPortfolio {

  static final List<String> PHASES = List.of("OUTCOME_DEFINITION", "DATA_READINESS", "MLOPS_INFRASTRUCTURE",
      "GOVERNANCE_AND_RISK_CONTROLS", "OPERATING_MODEL");
  static final List<String> STAGES = List.of("PILOT_VALIDATION", "PRODUCTION_ARCHITECTURE", "ORGANIZATIONAL_EMBEDDING");

  public final String businessUnit = "Dashboards " + UUID.randomUUID().toString().substring(0, 8);
  public final String claims = Registrations.newKey("DBC");
  public final String invoices = Registrations.newKey("DBI");
  public final String adoption = Registrations.newKey("DBA");
  public final String stopped = Registrations.newKey("DBS");

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final RealisedValue realisedValue;
  private final MonitoringSignals signals;
  private final ProcessEngine engine;
  private Instant now;

  public DashboardPortfolio(PilotRegistry registry, PilotAuditTrail auditTrail, RealisedValue realisedValue,
      MonitoringSignals signals, ProcessEngine engine) {
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.realisedValue = realisedValue;
    this.signals = signals;
    this.engine = engine;
  }

  /** Builds the portfolio, starting 240 days ago, and leaves the clock at the real time. */
  public DashboardPortfolio seed() {
    try {
      at(Instant.now().minus(Duration.ofDays(240)));
      register(claims, Framework.FIVE_PHASE, "Claims triage assistant");
      phases(claims, 10, 10, 10, 10, 10);
      reachProduction(claims);
      measure(claims, "32.5");
      signalHandled(claims);
      register(invoices, Framework.FIVE_PHASE, "Invoice matching");
      phases(invoices, 5, 5, 5, 5, 5);
      reachProduction(invoices);
      measure(invoices, "25");
      register(adoption, Framework.FOUR_STAGE, "Call summaries");
      stages(adoption);
      register(stopped, Framework.FIVE_PHASE, "Supplier risk alerts");
      phases(stopped, 6, 4);
      registry.stop(stopped, "No one redesigned the buying process", new RootCause.Stated(RootCause.WORKFLOW_MYOPIA,
          null), "sam");
    } finally {
      ClockUtil.reset();
    }
    // Now, at the real time: a signal the open review waits on.
    signals.receive(registry.get(invoices), new SignalRequest("DRIFT", "HIGH", "mlflow", "Drift 12% on invoices",
        "open-" + invoices), "monitor");
    return this;
  }

  private void at(Instant moment) {
    now = moment;
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  private void later(int days) {
    at(now.plus(Duration.ofDays(days)));
  }

  private void register(String key, Framework framework, String name) {
    PilotRegistration base = Registrations.lowRisk(key, framework);
    registry.register(new PilotRegistration(base.key(), name, businessUnit, base.useCaseDescription(), framework,
        "olivia", "paul", "tara", null, null, null, false, false, false, base.autonomy(), null, null, null),
        "instance-" + key, "paul");
  }

  private void phases(String key, int... days) {
    for (int i = 0; i < days.length; i++) {
      if (i > 0) {
        auditTrail.record(key, AuditRecord.of(AuditEntryType.GATE_DECISION, PHASES.get(i - 1)).actor("olivia")
            .outcome("APPROVED"));
        registry.passGate(key, PHASES.get(i - 1));
      }
      registry.enterStep(key, PHASES.get(i), now.plus(Duration.ofDays(30)));
      if (i == 0) {
        registry.defineSuccessMetric(key, new SuccessMetric("COST", "Cost per claim", "USD", new BigDecimal("40"),
            new BigDecimal("25"), "Finance report", new BigDecimal("900000"), "lena"));
      }
      later(days[i]);
    }
  }

  private void reachProduction(String key) {
    auditTrail.record(key, AuditRecord.of(AuditEntryType.CHECK, "MLOPS_INFRASTRUCTURE").name("MLOPS_CAPABILITY")
        .outcome("PASSED"));
    auditTrail.record(key, AuditRecord.of(AuditEntryType.GATE_DECISION, "OPERATING_MODEL").actor("sam")
        .outcome("APPROVED"));
    registry.passGate(key, "OPERATING_MODEL");
    registry.markInProduction(key);
    // The job executor's part: the production operations' first, asynchronous step plans them.
    var operations = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("ProductionOperations").processInstanceBusinessKey(key).singleResult();
    for (int round = 0; round < 10; round++) {
      var jobs = engine.getManagementService().createJobQuery().processInstanceId(operations.getId()).executable().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    later(30);
  }

  private void stages(String key) {
    registry.enterStep(key, STAGES.get(0), now.plus(Duration.ofDays(56)));
    later(20);
    auditTrail.record(key, AuditRecord.of(AuditEntryType.GATE_DECISION, STAGES.get(0)).actor("olivia").outcome("APPROVED"));
    registry.passGate(key, STAGES.get(0));
    registry.enterStep(key, STAGES.get(1), now.plus(Duration.ofDays(56)));
    later(20);
    auditTrail.record(key, AuditRecord.of(AuditEntryType.OVERDUE_DECISION, STAGES.get(1)).actor("sam").outcome("EXTEND")
        .reason("Integration partner late"));
    auditTrail.record(key, AuditRecord.of(AuditEntryType.GATE_DECISION, STAGES.get(1)).actor("olivia").outcome("APPROVED"));
    registry.passGate(key, STAGES.get(1));
    // Stage 3 fell due before the real time: the pilot is stuck, overdue.
    registry.enterStep(key, STAGES.get(2), now.plus(Duration.ofDays(21)));
    int week = 0;
    for (int rate : new int[] {20, 45, 72}) {
      later(7);
      week++;
      auditTrail.record(key, AuditRecord.of(AuditEntryType.ADOPTION_MEASURED, STAGES.get(2)).name("Week " + week)
          .actor("chris").outcome(rate >= 70 ? "AT_TARGET" : "BELOW_TARGET")
          .details(Map.of("week", week, "adoptionRate", rate, "activeUsers", rate * 3, "weeksAtTarget", rate >= 70 ? 1 : 0,
              "targetPercent", 70)));
    }
  }

  private void measure(String key, String costPerClaim) {
    BigDecimal measured = new BigDecimal(costPerClaim);
    realisedValue.store(key, "DAY_30", List.of(new KpiReading(KpiMeasurement.Kind.BUSINESS, "Cost per claim", "USD",
        measured, new BigDecimal("40"), new BigDecimal("25"), measured.compareTo(new BigDecimal("25")) > 0)), "paul",
        "olivia");
  }

  private void signalHandled(String key) {
    signals.receive(registry.get(key), new SignalRequest("DRIFT", "LOW", "mlflow", "Drift 2%", "handled-" + key),
        "monitor");
    signals.handleOpen(key, "CONTINUE");
  }
}
