package org.pilotlifecycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pgbench's TPC-B-like transaction with the benchmark's concurrency, against the same server. */
final class PgBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  record Result(double tps, int scale, int clients, int seconds, String output) {
  }

  static Result run(BenchSettings settings, String database) throws IOException, InterruptedException {
    int scale = Math.max(settings.clients(), 1);
    exec(settings, database, "-i", "-q", "-s", String.valueOf(scale));
    String output = exec(settings, database, "-c", String.valueOf(settings.clients()), "-j",
        String.valueOf(Math.min(settings.clients(), Runtime.getRuntime().availableProcessors())), "-T",
        String.valueOf(settings.pgbenchSeconds()), "-n");
    Matcher matcher = TPS.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("No tps in pgbench's output:\n" + output);
    }
    return new Result(Double.parseDouble(matcher.group(1)), scale, settings.clients(), settings.pgbenchSeconds(),
        output);
  }

  private static String exec(BenchSettings settings, String database, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(settings.pgbench(), "-h", settings.host(), "-p",
        String.valueOf(settings.port()), "-U", settings.user()));
    command.addAll(List.of(arguments));
    command.add(database);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", settings.password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
