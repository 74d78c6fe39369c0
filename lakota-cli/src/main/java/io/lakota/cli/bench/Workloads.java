package io.lakota.cli.bench;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.Series;
import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.storage.file.FilePod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard workloads W1–W5 of {@code lakota bench} (issue 7): each prepares its data, then times only the
 * measured operation on a file repository, and reports a {@link BenchResult}.
 */
public final class Workloads {
  static final Schema SCHEMA = Schema.parse("timestamp timestamp*", "value float");

  private Workloads() {}

  /** Runs workload {@code name} ({@code W1} … {@code W5}) with {@code rows} rows on the repository at {@code path}. */
  public static BenchResult run(String name, int rows, Path path) {
    return run(name, rows, path, false);
  }

  /**
   * Runs workload {@code name}, first warming the JIT up (unless {@code warmUp} is false) with smaller runs of the
   * same workload on a temporary repository: like the JVM start, compiling the code is not part of the measured
   * operation. The measured run is the first one on {@code path}. The warm-up repository is in memory
   * ({@code /dev/shm}) where the system has such a folder, and is deleted after the measured run: on ext4 without a
   * journal (this project's benchmark machines) every file creation skips, one by one, the inodes freed in the last
   * minutes, so thousands of warm-up files deleted from the measured file system just before the measurement would
   * slow each of its file creations.
   */
  public static BenchResult run(String name, int rows, Path path, boolean warmUp) {
    ValidationException.check(rows > 0, "Cannot run %s: ROWS must be > 0, got %d", name, rows);
    Path scratch = warmUp ? warmUp(name, rows) : null;
    try {
      switch (name) {
        case "W1":
          return w1(rows, path);
        case "W2":
          return w2(rows, path);
        case "W3":
          return w3(rows, path);
        case "W4":
          return w4(rows, path);
        case "W5":
          return w5(rows, path);
        default:
          throw new ValidationException("Unknown workload \"" + name + "\": expected W1, W2, W3, W4 or W5");
      }
    } finally {
      if (scratch != null) {
        DiskUsage.delete(scratch);
      }
    }
  }

  /**
   * Three smaller runs of the workload in a new temporary folder, which is returned. W4 warms up with as many
   * commits as it measures, up to 1000: its commits grow with the leaf commit, and C2 compiles the loops over the
   * commit's rows only once they are long, so 300-commit runs left the compiler busy during the measurement.
   */
  private static Path warmUp(String name, int measuredRows) {
    Path tmp;
    try {
      Path shm = Path.of("/dev/shm");
      tmp = java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)
          ? java.nio.file.Files.createTempDirectory(shm, "lakota-bench-warmup")
          : java.nio.file.Files.createTempDirectory("lakota-bench-warmup");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create a warm-up folder: " + e.getMessage(), e);
    }
    boolean done = false;
    try {
      // 2 M rows: the value column's data file (12 MB) takes the same read path as at 10 M rows (parallel parts)
      int rows = 2_000_000;
      for (int round = 0; round < 3; round++) {
        Path repo = tmp.resolve("r" + round);
        switch (name) {
          case "W4":
            w4(Math.min(measuredRows, 1000), repo);
            break;
          case "W5":
            w5(200_000, repo);
            break;
          default:
            w1(rows, repo);
            if (name.equals("W3")) {
              w3(rows, repo);
            } else {
              w2(rows, repo);
            }
        }
      }
      done = true;
      // the warm-up's garbage is not the measured operation's: collect it now, as JMH does between iterations,
      // or the young collection it makes due lands in the measurement (W2: 17 ms of 0.11 s)
      System.gc();
      return tmp;
    } finally {
      if (!done) {
        DiskUsage.delete(tmp);
      }
    }
  }

  static Repo open(Path path) {
    return new Repo(new FilePod(path));
  }

  static Map<String, Object> frame(long[] ts, double[] values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", ts);
    m.put("value", values);
    return m;
  }

  /** W1: create collection {@code bench} and write series {@code s} with all rows in one write. */
  static BenchResult w1(int rows, Path path) {
    long[] ts = BenchData.timestamps(rows);
    double[] values = BenchData.values(rows);
    Repo repo = open(path);
    long t0 = System.nanoTime();
    Collection c = repo.createCollection(SCHEMA, "bench");
    c.series("s").write(frame(ts, values));
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new BenchResult("W1", rows, seconds, rows / seconds, null, DiskUsage.of(path));
  }

  /** W2: a fresh handle reads {@code bench/s} in full. */
  static BenchResult w2(int rows, Path path) {
    long t0 = System.nanoTime();
    Frame f = benchSeries("W2", path).frame();
    double seconds = (System.nanoTime() - t0) / 1e9;
    check(f.length() == rows, "W2 read %d rows, expected %d", f.length(), rows);
    return new BenchResult("W2", rows, seconds, rows / seconds, null, null);
  }

  /** Series {@code bench/s} of the repository W1 wrote at {@code path}, which W2 and W3 read. */
  private static Series benchSeries(String workload, Path path) {
    Collection c = open(path).collection("bench");
    if (c == null) {
      throw new ValidationException("Cannot run " + workload + " on " + path + ": it reads the repository W1 writes,"
          + " and there is no collection \"bench\" there (run W1 on it first)");
    }
    return c.series("s");
  }

  /** W3: 1000 range reads of 3600 rows at pseudo-random offsets. */
  static BenchResult w3(int rows, Path path) {
    check(rows > 3600, "W3 needs more than 3600 rows, got %d", rows);
    Series s = benchSeries("W3", path);
    long total = 0;
    long t0 = System.nanoTime();
    for (long j = 0; j < 1000; j++) {
      long off = (j * 7919L * 3600L) % (rows - 3600);
      long start = BenchData.T0 + off;
      total += s.query().start(start).stop(start + 3600).frame().length();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    check(total == 3_600_000L, "W3 read %d rows, expected 3600000", total);
    return new BenchResult("W3", total, seconds, total / seconds, 1000L, null);
  }

  /** W4: one-row commits into collection {@code small}, series {@code s<i mod 100>}. */
  static BenchResult w4(int rows, Path path) {
    Repo repo = open(path);
    long t0 = System.nanoTime();
    Collection c = repo.createCollection(SCHEMA, "small");
    for (int i = 0; i < rows; i++) {
      c.series("s" + (i % 100)).write(frame(new long[] {BenchData.T0 + i}, new double[] {i}));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new BenchResult("W4", rows, seconds, rows / seconds, (long) rows, DiskUsage.of(path));
  }

  /**
   * W5: one batch ({@link Collection#multi()}) writing 1000 series {@code s0 … s999} of ROWS/1000 rows each into
   * collection {@code batch} (created before the clock starts): the first ROWS/1000 rows of the data, value + j
   * for series j.
   */
  static BenchResult w5(int rows, Path path) {
    check(rows >= 1000, "W5 needs at least 1000 rows (1000 series), got %d", rows);
    int per = rows / 1000;
    long[] ts = BenchData.timestamps(per);
    double[] base = BenchData.values(per);
    List<Map<String, Object>> frames = new ArrayList<>(1000);
    for (int j = 0; j < 1000; j++) {
      double[] v = new double[per];
      for (int i = 0; i < per; i++) {
        v[i] = base[i] + j;
      }
      frames.add(frame(ts, v));
    }
    Collection c = open(path).createCollection(SCHEMA, "batch");
    long t0 = System.nanoTime();
    c.multi(batch -> {
      for (int j = 0; j < 1000; j++) {
        c.series("s" + j).write(frames.get(j));
      }
    });
    double seconds = (System.nanoTime() - t0) / 1e9;
    long written = 1000L * per;
    return new BenchResult("W5", written, seconds, written / seconds, null, DiskUsage.of(path));
  }

  private static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
