package org.pilotlifecycle.reporting.dossier;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.pilotlifecycle.audit.AuditChainVerification;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.framework.Step;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewer;
import org.pilotlifecycle.pilot.Viewers;
import org.pilotlifecycle.reporting.portfolio.Portfolio;
import org.pilotlifecycle.reporting.portfolio.PortfolioService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit dossiers as PDF (issue 16: "can you answer a compliance audit question about any model in production within
 * 24 hours?"). One pilot's dossier: the pilot, its named people, its risk tier and how it was classified, every phase
 * or stage with its deliverables, checks and outcomes, every gate with approver, time and reason, overdue and
 * steering decisions, production operations (value checkpoints, re-certifications, signal reviews, retirement), and
 * the audit chain's verification with its head hash. The portfolio dossier: a summary page, then one page per pilot.
 * Everything is read from the audit trail and the registry as the caller sees them. Times are in
 * {@code pilot.time-zone}. Text is set in the PDF's standard Helvetica (characters outside Latin-1 print as "?").
 */
@Service
public class AuditDossier {

  /** More pilots than fit a steering committee's board pack; a larger business unit is refused (409). */
  static final int MAX_PILOTS = 500;
  private static final int MAX_ENTRIES = 5_000;
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final Font SMALL = FontFactory.getFont(FontFactory.COURIER, 7);
  private static final Set<AuditEntryType> PRODUCTION = Set.of(AuditEntryType.IN_PRODUCTION,
      AuditEntryType.VALUE_CHECKPOINT, AuditEntryType.RECERTIFICATION, AuditEntryType.RECERTIFICATION_OVERDUE,
      AuditEntryType.RECERTIFICATION_DECISION, AuditEntryType.SIGNAL_RECEIVED, AuditEntryType.SIGNAL_REVIEW,
      AuditEntryType.MODEL_REVALIDATION, AuditEntryType.EXECUTIVE_REVIEW, AuditEntryType.PAUSED,
      AuditEntryType.RESUMED_IN_PRODUCTION, AuditEntryType.DECOMMISSIONING, AuditEntryType.RETIRED);
  private static final Set<AuditEntryType> DECISIONS = Set.of(AuditEntryType.OVERDUE_DECISION,
      AuditEntryType.STEERING_DECISION, AuditEntryType.DEADLINE_EXTENDED, AuditEntryType.PUT_ON_HOLD,
      AuditEntryType.RESUMED, AuditEntryType.STOPPED, AuditEntryType.WITHDRAWN, AuditEntryType.STEP_OVERDUE);

  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final PortfolioService portfolio;
  private final Viewers viewers;
  private final Clock clock;
  private final DateTimeFormatter time;

  AuditDossier(PilotRegistry registry, PilotAuditTrail auditTrail, PortfolioService portfolio, Viewers viewers,
      Clock clock, @Value("${pilot.time-zone:UTC}") String timeZone) {
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.portfolio = portfolio;
    this.viewers = viewers;
    this.clock = clock;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(timeZone));
  }

  /**
   * One pilot's audit dossier.
   *
   * @return the PDF's bytes
   * @throws org.pilotlifecycle.pilot.PilotNotFoundException for an unknown pilot and for one the caller does not
   *     see alike (404)
   */
  @Transactional(readOnly = true)
  public byte[] ofPilot(String key) {
    Viewer viewer = viewers.current();
    Pilot pilot = registry.get(key, viewer);
    return write("Audit dossier " + pilot.getKey(), document -> pilotPages(document, pilot, viewer));
  }

  /**
   * The portfolio dossier of one business unit (all the caller sees when null): a summary, then each pilot.
   *
   * @throws DossierTooLargeException (409) above {@value #MAX_PILOTS} pilots: ask for one business unit
   */
  @Transactional(readOnly = true)
  public byte[] ofPortfolio(String businessUnit) {
    Viewer viewer = viewers.current();
    List<Pilot> pilots = registry.portfolio(businessUnit, viewer);
    if (pilots.size() > MAX_PILOTS) {
      throw new DossierTooLargeException(pilots.size(), MAX_PILOTS);
    }
    Portfolio figures = portfolio.portfolio(businessUnit, null);
    return write("Portfolio dossier", document -> {
      document.add(new Paragraph("Portfolio dossier" + (businessUnit == null || businessUnit.isBlank() ? ""
          : ": " + businessUnit), TITLE));
      document.add(new Paragraph("Generated " + time.format(clock.instant()) + " for " + who(viewer) + ". "
          + pilots.size() + " pilot(s).", TEXT));
      document.add(heading("Summary"));
      PdfPTable summary = table(2, new float[] {3, 7});
      row(summary, "Maturity", figures.maturity().level() + " " + figures.maturity().label());
      figures.maturity().evidence().forEach(line -> row(summary, "", line));
      Portfolio.Production production = figures.production();
      row(summary, "In production", production.inProduction() + " (paused " + production.paused() + ", retired "
          + production.retired() + ")");
      row(summary, "Value (annual)", money(production.realisedValue()) + " realised of "
          + money(production.projectedValue()) + " projected");
      row(summary, "Re-certifications", production.recertificationsDue() + " due, "
          + production.recertificationsOverdue() + " overdue");
      row(summary, "Monitoring signals", production.openSignals() + " open of " + production.signalsReceived());
      document.add(summary);
      document.add(heading("Pilots"));
      PdfPTable list = table(5, new float[] {2, 4, 2, 2, 2});
      header(list, "Key", "Name", "Framework", "Phase or stage", "Status");
      pilots.forEach(p -> cells(list, p.getKey(), p.getName(), label(p.getFramework().name()),
          label(p.getCurrentStep()), label(p.getStatus().name())));
      document.add(list);
      for (Pilot pilot : pilots) {
        document.newPage();
        pilotPages(document, pilot, viewer);
      }
    });
  }

  private void pilotPages(Document document, Pilot pilot, Viewer viewer) {
    List<AuditEntry> trail = auditTrail.history(pilot.getKey(), viewer, PageRequest.of(0, MAX_ENTRIES)).getContent();
    AuditChainVerification chain = auditTrail.verify(pilot.getKey(), viewer);
    document.add(new Paragraph("Audit dossier: " + pilot.getName() + " (" + pilot.getKey() + ")", TITLE));
    document.add(new Paragraph("Generated " + time.format(clock.instant()) + " for " + who(viewer) + ".", TEXT));

    document.add(heading("Pilot"));
    PdfPTable facts = table(2, new float[] {3, 7});
    row(facts, "Key", pilot.getKey());
    row(facts, "Business unit", pilot.getBusinessUnit());
    row(facts, "Framework", label(pilot.getFramework().name()));
    row(facts, "Status", label(pilot.getStatus().name()) + (pilot.getStatusReason() == null ? ""
        : ": " + pilot.getStatusReason()));
    row(facts, "Phase or stage", label(pilot.getCurrentStep()));
    row(facts, "Registered", when(pilot.getRegisteredAt()) + " by " + nullToDash(pilot.getRegisteredBy()));
    row(facts, "In production", when(pilot.getInProductionAt()));
    row(facts, "Retired", when(pilot.getRetiredAt()));
    if (pilot.getStopRootCause() != null) {
      row(facts, "Root cause of the stop", pilot.getStopRootCause().label()
          + (pilot.getStopRootCauseText() == null ? "" : ": " + pilot.getStopRootCauseText()));
    }
    if (pilot.getSuccessMetric() != null) {
      row(facts, "Success metric", pilot.getSuccessMetric().name() + " (" + nullToDash(pilot.getSuccessMetric().unit())
          + "): baseline " + pilot.getSuccessMetric().baseline() + ", target " + pilot.getSuccessMetric().target()
          + ", annual value " + money(pilot.getSuccessMetric().annualValue()));
    }
    document.add(facts);

    document.add(heading("Named people"));
    PdfPTable people = table(2, new float[] {3, 7});
    row(people, "Executive owner", pilot.getExecutiveOwner());
    row(people, "AI product owner", pilot.getAiProductOwner());
    row(people, "Tech lead", pilot.getTechLead());
    row(people, "Risk and compliance owner", pilot.getRiskComplianceOwner());
    row(people, "Change manager", pilot.getChangeManager());
    row(people, "Line manager", pilot.getLineManager());
    document.add(people);

    document.add(heading("Risk tier and how it was classified"));
    PdfPTable risk = table(2, new float[] {3, 7});
    row(risk, "Risk tier", pilot.getRiskTier() == null ? "not classified" : pilot.getRiskTier().name());
    row(risk, "Inputs", "affects individuals " + yes(pilot.isAffectsIndividuals()) + ", regulated domain "
        + yes(pilot.isRegulatedDomain()) + ", personal data " + yes(pilot.isProcessesPersonalData()) + ", autonomy "
        + (pilot.getAutonomy() == null ? "-" : label(pilot.getAutonomy().name())));
    trail.stream().filter(e -> e.getType() == AuditEntryType.RISK_TIER_CLASSIFIED).forEach(e -> row(risk,
        "Classified " + when(e.getOccurredAt()), nullToDash(e.getOutcome()) + " by " + nullToDash(e.getActor())
            + (e.getDetails() == null ? "" : " " + e.getDetails())));
    document.add(risk);

    for (String step : stepsOf(pilot, trail)) {
      List<AuditEntry> ofStep = trail.stream().filter(e -> step.equals(e.getStep())
          && !PRODUCTION.contains(e.getType())).toList();
      if (ofStep.isEmpty()) {
        continue;
      }
      document.add(heading(title(step)));
      PdfPTable entries = table(5, new float[] {2.2f, 2.2f, 2.5f, 1.6f, 4});
      header(entries, "When", "What", "Name", "Who", "Outcome and reason");
      ofStep.forEach(e -> cells(entries, when(e.getOccurredAt()), label(e.getType().name()), nullToDash(e.getName()),
          nullToDash(e.getActor()), outcome(e)));
      document.add(entries);
    }

    List<AuditEntry> decisions = trail.stream().filter(e -> DECISIONS.contains(e.getType())).toList();
    document.add(heading("Overdue, steering and status decisions"));
    if (decisions.isEmpty()) {
      document.add(new Paragraph("None.", TEXT));
    } else {
      PdfPTable table = table(5, new float[] {2.2f, 2.2f, 2.2f, 1.6f, 4});
      header(table, "When", "What", "Phase or stage", "Who", "Outcome and reason");
      decisions.forEach(e -> cells(table, when(e.getOccurredAt()), label(e.getType().name()), label(e.getStep()),
          nullToDash(e.getActor()), outcome(e)));
      document.add(table);
    }

    List<AuditEntry> production = trail.stream().filter(e -> PRODUCTION.contains(e.getType())).toList();
    if (!production.isEmpty()) {
      document.add(heading("Production operations"));
      PdfPTable table = table(5, new float[] {2.2f, 2.2f, 2.2f, 1.6f, 4});
      header(table, "When", "What", "Name", "Who", "Outcome and reason");
      production.forEach(e -> cells(table, when(e.getOccurredAt()), label(e.getType().name()), nullToDash(e.getName()),
          nullToDash(e.getActor()), outcome(e)));
      document.add(table);
    }

    document.add(heading("Audit trail"));
    PdfPTable integrity = table(2, new float[] {3, 7});
    row(integrity, "Entries", String.valueOf(chain.entries()));
    row(integrity, "Chain", chain.intact() ? "intact: every entry's SHA-256 matches its content and the entry before it"
        : "BROKEN at entry " + chain.brokenAt().entryId() + ": " + chain.brokenAt().problem());
    PdfPCell head = new PdfPCell(new Phrase(chain.head(), SMALL));
    integrity.addCell(new PdfPCell(new Phrase("Head (SHA-256)", BOLD)));
    integrity.addCell(head);
    document.add(integrity);
    document.add(new Paragraph("Compare the head with GET /api/pilots/" + pilot.getKey() + "/history/verify: a trail "
        + "changed or cut short after this dossier was printed shows a different head.", TEXT));
  }

  /** The pilot's phases or stages in the framework's order, as far as its trail reaches (the intake first). */
  private static List<String> stepsOf(Pilot pilot, List<AuditEntry> trail) {
    List<String> steps = new ArrayList<>();
    steps.add(Pilot.INTAKE);
    Step.of(pilot.getFramework()).forEach(step -> steps.add(step.name()));
    trail.stream().map(AuditEntry::getStep).filter(step -> step != null && !steps.contains(step)
        && !Pilot.IN_PRODUCTION.equals(step)).distinct().forEach(steps::add);
    return steps;
  }

  private static String title(String step) {
    for (Step known : Step.values()) {
      if (known.name().equals(step)) {
        return known.title();
      }
    }
    return label(step);
  }

  private interface Content {
    void write(Document document);
  }

  private static byte[] write(String title, Content content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 36, 36, 36, 36);
    PdfWriter.getInstance(document, out);
    document.addTitle(title);
    document.addCreator("Pilot Lifecycle");
    document.open();
    content.write(document);
    document.close();
    return out.toByteArray();
  }

  private static Paragraph heading(String text) {
    Paragraph heading = new Paragraph(text, HEADING);
    heading.setSpacingBefore(10);
    heading.setSpacingAfter(4);
    return heading;
  }

  private static PdfPTable table(int columns, float[] widths) {
    PdfPTable table = new PdfPTable(columns);
    table.setWidthPercentage(100);
    table.setWidths(widths);
    table.setHeaderRows(0);
    return table;
  }

  private static void header(PdfPTable table, String... titles) {
    for (String title : titles) {
      PdfPCell cell = new PdfPCell(new Phrase(title, BOLD));
      cell.setBackgroundColor(new Color(230, 234, 240));
      table.addCell(cell);
    }
    table.setHeaderRows(1);
  }

  private static void row(PdfPTable table, String term, String value) {
    table.addCell(new PdfPCell(new Phrase(term, BOLD)));
    table.addCell(new PdfPCell(new Phrase(nullToDash(value), TEXT)));
  }

  private static void cells(PdfPTable table, String... values) {
    for (String value : values) {
      PdfPCell cell = new PdfPCell(new Phrase(nullToDash(value), TEXT));
      cell.setVerticalAlignment(Element.ALIGN_TOP);
      table.addCell(cell);
    }
  }

  private static String outcome(AuditEntry entry) {
    StringBuilder text = new StringBuilder(nullToDash(entry.getOutcome()));
    if (entry.getReason() != null) {
      text.append(": ").append(entry.getReason());
    }
    if (entry.getType() == AuditEntryType.GATE_DECISION) {
      for (String file : approvedFiles(entry)) {
        text.append("\nEvidence: ").append(file);
      }
    }
    return text.toString();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** The evidence files a gate decision recorded (name, version, SHA-256), from its details. */
  static List<String> approvedFiles(AuditEntry entry) {
    List<String> files = new ArrayList<>();
    if (entry.getDetails() == null) {
      return files;
    }
    try {
      JSON.readTree(entry.getDetails()).path("evidenceFiles").forEach(file -> files.add(file.path("name").asText()
          + " v" + file.path("version").asInt() + " SHA-256 " + file.path("sha256").asText()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      files.add("(details unreadable)");
    }
    return files;
  }

  private String when(Instant instant) {
    return instant == null ? "-" : time.format(instant);
  }

  private static String who(Viewer viewer) {
    return viewer.actsAs() == null || viewer.actsAs().isEmpty() ? "the system" : String.join(", ", viewer.actsAs());
  }

  private static String yes(boolean value) {
    return value ? "yes" : "no";
  }

  private static String money(java.math.BigDecimal value) {
    return value == null ? "-" : String.format(java.util.Locale.ROOT, "%,.0f", value);
  }

  private static String nullToDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  static String label(String text) {
    if (text == null) {
      return "-";
    }
    String words = text.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
