package org.pilotlifecycle.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the benchmark runs against and how much it does: system properties ({@code pilot.bench.*}, set by the
 * Maven profile) first, then environment variables ({@code PILOT_BENCH_*}), then the defaults.
 */
record BenchSettings(String host, int port, String superUser, String superPassword, String user, String password,
    int pilots, int clients, List<Integer> seeds, int timers, int pgbenchSeconds, Path output, Path jar,
    String appJvmOptions, String pgbench) {

  /** Seconds the timer drain waits for its escalations before it records the drain as not measured. */
  int timerDrainTimeoutSeconds() {
    return Integer.parseInt(value("timer-drain-timeout-seconds", "900"));
  }

  static BenchSettings read() {
    return new BenchSettings(
        value("postgres.host", "127.0.0.1"),
        Integer.parseInt(value("postgres.port", "5432")),
        value("postgres.superuser", "postgres"),
        value("postgres.superuser-password", "postgres"),
        value("postgres.user", "pilot"),
        value("postgres.password", "pilot"),
        Integer.parseInt(value("n", "500")),
        Integer.parseInt(value("clients", "8")),
        Arrays.stream(value("seeds", "1000,10000,100000").split(",")).map(String::trim).map(Integer::parseInt).toList(),
        Integer.parseInt(value("timers", "10000")),
        Integer.parseInt(value("pgbench-seconds", "30")),
        Path.of(value("output", "bench/results")),
        Path.of(value("jar", "target/pilot-lifecycle-0.1.0-SNAPSHOT.jar")),
        value("app-jvm-options", "-Xmx512m"),
        value("pgbench", "pgbench"));
  }

  /** {@code pilot.bench.postgres.host} or {@code PILOT_BENCH_POSTGRES_HOST}. */
  static String value(String name, String fallback) {
    String property = System.getProperty("pilot.bench." + name);
    if (property != null && !property.isBlank() && !property.startsWith("${")) {
      return property;
    }
    String env = System.getenv("PILOT_BENCH_" + name.toUpperCase().replace('.', '_').replace('-', '_'));
    return env != null && !env.isBlank() ? env : fallback;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PostgreSQL " + host + ":" + port + " (superuser " + superUser + ", user " + user + "), N=" + pilots
        + ", clients=" + clients + ", seeds=" + seeds + ", timers=" + timers + ", pgbench " + pgbenchSeconds + " s, jar "
        + jar + ", app JVM " + appJvmOptions;
  }
}
