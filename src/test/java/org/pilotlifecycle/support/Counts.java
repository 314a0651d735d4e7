package org.pilotlifecycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The counts the security and reliability tests measured (requests sent, refused, 5xx; racers and
 * winners; pilots before and after a crash; timers due and fired), printed and collected in
 * {@code target/reliability-counts.txt}, which CI prints at the end of its run.
 */
public final class Counts {

  static final Path FILE = Path.of("target", "reliability-counts.txt");

  private Counts() {
  }

  public static synchronized void report(String format, Object... arguments) {
    String database = PostgresTestDatabase.selected() || "true".equals(System.getProperty("pilot.counts.postgres"))
        ? "postgres" : "h2";
    String line = "[" + database + "] " + String.format(format, arguments).strip();
    System.out.println(line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
