package org.pilotlifecycle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application in a process of its own ({@code java -jar}, profile postgres, demo users on), as
 * it runs in production: start-up time until health answers UP, and its heap sampled from the actuator.
 */
final class AppUnderTest implements AutoCloseable {

  static final String ADMIN_PASSWORD = "bench-admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchSettings settings;
  private final String database;
  private final Path log;
  private final int port;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private Process process;
  private Thread sampler;
  private final AtomicLong peakHeapBytes = new AtomicLong();
  private final AtomicLong peakLiveBytes = new AtomicLong();

  AppUnderTest(BenchSettings settings, String database, Path log) {
    this.settings = settings;
    this.database = database;
    this.log = log;
    this.port = freePort();
  }

  /** Starts the jar and waits until it is healthy; returns the seconds that took. */
  double start() throws IOException, InterruptedException {
    if (!Files.isRegularFile(settings.jar())) {
      throw new IllegalStateException("No packaged jar at " + settings.jar() + ": run ./mvnw -Pbench verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : settings.appJvmOptions().trim().split("\\s+")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-jar", settings.jar().toString(), "--spring.profiles.active=postgres",
        "--server.port=" + port, "--pilot.identity.demo-users=true"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("POSTGRES_URL", settings.jdbcUrl(database));
    env.put("POSTGRES_USER", settings.user());
    env.put("POSTGRES_PASSWORD", settings.password());
    env.put("PILOT_ADMIN_PASSWORD", ADMIN_PASSWORD);
    long started = System.nanoTime();
    process = builder.start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The application did not become healthy within 180 s; see " + log);
  }

  /** Samples used heap and the live data after GC every half second until closed. */
  void sampleHeap() {
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          peakHeapBytes.accumulateAndGet(metric("jvm.memory.used?tag=area:heap"), Math::max);
          peakLiveBytes.accumulateAndGet(metric("jvm.gc.live.data.size"), Math::max);
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // a sample lost under load is no reason to stop sampling
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private long metric(String name) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/metrics/" + name))
        .header("Authorization", authorization("admin", ADMIN_PASSWORD)).timeout(Duration.ofSeconds(5)).GET().build());
    if (response.statusCode() != 200) {
      return 0;
    }
    JsonNode json = json(response.body());
    return (long) json.path("measurements").get(0).path("value").asDouble();
  }

  double peakHeapMb() {
    return Math.round(peakHeapBytes.get() / 1024.0 / 1024.0 * 10) / 10.0;
  }

  double peakLiveHeapMb() {
    return Math.round(peakLiveBytes.get() / 1024.0 / 1024.0 * 10) / 10.0;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String authorization(String user, String password) {
    return authorizations.computeIfAbsent(user + ":" + password, key -> "Basic "
        + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
  }

  HttpRequest.Builder request(String path, String user) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "admin".equals(user) ? authorization(user, ADMIN_PASSWORD) : authorization(user, "demo"));
  }

  HttpResponse<String> get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  HttpResponse<String> post(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> put(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> ok(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
          + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (sampler != null) {
      sampler.interrupt();
    }
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
