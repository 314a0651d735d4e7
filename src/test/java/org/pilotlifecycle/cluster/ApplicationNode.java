package org.pilotlifecycle.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pilotlifecycle.support.Http;
import org.pilotlifecycle.support.PostgresTestDatabase;

/**
 * One node of the application: the packaged jar ({@code -Dpilot.jar}, set by Failsafe) started as an
 * operating-system process on a PostgreSQL database, as an operator would run it, with the job
 * executor on. Its output goes to {@code target/nodes/<name>.log}.
 */
final class ApplicationNode implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String databaseUrl;
  private final int port;
  private final Path log;
  private Process process;

  ApplicationNode(String name, String databaseUrl) {
    this.name = name;
    this.databaseUrl = databaseUrl;
    this.port = freePort();
    this.log = Path.of("target", "nodes", name + "-" + port + ".log");
  }

  String name() {
    return name;
  }

  Http http() {
    return new Http(port);
  }

  /** Starts the process without waiting for it to be ready (so that several nodes start together). */
  ApplicationNode launch() {
    String jar = System.getProperty("pilot.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("The packaged application is missing: -Dpilot.jar=" + jar
          + " (run through Maven's verify phase, which packages it first)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar,
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + PostgresTestDatabase.user(),
        "--spring.datasource.password=" + PostgresTestDatabase.password(),
        "--pilot.identity.admin-password=demo",
        "--pilot.identity.demo-users=true",
        // The node's name in the engine: the historic job log records which node executed each job.
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        // Poll for due jobs at least every second, so the test does not wait on the idle back-off.
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        // Notifications are written to the outbox (so duplicates would show) but not sent.
        "--pilot.mail.enabled=true", "--pilot.mail.scheduled=false", "--spring.mail.host=localhost",
        "--spring.mail.port=1",
        "--logging.level.root=warn", "--logging.level.org.pilotlifecycle=info"));
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
    return this;
  }

  /** Waits until the node answers its health endpoint with UP; fails if the process dies first. */
  ApplicationNode awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " during start-up; see " + log);
      }
      if (healthy()) {
        return this;
      }
      pause(Duration.ofMillis(250));
    }
    throw new AssertionError("Node " + name + " not ready after " + timeout + "; see " + log);
  }

  boolean healthy() {
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/actuator/health")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: no shutdown hook, no connection closed cleanly, no transaction finished. */
  int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("Node " + name + " did not die on SIGKILL");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
