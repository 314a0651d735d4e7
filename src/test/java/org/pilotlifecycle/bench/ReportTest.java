package org.pilotlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 18: what the benchmark could not measure is a figure with its cause, not a failed run. */
class ReportTest {

  private static Map<String, Object> results() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("date", "2026-11-30T00:00:00Z");
    r.put("machine", Map.of("cores", 2, "memoryMb", 1, "os", "os", "java", "17", "postgres", "15"));
    r.put("n", 10);
    r.put("clients", 8);
    for (String key : List.of("restVsEngineRatio", "stepsVsPgbenchRatio", "stuckQueryP95Ms", "taskQueryP95Ms",
        "myWorkTypicalP95Ms", "myWorkTypicalCountP95Ms", "myWorkBusiestCountP95Ms", "startupSeconds", "peakHeapMb",
        "dashboardDataP95Ms")) {
      r.put(key, 1.0);
    }
    r.put("myWorkBusiestP95Ms", -1);
    r.put("timerDrainSeconds", -1);
    r.put("notMeasured", Map.of("myWorkBusiestP95Ms", "at 100516 pilots: HttpTimeoutException: request timed out",
        "timerDrainSeconds", "only 812 of 10000 escalations after 900 s"));
    Map<String, Object> run = Map.of("lifecyclesPerSecond", 1, "stepsPerSecond", 1, "latencies", Map.of());
    r.put("http", run);
    r.put("engineFloor", run);
    r.put("pgbench", Map.of("tps", 1, "clients", 8));
    Map<String, Object> level = new LinkedHashMap<>();
    level.put("pilots", 100516);
    level.put("people", "named");
    level.put("myWorkTypicalP95Ms", 20.0);
    level.put("myWorkBusiestP95Ms", -1);
    level.put("notMeasured", Map.of("myWorkBusiest", "HttpTimeoutException: request timed out"));
    level.put("taskQueryP95Ms", 1.0);
    level.put("taskCountP95Ms", 1.0);
    r.put("portfolio", List.of(level));
    r.put("timerDrain", Map.of("timers", 10000, "seconds", -1, "escalationsPerSecond", 0.9,
        "notMeasured", "only 812 of 10000 escalations after 900 s"));
    r.put("heap", Map.of("peakUsedMb", 1, "peakLiveDataAfterGcMb", 1, "jvmOptions", "-Xmx512m"));
    r.put("startup", Map.of("restartSeconds", 1, "firstStartSeconds", 1));
    r.put("targets", Report.targets(r));
    return r;
  }

  @Test
  void aFigureNotMeasuredShowsItsCauseAndMissesItsTarget() {
    Map<String, Object> r = results();
    String md = Report.markdown(r);

    assertThat(md).contains("| `myWorkBusiestP95Ms` | not measured (at 100516 pilots: HttpTimeoutException: request"
        + " timed out) | <= 50 ms | **no** |");
    assertThat(md).contains("| `timerDrainSeconds` | not measured (only 812 of 10000 escalations after 900 s) |");
    assertThat(md).contains("20.0 ms / not measured (HttpTimeoutException: request timed out)");
    assertThat(md).contains("Timer drain: 10000 timers in ? s: not measured, only 812 of 10000 escalations");
    assertThat(md).contains("| `startupSeconds` | 1 s | <= 20 s | yes |");
  }

  @Test
  void theDashboardFigureIsThe10kLevelsAndItsTargetSaysSo() {
    Map<String, Object> r = results();
    List<Map<String, Object>> levels = List.of(level(1000, 80.0), level(10000, 312.5), level(100000, 2400.0));
    Map<String, String> notMeasured = new LinkedHashMap<>();

    PilotLifecycleBenchmark.dashboardFigure(levels, r, notMeasured);
    r.put("portfolio", levels);
    r.put("targets", Report.targets(r));
    String md = Report.markdown(r);

    assertThat(r.get("dashboardDataP95Ms")).isEqualTo(312.5);
    assertThat(notMeasured).isEmpty();
    assertThat(md).contains("| `dashboardDataP95Ms` (at 10k pilots) | 312.5 ms | <= 300 ms | **no** |");
    assertThat(md).contains("| 10516 pilots (1000 reached production) | 50000 | 977 kB | 312.5 ms / 40.0 ms | 290.0 ms |"
        + " 5.0 ms / 280.0 ms / 20.0 ms / 9.0 ms |");
  }

  @Test
  void aRunWithoutThe10kLevelDoesNotMeasureTheDashboardFigure() {
    Map<String, Object> r = results();
    Map<String, String> notMeasured = new LinkedHashMap<>();

    PilotLifecycleBenchmark.dashboardFigure(List.of(level(100, 20.0), level(1000, 80.0)), r, notMeasured);
    r.put("notMeasured", notMeasured);
    r.put("targets", Report.targets(r));

    assertThat(r.get("dashboardDataP95Ms")).isEqualTo(-1);
    assertThat(Report.markdown(r)).contains("| `dashboardDataP95Ms` (at 10k pilots) | not measured (no 10000-pilot level"
        + " in this run) | <= 300 ms | **no** |");
  }

  private static Map<String, Object> level(int seeded, double dashboard) {
    Map<String, Object> level = new LinkedHashMap<>();
    level.put("pilots", seeded + 516);
    level.put("seededPilots", seeded);
    level.put("people", "named");
    level.put("taskQueryP95Ms", 1.0);
    level.put("taskCountP95Ms", 1.0);
    level.put("notMeasured", Map.of());
    level.put("dashboardCommitteeP95Ms", dashboard);
    level.put("dashboardExecutiveP95Ms", 40.0);
    level.put("dashboardDataP95Ms", dashboard);
    level.put("dashboardPortfolioBytes", 1_000_000);
    level.put("auditRows", seeded * 5);
    level.put("pilotsInProduction", seeded / 10);
    level.put("latencies", Map.of("dashboardCommitteeSlowest", Map.of("p95Ms", 290.0),
        "dashboardCommittee.businessUnits", Map.of("p95Ms", 5.0), "dashboardCommittee.portfolio", Map.of("p95Ms", 280.0),
        "dashboardCommittee.stuckCounts", Map.of("p95Ms", 20.0), "dashboardCommittee.rootCauses", Map.of("p95Ms", 9.0)));
    return level;
  }

  @Test
  void aFailureIsOneLineWithItsRootCause() {
    String cause = PilotLifecycleBenchmark.cause(new IllegalStateException("outer",
        new java.io.UncheckedIOException(new java.net.http.HttpTimeoutException("request timed out"))));
    assertThat(cause).isEqualTo("HttpTimeoutException: request timed out");
  }
}
