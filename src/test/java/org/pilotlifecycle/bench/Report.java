package org.pilotlifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** latest.json, latest.md, and the table between the bench markers of docs/benchmark.md. */
final class Report {

  static final String START = "<!-- bench:start -->";
  static final String END = "<!-- bench:end -->";

  /**
   * key, target as text, true when the measured value must be at least the bound; {@code where} names the portfolio
   * level a per-level figure is taken from when it is not the largest one (shown next to the key).
   */
  private record Target(String key, double bound, boolean atLeast, String unit, String where) {
    Target(String key, double bound, boolean atLeast, String unit) {
      this(key, bound, atLeast, unit, null);
    }

    String text() {
      return (atLeast ? ">= " : "<= ") + format(bound) + unit;
    }
  }

  private static final List<Target> TARGETS = List.of(
      new Target("restVsEngineRatio", 0.8, true, ""),
      new Target("stepsVsPgbenchRatio", 0.5, true, ""),
      new Target("stuckQueryP95Ms", 50, false, " ms"),
      new Target("taskQueryP95Ms", 50, false, " ms"),
      new Target("myWorkTypicalP95Ms", 50, false, " ms"),
      new Target("myWorkTypicalCountP95Ms", 50, false, " ms"),
      new Target("myWorkBusiestP95Ms", 50, false, " ms"),
      new Target("myWorkBusiestCountP95Ms", 50, false, " ms"),
      new Target("dashboardDataP95Ms", 300, false, " ms", "at 10k pilots"),
      new Target("timerDrainSeconds", 60, false, " s"),
      new Target("startupSeconds", 20, false, " s"),
      new Target("peakHeapMb", 512, false, " MB"));

  private Report() {
  }

  static Map<String, Object> targets(Map<String, Object> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Target target : TARGETS) {
      double value = ((Number) results.get(target.key())).doubleValue();
      // A negative value marks a measure skipped because it was already far too slow at a smaller portfolio.
      boolean met = value >= 0 && (target.atLeast() ? value >= target.bound() : value <= target.bound());
      out.put(target.key(), Map.of("target", target.text(), "met", met));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r) {
    StringBuilder md = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) r.get("machine");
    md.append("Run of ").append(r.get("date")).append(" on ").append(machine.get("cores")).append(" cores, ")
        .append(machine.get("memoryMb")).append(" MB, ").append(machine.get("os")).append(", Java ")
        .append(machine.get("java")).append(", PostgreSQL ").append(machine.get("postgres")).append("; N = ")
        .append(r.get("n")).append(" pilots, ").append(r.get("clients")).append(" clients.\n\n");
    md.append("| Measure | Measured | Target | Met |\n|---|---|---|---|\n");
    Map<String, Object> targets = (Map<String, Object>) r.get("targets");
    for (Target target : TARGETS) {
      Map<String, Object> t = (Map<String, Object>) targets.get(target.key());
      double measured = ((Number) r.get(target.key())).doubleValue();
      Object cause = r.get("notMeasured") instanceof Map<?, ?> causes ? causes.get(target.key()) : null;
      md.append("| `").append(target.key()).append("`").append(target.where() == null ? "" : " (" + target.where() + ")")
          .append(" | ")
          .append(measured < 0 ? "not measured" + (cause == null ? "" : " (" + cause + ")") : format(measured) + target.unit())
          .append(" | ").append(t.get("target")).append(" | ")
          .append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**").append(" |\n");
    }
    Map<String, Object> http = (Map<String, Object>) r.get("http");
    Map<String, Object> floor = (Map<String, Object>) r.get("engineFloor");
    Map<String, Object> pgbench = (Map<String, Object>) r.get("pgbench");
    md.append("\n| Throughput | Lifecycles/s | Steps/s | DB transactions per step | Rows written per step |\n")
        .append("|---|---|---|---|---|\n");
    md.append(throughputRow("Application over HTTP", http));
    md.append(throughputRow("Engine floor (Java API, no-op delegates)", floor));
    md.append("| pgbench TPC-B-like, ").append(pgbench.get("clients")).append(" clients | | ")
        .append(format(((Number) pgbench.get("tps")).doubleValue())).append(" tx/s | 1 | 4 |\n");
    md.append("\n| Step latency, ms (p50 / p95 / p99) | HTTP | Engine floor |\n|---|---|---|\n");
    Map<String, Map<String, Object>> httpLatencies = (Map<String, Map<String, Object>>) http.get("latencies");
    Map<String, Map<String, Object>> floorLatencies = (Map<String, Map<String, Object>>) floor.get("latencies");
    for (String kind : LifecycleRun.STEP_KINDS) {
      md.append("| ").append(kind).append(" | ").append(percentiles(httpLatencies.get(kind))).append(" | ")
          .append(percentiles(floorLatencies.get(kind))).append(" |\n");
    }
    md.append("\n| Portfolio | Open tasks | Stuck pilots | Stuck list p95 | Task query p95 | Task count p95 |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Map<String, Object> level : (List<Map<String, Object>>) r.get("portfolio")) {
      md.append("| ").append(level.get("pilots")).append(" pilots | ").append(level.get("openTasks")).append(" | ")
          .append(level.get("stuckPilots")).append(" | ").append(level.get("stuckQueryP95Ms")).append(" ms | ")
          .append(ms(level.get("taskQueryP95Ms"))).append(" | ").append(ms(level.get("taskCountP95Ms"))).append(" |\n");
    }
    md.append("\n| Portfolio (people: ").append(((List<Map<String, Object>>) r.get("portfolio")).get(0).get("people"))
        .append(") | Tasks of typical / busiest | My work list p95, typical / busiest | My work count p95, typical /")
        .append(" busiest | Overdue list p95, typical / busiest |\n|---|---|---|---|---|\n");
    Map<String, Object> previous = null;
    for (Map<String, Object> level : (List<Map<String, Object>>) r.get("portfolio")) {
      md.append("| ").append(level.get("pilots")).append(" pilots | ").append(level.get("tasksOfTypical")).append(" / ")
          .append(level.get("tasksOfBusiest")).append(" | ")
          .append(pair(level, previous, "myWorkTypicalP95Ms", "myWorkBusiestP95Ms")).append(" | ")
          .append(pair(level, previous, "myWorkTypicalCountP95Ms", "myWorkBusiestCountP95Ms")).append(" | ")
          .append(pair(level, previous, "overdueTypicalP95Ms", "overdueBusiestP95Ms")).append(" |\n");
      previous = level;
    }
    md.append("\n(×N: growth against the level before.)\n");
    md.append("\n| Portfolio dashboard's data | Audit rows | Portfolio JSON | Whole load p95, committee / executive |")
        .append(" Slowest request p95, committee | Per request p95, committee: business units / portfolio / stuck counts /")
        .append(" root causes |\n|---|---|---|---|---|---|\n");
    for (Map<String, Object> level : (List<Map<String, Object>>) r.get("portfolio")) {
      if (level.get("dashboardDataP95Ms") == null) {
        continue;
      }
      Map<String, Map<String, Object>> latencies = level.get("latencies") instanceof Map<?, ?> l
          ? (Map<String, Map<String, Object>>) l : Map.of();
      md.append("| ").append(level.get("pilots")).append(" pilots (").append(level.get("pilotsInProduction"))
          .append(" reached production) | ").append(level.get("auditRows")).append(" | ")
          .append(kilobytes(level.get("dashboardPortfolioBytes"))).append(" | ")
          .append(withGrowth(level, null, "dashboardCommitteeP95Ms")).append(" / ")
          .append(withGrowth(level, null, "dashboardExecutiveP95Ms")).append(" | ")
          .append(p95(latencies, "dashboardCommitteeSlowest")).append(" | ")
          .append(p95(latencies, "dashboardCommittee.businessUnits")).append(" / ")
          .append(p95(latencies, "dashboardCommittee.portfolio")).append(" / ")
          .append(p95(latencies, "dashboardCommittee.stuckCounts")).append(" / ")
          .append(p95(latencies, "dashboardCommittee.rootCauses")).append(" |\n");
    }
    Map<String, Object> drain = (Map<String, Object>) r.get("timerDrain");
    Map<String, Object> heap = (Map<String, Object>) r.get("heap");
    Map<String, Object> startup = (Map<String, Object>) r.get("startup");
    md.append("\nTimer drain: ").append(drain.get("timers")).append(" timers in ")
        .append(drain.get("notMeasured") == null ? drain.get("seconds") + " s" : "? s: not measured, "
            + drain.get("notMeasured") + " (" + drain.get("escalationsPerSecond") + " a second)")
        .append(". Start-up: ").append(startup.get("restartSeconds")).append(" s (first start on an empty database, ")
        .append("creating the schema: ").append(startup.get("firstStartSeconds")).append(" s). Heap: peak used ")
        .append(heap.get("peakUsedMb")).append(" MB, peak live data after GC ").append(heap.get("peakLiveDataAfterGcMb"))
        .append(" MB, JVM options `").append(heap.get("jvmOptions")).append("`.\n");
    return md.toString();
  }

  @SuppressWarnings("unchecked")
  private static String throughputRow(String name, Map<String, Object> run) {
    Map<String, Object> db = (Map<String, Object>) run.get("databasePerStep");
    Object writes = db == null ? "" : format(((Number) db.get("tup_inserted")).doubleValue()
        + ((Number) db.get("tup_updated")).doubleValue() + ((Number) db.get("tup_deleted")).doubleValue());
    return "| " + name + " | " + run.get("lifecyclesPerSecond") + " | " + run.get("stepsPerSecond") + " | "
        + (db == null ? "" : db.get("xact_commit")) + " | " + writes + " |\n";
  }

  /** "a ms / b ms", each with its growth against the level before (×1.3). */
  private static String pair(Map<String, Object> level, Map<String, Object> previous, String a, String b) {
    return withGrowth(level, previous, a) + " / " + withGrowth(level, previous, b);
  }

  private static String withGrowth(Map<String, Object> level, Map<String, Object> previous, String key) {
    Object value = level.get(key);
    if (value == null) {
      return "";
    }
    if (((Number) value).doubleValue() < 0) {
      Object cause = level.get("notMeasured") instanceof Map<?, ?> causes
          ? causes.get(key.substring(0, key.length() - "P95Ms".length())) : null;
      return "not measured" + (cause == null ? "" : " (" + cause + ")");
    }
    String text = value + " ms";
    if (previous != null && previous.get(key) instanceof Number before && before.doubleValue() > 0) {
      text += " (×" + format(((Number) value).doubleValue() / before.doubleValue()) + ")";
    }
    return text;
  }

  private static String p95(Map<String, Map<String, Object>> latencies, String kind) {
    Map<String, Object> stats = latencies.get(kind);
    return stats == null ? "" : stats.get("p95Ms") + " ms";
  }

  private static String kilobytes(Object bytes) {
    return bytes == null ? "" : Math.round(((Number) bytes).doubleValue() / 1024) + " kB";
  }

  private static String ms(Object value) {
    return ((Number) value).doubleValue() < 0 ? "not measured (too slow one level below)" : value + " ms";
  }

  private static String percentiles(Map<String, Object> stats) {
    if (stats == null) {
      return "";
    }
    return stats.get("p50Ms") + " / " + stats.get("p95Ms") + " / " + stats.get("p99Ms");
  }

  static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(Math.round(value * 1000) / 1000.0);
  }

  /**
   * Writes latest.json and latest.md to {@code output} and, unless {@code benchmarkPage} is null, puts latest.md
   * between the bench markers of that page (docs/benchmark.md); a page without both markers is left alone.
   */
  static void write(Map<String, Object> results, Path output, Path benchmarkPage) throws IOException {
    Files.createDirectories(output);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.resolve("latest.json").toFile(),
        results);
    String md = markdown(results);
    Files.writeString(output.resolve("latest.md"), md);
    if (benchmarkPage != null && Files.isRegularFile(benchmarkPage)) {
      String text = Files.readString(benchmarkPage);
      int start = text.indexOf(START);
      int end = text.indexOf(END);
      if (start >= 0 && end > start) {
        Files.writeString(benchmarkPage, text.substring(0, start + START.length()) + "\n" + md + text.substring(end));
      }
    }
  }
}
