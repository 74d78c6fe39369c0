package io.lakota.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Process-wide byte counters of pod reads and writes (SEMANTICS.md §7.6): key {@code "<Kind>.read"} adds the bytes
 * returned by every read, {@code "<Kind>.write"} the bytes given to every write call, even a skipped one. Keys keep
 * their first-use order. Thread-safe.
 */
public final class PodMetrics {
  private static final Map<String, Long> COUNTERS = new LinkedHashMap<>();

  private PodMetrics() {}

  /** Adds {@code bytes} to the counter {@code key}. */
  public static void add(String key, long bytes) {
    synchronized (COUNTERS) {
      COUNTERS.merge(key, bytes, Long::sum);
    }
  }

  /** Records a read of {@code bytes} bytes by a pod of the given kind. */
  public static void read(String kind, long bytes) {
    add(kind + ".read", bytes);
  }

  /** Records a write call of {@code bytes} bytes by a pod of the given kind. */
  public static void write(String kind, long bytes) {
    add(kind + ".write", bytes);
  }

  /** A copy of the counters, in first-use order. */
  public static Map<String, Long> snapshot() {
    synchronized (COUNTERS) {
      return new LinkedHashMap<>(COUNTERS);
    }
  }

  /** The value of one counter, 0 when never used. */
  public static long get(String key) {
    synchronized (COUNTERS) {
      return COUNTERS.getOrDefault(key, 0L);
    }
  }

  /** Clears every counter. */
  public static void reset() {
    synchronized (COUNTERS) {
      COUNTERS.clear();
    }
  }
}
