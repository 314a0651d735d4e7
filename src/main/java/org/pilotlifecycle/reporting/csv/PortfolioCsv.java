package org.pilotlifecycle.reporting.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.pilotlifecycle.intake.PilotIntakeService;
import org.pilotlifecycle.pilot.Autonomy;
import org.pilotlifecycle.web.FieldProblem;
import org.pilotlifecycle.framework.Framework;
import org.pilotlifecycle.pilot.Pilot;
import org.pilotlifecycle.audit.PilotAuditTrail;
import org.pilotlifecycle.audit.AuditEntry;
import org.pilotlifecycle.audit.AuditEntryType;
import org.pilotlifecycle.pilot.PilotRegistration;
import org.pilotlifecycle.pilot.PilotRegistry;
import org.pilotlifecycle.pilot.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spreadsheet most organisations keep today, in and out: import a pilot portfolio from CSV (all or
 * nothing, every bad row reported with row, column and problem; each pilot starts its intake as if
 * registered through the API), export the portfolio and the audit trail, of the pilots the caller sees (see
 * {@link Viewers}).
 */
@Service
public class PortfolioCsv {

  /** The import columns, in order; the first row of the file names them. */
  public static final List<String> COLUMNS = List.of("key", "name", "businessUnit", "useCaseDescription", "framework",
      "executiveOwner", "aiProductOwner", "techLead", "riskComplianceOwner", "changeManager", "lineManager",
      "affectsIndividuals", "regulatedDomain", "processesPersonalData", "autonomy", "pilotCost",
      "projectedProductionCost");
  static final Set<String> REQUIRED_COLUMNS = Set.of("key", "name", "businessUnit", "useCaseDescription", "framework",
      "executiveOwner", "aiProductOwner", "affectsIndividuals", "regulatedDomain", "processesPersonalData", "autonomy");
  /** Rows one import takes; a larger file is refused whole ("split the file"). One request stays under a minute. */
  static final int MAX_ROWS = 1000;

  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  private final PilotIntakeService intake;
  private final PilotRegistry registry;
  private final PilotAuditTrail auditTrail;
  private final Viewers viewers;

  @jakarta.persistence.PersistenceContext
  private jakarta.persistence.EntityManager entityManager;

  PortfolioCsv(PilotIntakeService intake, PilotRegistry registry, PilotAuditTrail auditTrail, Viewers viewers) {
    this.intake = intake;
    this.registry = registry;
    this.auditTrail = auditTrail;
    this.viewers = viewers;
  }

  /** Imports every row or none; returns the imported keys in file order. */
  @Transactional
  public List<String> importPilots(String csv) {
    List<CsvProblem> problems = new ArrayList<>();
    List<PilotRegistration> registrations = new ArrayList<>();
    List<Map<String, String>> rows = read(csv, problems);
    Set<String> keysInFile = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      int row = i + 2;
      Map<String, String> values = rows.get(i);
      int before = problems.size();
      PilotRegistration registration = toRegistration(values, row, problems);
      registry.problemsOf(registration).forEach(p -> problems.add(new CsvProblem(row, column(p), p.message())));
      // Only a well-formed key is looked up: PostgreSQL refuses a NUL in a query parameter outright.
      if (registration.key() != null && registration.key().matches(PilotRegistration.KEY_PATTERN)) {
        if (!keysInFile.add(registration.key())) {
          problems.add(new CsvProblem(row, "key", "appears more than once in the file"));
        } else if (registry.exists(registration.key())) {
          problems.add(new CsvProblem(row, "key", "a pilot with this key is already registered"));
        }
      }
      if (problems.size() == before) {
        registrations.add(registration);
      }
    }
    if (!problems.isEmpty()) {
      throw new CsvImportRejectedException(dedupe(problems));
    }
    List<String> keys = new ArrayList<>();
    for (PilotRegistration registration : registrations) {
      keys.add(intake.register(registration).getKey());
      // Everything of this registration is written; detach it, so that the next registration's queries do not
      // check every pilot of the file for changes first (that made an import's time grow with the square of its rows).
      entityManager.flush();
      entityManager.clear();
    }
    return keys;
  }

  @Transactional(readOnly = true)
  public String exportPortfolio(String businessUnit) {
    List<String> header = new ArrayList<>(COLUMNS);
    header.addAll(List.of("riskTier", "humanInTheLoopRequired", "status", "currentStep", "stepDueAt", "registeredAt",
        "inProductionAt", "kpiName", "kpiUnit", "kpiBaseline", "kpiTarget", "annualValue", "stopRootCause",
        "stopRootCauseText", "stoppedAt", "retirementRootCause", "retirementRootCauseText", "retiredAt"));
    List<List<Object>> lines = new ArrayList<>();
    for (Pilot pilot : registry.portfolio(businessUnit, viewers.current())) {
      var metric = pilot.getSuccessMetric();
      lines.add(java.util.Arrays.asList(pilot.getKey(), pilot.getName(), pilot.getBusinessUnit(),
          pilot.getUseCaseDescription(), pilot.getFramework(), pilot.getExecutiveOwner(), pilot.getAiProductOwner(),
          pilot.getTechLead(), pilot.getRiskComplianceOwner(), pilot.getChangeManager(), pilot.getLineManager(),
          pilot.isAffectsIndividuals(), pilot.isRegulatedDomain(), pilot.isProcessesPersonalData(), pilot.getAutonomy(),
          pilot.getPilotCost(), pilot.getProjectedProductionCost(), pilot.getRiskTier(), pilot.getHumanInTheLoopRequired(),
          pilot.getStatus(), pilot.getCurrentStep(), pilot.getStepDueAt(), pilot.getRegisteredAt(),
          pilot.getInProductionAt(), metric == null ? null : metric.name(), metric == null ? null : metric.unit(),
          metric == null ? null : metric.baseline(), metric == null ? null : metric.target(),
          metric == null ? null : metric.annualValue(), pilot.getStopRootCause(), pilot.getStopRootCauseText(),
          pilot.getStoppedAt(), pilot.getRetirementRootCause(), pilot.getRetirementRootCauseText(),
          pilot.getRetiredAt()));
    }
    return write(header, lines);
  }

  @Transactional(readOnly = true)
  public String exportAuditTrail(String businessUnit) {
    List<Pilot> pilots = registry.portfolio(businessUnit, viewers.current());
    Map<Long, String> keys = new LinkedHashMap<>();
    pilots.forEach(pilot -> keys.put(pilot.getId(), pilot.getKey()));
    List<List<Object>> lines = new ArrayList<>();
    for (AuditEntry event : auditTrail.events(keys.keySet(), java.util.EnumSet.allOf(AuditEntryType.class))) {
      lines.add(java.util.Arrays.asList(keys.get(event.getPilotId()), event.getOccurredAt(), event.getType(),
          event.getStep(), event.getName(), event.getActor(), event.getOutcome(), event.getReason(), event.getDetails()));
    }
    return write(List.of("pilotKey", "occurredAt", "type", "step", "name", "actor", "outcome", "reason", "details"),
        lines);
  }

  private static List<Map<String, String>> read(String csv, List<CsvProblem> problems) {
    List<Map<String, String>> rows = new ArrayList<>();
    if (csv == null || csv.isBlank()) {
      problems.add(new CsvProblem(1, "", "the file is empty; the first row must name the columns"));
      return rows;
    }
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> iterator = CSV.readerFor(Map.class).with(schema).readValues(csv)) {
      List<String> header = new ArrayList<>();
      iterator.getParserSchema();
      while (iterator.hasNextValue()) {
        Map<String, String> row = iterator.nextValue();
        if (header.isEmpty()) {
          header.addAll(((CsvSchema) iterator.getParserSchema()).getColumnNames());
          for (String column : header) {
            if (!COLUMNS.contains(column)) {
              problems.add(new CsvProblem(1, column, "is not a known column; known: " + String.join(", ", COLUMNS)));
            }
          }
          for (String required : REQUIRED_COLUMNS) {
            if (!header.contains(required)) {
              problems.add(new CsvProblem(1, required, "required column is missing"));
            }
          }
        }
        if (rows.size() >= MAX_ROWS) {
          problems.add(new CsvProblem(rows.size() + 2, "", "more than " + MAX_ROWS + " rows; split the file"));
          break;
        }
        rows.add(row);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new CsvProblem(rows.size() + 2, "", "not readable as CSV: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new CsvProblem(2, "", "the file has no pilots"));
    }
    return rows;
  }

  private static PilotRegistration toRegistration(Map<String, String> row, int line, List<CsvProblem> problems) {
    return new PilotRegistration(text(row, "key"), text(row, "name"), text(row, "businessUnit"),
        text(row, "useCaseDescription"),
        value(row, "framework", line, problems, v -> Framework.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')),
            "must be FIVE_PHASE or FOUR_STAGE"),
        text(row, "executiveOwner"), text(row, "aiProductOwner"), text(row, "techLead"),
        text(row, "riskComplianceOwner"), text(row, "changeManager"), text(row, "lineManager"),
        value(row, "affectsIndividuals", line, problems, PortfolioCsv::flag, "must be true or false"),
        value(row, "regulatedDomain", line, problems, PortfolioCsv::flag, "must be true or false"),
        value(row, "processesPersonalData", line, problems, PortfolioCsv::flag, "must be true or false"),
        value(row, "autonomy", line, problems, v -> Autonomy.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')),
            "must be ADVISORY, HUMAN_APPROVED or AUTONOMOUS"),
        value(row, "pilotCost", line, problems, BigDecimal::new, "must be a number"),
        value(row, "projectedProductionCost", line, problems, BigDecimal::new, "must be a number"),
        null);
  }

  private static Boolean flag(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  private static String text(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isBlank() ? null : value;
  }

  private static <T> T value(Map<String, String> row, String column, int line, List<CsvProblem> problems,
      Function<String, T> conversion, String message) {
    String value = text(row, column);
    if (value == null) {
      return null;
    }
    try {
      return conversion.apply(value);
    } catch (RuntimeException e) {
      problems.add(new CsvProblem(line, column, message + " (was '" + value + "')"));
      return null;
    }
  }

  /** A value that could not be read is reported once, not again as missing. */
  private static List<CsvProblem> dedupe(List<CsvProblem> problems) {
    Map<String, CsvProblem> byCell = new LinkedHashMap<>();
    for (CsvProblem problem : problems) {
      String cell = problem.row() + "/" + problem.column();
      if (!byCell.containsKey(cell) || problem.problem().contains("(was '")) {
        byCell.put(cell, problem);
      }
    }
    return byCell.values().stream()
        .sorted(java.util.Comparator.comparingInt(CsvProblem::row).thenComparing(CsvProblem::column))
        .toList();
  }

  private static String column(FieldProblem problem) {
    return problem.field();
  }

  /**
   * A cell as a spreadsheet will read it: text that begins like a formula ({@code = + - @}, a tab or a carriage
   * return) gets a leading apostrophe, so that opening the export never runs what someone typed into a pilot
   * (CSV injection, OWASP); numbers and dates are written as they are.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String write(List<String> header, List<List<Object>> lines) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    List<Map<String, Object>> records = new ArrayList<>();
    for (List<Object> line : lines) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        Object value = line.get(i);
        record.put(header.get(i), cell(value));
      }
      records.add(record);
    }
    try (StringWriter out = new StringWriter()) {
      CsvSchema built = schema.build();
      if (records.isEmpty()) {
        // Jackson writes the header with the first row: an export without rows (nothing the caller sees) still
        // names its columns.
        return String.join(String.valueOf(built.getColumnSeparator()), header) + new String(built.getLineSeparator());
      }
      CSV.writer(built).writeValues(out).writeAll(records);
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write CSV", e);
    }
  }
}
