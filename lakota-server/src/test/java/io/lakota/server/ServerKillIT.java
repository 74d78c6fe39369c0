package io.lakota.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Batch;
import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.errors.StorageException;
import io.lakota.format.Schema;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.http.HttpPod;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 4: the server runs as a separate process over a file repository; it is killed with SIGKILL
 * while a client is in the middle of a batch write (data files arriving, revision not yet written). The repository,
 * reopened as files, reads exactly as at its previous revision.
 */
class ServerKillIT {
  private static final Schema SCHEMA = Schema.parse("timestamp int*", "value float");
  private static final long[] TIMESTAMPS = {10, 20, 30};
  private static final double[] VALUES = {1.5, 2.5, 3.5};

  @TempDir Path tmp;

  @Test
  void killingTheServerMidWriteLeavesThePreviousRevision() throws Exception {
    Path folder = tmp.resolve("repo");
    FilePod files = new FilePod(folder);
    Collection before = new Repo(files).createCollection(SCHEMA, "c");
    before.series("s").write(Map.of("timestamp", TIMESTAMPS, "value", VALUES));
    List<String> changelog = sorted(files.ls(before.path(), false));
    int filesBefore = files.walk().size();

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    String logging = System.getProperty("java.util.logging.config.file");
    if (logging != null) {
      command.add("-Djava.util.logging.config.file=" + logging);
    }
    command.addAll(List.of(ServerProcess.class.getName(), folder.toString()));
    Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("port ");
      URI uri = URI.create("http://127.0.0.1:" + line.substring(5) + "/");
      HttpPod http = HttpPod.builder(uri).retry(LiveServer.TEST_RETRY).build();
      Collection remote = new Repo(new SlowWritesPod(http, 5)).collection("c");
      Future<?> write = writer.submit(() -> {
        try (Batch batch = remote.multi()) {
          remote.series("s").write(Map.of("timestamp", new long[] {10, 20, 30, 40}, "value",
              new double[] {9, 9, 9, 9}));
          for (int i = 0; i < 200; i++) {
            remote.series("n" + i).write(Map.of("timestamp", ramp(i), "value", noise(i)));
          }
          batch.commit();
        }
        return null;
      });
      // the write is under way once data files arrive; 400 of them at 5 ms each leave seconds to spare
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (files.walk().size() < filesBefore + 20) {
        assertThat(System.nanoTime()).as("data files of the write arrive").isLessThan(deadline);
        assertThat(write.isDone()).as("the write is still running").isFalse();
        Thread.sleep(5);
      }
      server.destroyForcibly();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      try {
        write.get(60, TimeUnit.SECONDS);
        throw new AssertionError("the write succeeded although the server was killed");
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(StorageException.class).hasMessageContaining("no answer from " + uri);
      }
    } finally {
      server.destroyForcibly();
      writer.shutdownNow();
    }

    FilePod reopened = new FilePod(folder);
    Collection after = new Repo(reopened).collection("c");
    assertThat(sorted(reopened.ls(after.path(), false))).isEqualTo(changelog);
    assertThat(after.ls()).containsExactly("s");
    Frame frame = after.series("s").frame();
    assertThat(frame.longs("timestamp")).containsExactly(TIMESTAMPS);
    assertThat(frame.doubles("value")).containsExactly(VALUES);
    assertThat(reopened.walk().size()).isGreaterThanOrEqualTo(filesBefore + 20);
  }

  /** 2,000 distinct timestamps: large enough to be stored as data files of their own. */
  private static long[] ramp(int series) {
    long[] t = new long[2000];
    for (int i = 0; i < t.length; i++) {
      t[i] = 1000L * series + 3L * i + (i * 7919L) % 3;
    }
    return t;
  }

  private static double[] noise(int series) {
    java.util.random.RandomGenerator random =
        java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(series);
    double[] v = new double[2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextDouble();
    }
    return v;
  }

  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(null);
    return copy;
  }
}
