package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Closed;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of issue 7: range reads, which decode only the blosc blocks holding the range, return exactly what a
 * full decode of the series filtered by the range returns, over random ranges (full and prefix bounds, existing and
 * missing values, duplicates), every closed flag and several segment layouts (one large write, overlapping writes,
 * a two-column index, arrays embedded in the commit).
 */
class RangeReadTest {
  private static final long SEED = Long.getLong("lakota.rangeSeed", 20_261_122L);
  private static final Schema ONE = Schema.parse("ts int*", "value float", "small int16", "tiny int8");
  private static final Schema TWO = Schema.parse("a int32*", "b int16*", "value float32");
  private final int embedMaxSize = Settings.get().embedMaxSize();

  @AfterEach
  void restore() {
    Settings.get().embedMaxSize(embedMaxSize);
  }

  @Test
  void oneLargeWriteWithDuplicates() {
    RandomGenerator rnd = random(1);
    Series s = repo().createCollection(ONE, "c").series("s");
    s.write(oneIndexFrame(rnd, 0, 150_000, 3));
    checkRanges(s, rnd, 200, 0, 160_000);
  }

  @Test
  void overlappingWrites() {
    RandomGenerator rnd = random(2);
    Series s = repo().createCollection(ONE, "c").series("s");
    for (int w = 0; w < 5; w++) {
      long start = rnd.nextLong(0, 400_000);
      s.write(oneIndexFrame(rnd, start, rnd.nextInt(1, 90_000), 2));
    }
    s.delete(rnd.nextLong(0, 200_000), rnd.nextLong(200_000, 300_000));
    assertThat(s.segments(s.query()).size()).isGreaterThan(1);
    checkRanges(s, rnd, 200, 0, 600_000);
  }

  @Test
  void arraysEmbeddedInTheCommit() {
    Settings.get().embedMaxSize(1 << 24);
    RandomGenerator rnd = random(3);
    Repo repo = repo();
    Series s = repo.createCollection(ONE, "c").series("s");
    s.write(oneIndexFrame(rnd, 0, 120_000, 1));
    s.write(oneIndexFrame(rnd, 100_000, 60_000, 1));
    assertThat(repo.pod().walk().stream().filter(p -> p.split("/").length == 3).count())
        .as("no data file").isZero();
    checkRanges(s, rnd, 200, 0, 170_000);
  }

  @Test
  void twoColumnIndexWithPrefixBounds() {
    RandomGenerator rnd = random(4);
    Series s = repo().createCollection(TWO, "c").series("s");
    int n = 140_000;
    int[] a = new int[n];
    short[] b = new short[n];
    float[] v = new float[n];
    int key = 0;
    short sub = 0;
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(8) == 0) {
        key += 1 + rnd.nextInt(2);
        sub = (short) rnd.nextInt(3);
      } else if (rnd.nextInt(3) > 0) {
        sub++;
      }
      a[i] = key;
      b[i] = sub;
      v[i] = rnd.nextFloat();
    }
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("a", a);
    cols.put("b", b);
    cols.put("value", v);
    s.write(cols);
    Frame full = s.frame();
    List<Dtype> dtypes = TWO.indexDtypes();
    Closed[] flags = Closed.values();
    for (int k = 0; k < 200; k++) {
      Object[] start = twoBound(rnd, key);
      Object[] stop = twoBound(rnd, key);
      Closed closed = flags[rnd.nextInt(flags.length)];
      Query q = s.query().closed(closed);
      if (start != null) {
        q.start(start);
      }
      if (stop != null) {
        q.stop(stop);
      }
      assertThat(q.frame()).as("seed %d, range %s", SEED, q).isEqualTo(expected(full, dtypes, start, stop, closed));
    }
  }

  private static Object[] twoBound(RandomGenerator rnd, int maxKey) {
    switch (rnd.nextInt(4)) {
      case 0:
        return null;
      case 1:
        return new Object[] {rnd.nextInt(-2, maxKey + 3)};
      default:
        return new Object[] {rnd.nextInt(-2, maxKey + 3), (short) rnd.nextInt(0, 12)};
    }
  }

  /** Random ranges on the one-column index {@code ts}; also checks that narrow reads go block by block. */
  private static void checkRanges(Series s, RandomGenerator rnd, int count, long lo, long hi) {
    Repo repo = s.collection().repo();
    Frame full = s.frame();
    assertThat(full.length()).isGreaterThan(50_000);
    List<Dtype> dtypes = ONE.indexDtypes();
    long[] ts = full.longs("ts");
    Closed[] flags = Closed.values();
    for (int k = 0; k < count; k++) {
      Long start = rnd.nextInt(10) == 0 ? null : rnd.nextInt(3) == 0 ? nearBlockEdge(rnd, ts)
          : rnd.nextLong(lo - 10, hi + 10);
      Long stop = rnd.nextInt(10) == 0 ? null : rnd.nextInt(3) == 0 ? nearBlockEdge(rnd, ts)
          : rnd.nextBoolean() && start != null ? start + rnd.nextLong(0, 5_000) : rnd.nextLong(lo - 10, hi + 10);
      Closed closed = flags[rnd.nextInt(flags.length)];
      Query q = s.query().closed(closed);
      if (start != null) {
        q.start(start);
      }
      if (stop != null) {
        q.stop(stop);
      }
      Object[] a = start == null ? null : new Object[] {start};
      Object[] b = stop == null ? null : new Object[] {stop};
      assertThat(q.frame()).as("seed %d, start %s, stop %s, closed %s", SEED, start, stop, closed)
          .isEqualTo(expected(full, dtypes, a, b, closed));
      if (rnd.nextInt(4) == 0) {
        Query sel = s.query().closed(closed).select("tiny", "value");
        if (start != null) {
          sel.start(start);
        }
        if (stop != null) {
          sel.stop(stop);
        }
        assertThat(sel.frame()).isEqualTo(expected(full, dtypes, a, b, closed).select("tiny", "value"));
      }
    }
    // a narrow read in the middle of a large segment went block by block through the cache
    repo.objects().blockCache().clear();
    long mid = full.longs("ts")[full.length() / 2];
    s.query().start(mid).stop(mid + 100).frame();
    assertThat(repo.objects().blockCache().size()).isPositive();
  }

  /**
   * The rows of {@code full} within the bounds (prefixes compared on their length), found by the test's own
   * bisection over the boxed index tuples (both conditions are monotonic on a sorted frame).
   */
  private static Frame expected(Frame full, List<Dtype> dtypes, Object[] start, Object[] stop, Closed closed) {
    int n = full.length();
    int first = firstTrue(n, i -> start == null || after(dtypes, full.indexTuple(i), start, closed.left()));
    int end = firstTrue(n, i -> stop != null && !after(dtypes, stop, full.indexTuple(i), closed.right()));
    return full.slice(first, Math.max(first, end));
  }

  /** A value at or next to a row where an int64 blosc block (32 768 items) starts: duplicates straddle edges. */
  private static long nearBlockEdge(RandomGenerator rnd, long[] ts) {
    int edges = Math.max(1, ts.length / 32_768);
    int i = rnd.nextInt(1, edges + 1) * 32_768 + rnd.nextInt(-2, 3);
    return ts[Math.max(0, Math.min(ts.length - 1, i))];
  }

  private static int firstTrue(int n, java.util.function.IntPredicate p) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** {@code x > y} on the common prefix, or equal when {@code orEqual}; the prefix is {@code y}'s for bounds. */
  private static boolean after(List<Dtype> dtypes, Object[] x, Object[] y, boolean orEqual) {
    int k = Math.min(x.length, y.length);
    Object[] xs = java.util.Arrays.copyOf(x, k);
    Object[] ys = java.util.Arrays.copyOf(y, k);
    int c = Values.compareTuples(dtypes.subList(0, k), xs, ys);
    return c > 0 || (c == 0 && orEqual);
  }

  private static Frame oneIndexFrame(RandomGenerator rnd, long start, int n, int maxRepeat) {
    long[] ts = new long[n];
    double[] value = new double[n];
    short[] small = new short[n];
    byte[] tiny = new byte[n];
    long t = start;
    for (int i = 0; i < n; i++) {
      if (i > 0 && rnd.nextInt(maxRepeat) == 0) {
        t += 1 + rnd.nextInt(2);
      }
      ts[i] = t;
      value[i] = rnd.nextDouble();
      small[i] = (short) rnd.nextInt();
      tiny[i] = (byte) rnd.nextInt();
    }
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("ts", ts);
    cols.put("value", value);
    cols.put("small", small);
    cols.put("tiny", tiny);
    return new Frame(ONE, cols);
  }

  private static RandomGenerator random(int test) {
    long seed = SEED + test;
    System.out.println("RangeReadTest seed " + seed);
    return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
  }

  private static Repo repo() {
    return Repo.open("memory://");
  }
}
