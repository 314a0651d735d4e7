package org.pilotlifecycle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Latencies by kind of step, in nanoseconds; thread-safe. */
final class Latencies {

  private final Map<String, List<Long>> byKind = new ConcurrentHashMap<>();

  void record(String kind, long nanos) {
    List<Long> list = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
    synchronized (list) {
      list.add(nanos);
    }
  }

  <T> T time(String kind, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      record(kind, System.nanoTime() - start);
    }
  }

  void time(String kind, Runnable work) {
    time(kind, () -> {
      work.run();
      return null;
    });
  }

  /** The only (or the last) latency of that kind, in nanoseconds; 0 when none. */
  long nanos(String kind) {
    List<Long> list = byKind.get(kind);
    if (list == null) {
      return 0;
    }
    synchronized (list) {
      return list.isEmpty() ? 0 : list.get(list.size() - 1);
    }
  }

  long count(String kind) {
    List<Long> list = byKind.get(kind);
    return list == null ? 0 : list.size();
  }

  /** kind -> {count, p50Ms, p95Ms, p99Ms}, kinds in the given order first. */
  Map<String, Map<String, Object>> summary(List<String> order) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    List<String> kinds = new ArrayList<>(order);
    byKind.keySet().stream().sorted().filter(k -> !kinds.contains(k)).forEach(kinds::add);
    for (String kind : kinds) {
      List<Long> list = byKind.get(kind);
      if (list == null) {
        continue;
      }
      long[] values;
      synchronized (list) {
        values = list.stream().mapToLong(Long::longValue).toArray();
      }
      Arrays.sort(values);
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("count", values.length);
      stats.put("p50Ms", ms(percentile(values, 50)));
      stats.put("p95Ms", ms(percentile(values, 95)));
      stats.put("p99Ms", ms(percentile(values, 99)));
      out.put(kind, stats);
    }
    return out;
  }

  double p95Ms(String kind) {
    List<Long> list = byKind.get(kind);
    long[] values = list.stream().mapToLong(Long::longValue).sorted().toArray();
    return ms(percentile(values, 95));
  }

  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static double ms(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
