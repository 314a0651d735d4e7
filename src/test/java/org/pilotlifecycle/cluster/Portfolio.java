package org.pilotlifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.pilotlifecycle.reporting.csv.PortfolioCsv;
import org.pilotlifecycle.support.Http;

/** Brings many pilots into their first five-phase phase through the nodes' HTTP API, as the roles would. */
final class Portfolio {

  static final String CONFIRM_REGISTRATION = "Task_ConfirmRegistration";
  static final String CONFIRMED = "{\"variables\":{\"registrationConfirmed\":{\"value\":true,\"type\":\"Boolean\"}}}";

  private Portfolio() {
  }

  /** Imports {@code count} five-phase pilots as paul, in CSV batches spread over the nodes. */
  static List<String> importPilots(String prefix, int count, List<ApplicationNode> nodes) {
    List<String> keys = new ArrayList<>();
    // Requests of 50 pilots: each well inside the client timeout (30 s) also on a loaded CI machine.
    int batch = 50;
    for (int start = 0; start < count; start += batch) {
      StringBuilder csv = new StringBuilder(String.join(",", PortfolioCsv.COLUMNS)).append('\n');
      for (int i = start; i < Math.min(count, start + batch); i++) {
        String key = prefix + "-" + i;
        keys.add(key);
        csv.append(key).append(",Pilot ").append(i).append(",Claims operations,")
            .append("Route incoming claims to the right handler,FIVE_PHASE,olivia,paul,tara,rita,chris,lena,")
            .append("false,false,false,ADVISORY,120000.00,480000.00\n");
      }
      Http http = nodes.get((start / batch) % nodes.size()).http();
      Http.Response imported = http.send(http.request("/api/pilots/import", "paul").header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
      assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    }
    return keys;
  }

  /** Confirms every open registration as paul with 8 concurrent clients spread over the nodes. */
  static int confirmAll(List<ApplicationNode> nodes) throws Exception {
    JsonNode tasks = nodes.get(0).http().get("/engine-rest/task?taskDefinitionKey=" + CONFIRM_REGISTRATION
        + "&maxResults=100000", "paul").json();
    AtomicInteger confirmed = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        String taskId = tasks.get(i).path("id").asText();
        Http http = nodes.get(i % nodes.size()).http();
        results.add(clients.submit(() -> {
          Http.Response response = http.postJson("/engine-rest/task/" + taskId + "/submit-form", "paul", CONFIRMED);
          assertThat(response.status()).as(response.body()).isIn(200, 204);
          confirmed.incrementAndGet();
        }));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      clients.shutdownNow();
    }
    return confirmed.get();
  }
}
