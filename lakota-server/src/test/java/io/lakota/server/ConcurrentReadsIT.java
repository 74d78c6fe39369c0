package io.lakota.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.format.Schema;
import io.lakota.storage.file.FilePod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 3: 8 concurrent clients, each with its own HTTP pod (connection pool), read series over
 * loopback until the server has answered 10,000 requests; every read must succeed and return the written data. The
 * rate is printed, never asserted.
 */
class ConcurrentReadsIT {
  private static final int CLIENTS = 8;
  private static final int REQUESTS = 10_000;
  private static final int SERIES = 16;

  @TempDir Path tmp;

  @Test
  void tenThousandRequestsFromEightClientsWithoutError() throws Exception {
    FilePod files = new FilePod(tmp.resolve("repo"));
    Collection written = new Repo(files).createCollection(Schema.parse("timestamp int*", "value float"), "c");
    for (int s = 0; s < SERIES; s++) {
      written.series("s" + s).write(Map.of("timestamp", timestamps(s), "value", values(s)));
    }
    try (LiveServer live = LiveServer.overFiles(tmp.resolve("repo"))) {
      long base = live.server().requests();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicLong reads = new AtomicLong();
      long start = System.nanoTime();
      try {
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          clients.add(pool.submit(() -> {
            Repo repo = new Repo(live.client());
            int s = client;
            while (live.server().requests() - base < REQUESTS) {
              try {
                int label = s++ % SERIES;
                Frame frame = repo.collection("c").series("s" + label).frame();
                if (!java.util.Arrays.equals(frame.longs("timestamp"), timestamps(label))
                    || !java.util.Arrays.equals(frame.doubles("value"), values(label))) {
                  errors.add(new AssertionError("wrong data for s" + label));
                }
                reads.incrementAndGet();
              } catch (RuntimeException e) {
                errors.add(e);
              }
            }
          }));
        }
        for (Future<?> client : clients) {
          client.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long requests = live.server().requests() - base;
      System.out.printf(java.util.Locale.ROOT,
          "ConcurrentReadsIT: %d requests (%d series reads) by %d clients in %.2f s: %.0f requests/s%n",
          requests, reads.get(), CLIENTS, seconds, requests / seconds);
      assertThat(errors).isEmpty();
      assertThat(requests).isGreaterThanOrEqualTo(REQUESTS);
      assertThat(reads.get()).isPositive();
    }
  }

  private static long[] timestamps(int series) {
    long[] t = new long[200];
    for (int i = 0; i < t.length; i++) {
      t[i] = 1_600_000_000L + 60L * i + series;
    }
    return t;
  }

  private static double[] values(int series) {
    double[] v = new double[200];
    for (int i = 0; i < v.length; i++) {
      v[i] = series * 1000 + i * 0.5;
    }
    return v;
  }
}
