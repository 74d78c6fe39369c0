package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Closed;
import io.lakota.id.Hextime;
import io.lakota.version.Revision;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Seeded model test (the acceptance 3): random writes (random ranges, explicit bounds, closed flags,
 * overlaps, duplicate index values), deletes, batches and repeated writes go to two series and to a model made of
 * one {@code TreeMap<Long, List<Double>>} per series; every read agrees with the model — ranged and paged reads,
 * tails, and reads {@code before} / {@code at} every past revision. The seed is in every assertion message;
 * {@code -Dlakota.modelSeed=N} replays one.
 */
abstract class ModelContract extends ApiContract {
  static final String[] LABELS = {"a", "b"};
  static final int KEYS = 40;
  static final Closed[] FLAGS = Closed.values();

  /** The number of random operations to run on this backend. */
  protected abstract int operations();

  /** A clock that advances one millisecond per call, so that every revision has its own epoch. */
  static final class TickingClock extends Clock {
    private final AtomicLong millis;

    TickingClock(long start) {
      this.millis = new AtomicLong(start);
    }

    @Override
    public long millis() {
      return millis.getAndIncrement();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** The model: per label, index value → values in write order. */
  static Map<String, TreeMap<Long, List<Double>>> copy(Map<String, TreeMap<Long, List<Double>>> m) {
    Map<String, TreeMap<Long, List<Double>>> out = new TreeMap<>();
    for (Map.Entry<String, TreeMap<Long, List<Double>>> e : m.entrySet()) {
      TreeMap<Long, List<Double>> t = new TreeMap<>();
      for (Map.Entry<Long, List<Double>> k : e.getValue().entrySet()) {
        t.put(k.getKey(), new ArrayList<>(k.getValue()));
      }
      out.put(e.getKey(), t);
    }
    return out;
  }

  static boolean inside(long k, Long start, Long stop, Closed closed) {
    return (start == null || k > start || (k == start && closed.left()))
        && (stop == null || k < stop || (k == stop && closed.right()));
  }

  /** The model's rows within the bounds, as {@code [keys, values]}. */
  static List<long[]> expected(TreeMap<Long, List<Double>> m, Long start, Long stop, Closed closed) {
    List<Long> keys = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Map.Entry<Long, List<Double>> e : m.entrySet()) {
      if (inside(e.getKey(), start, stop, closed)) {
        for (double v : e.getValue()) {
          keys.add(e.getKey());
          values.add(v);
        }
      }
    }
    long[] k = keys.stream().mapToLong(Long::longValue).toArray();
    long[] v = values.stream().mapToLong(d -> (long) (double) d).toArray();
    return List.of(k, v);
  }

  /** One planned write: the frame, its explicit bounds (null: the frame's first/last) and flag. */
  record Write(String label, long[] keys, double[] values, Long start, Long stop, Closed closed) {
    long effectiveStart() {
      return start != null ? start : keys[0];
    }

    long effectiveStop() {
      return stop != null ? stop : keys[keys.length - 1];
    }

    void applyTo(Map<String, TreeMap<Long, List<Double>>> model) {
      TreeMap<Long, List<Double>> m = model.get(label);
      long s = effectiveStart();
      long e = effectiveStop();
      m.keySet().removeIf(k -> inside(k, s, e, closed));
      for (int i = 0; i < keys.length; i++) {
        if (inside(keys[i], s, e, closed)) {
          m.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(values[i]);
        }
      }
    }

    List<Revision> run(Collection c) {
      Frame f = new Frame(c.schema(), tv(keys, values));
      return c.series(label).write(f, start == null ? null : new Object[] {start},
          stop == null ? null : new Object[] {stop}, closed, false);
    }
  }

  static Write randomWrite(RandomGenerator rnd, int step) {
    String label = LABELS[rnd.nextInt(LABELS.length)];
    Closed closed = FLAGS[rnd.nextInt(FLAGS.length)];
    while (true) {
      boolean delete = rnd.nextInt(8) == 0;
      int n = delete ? 0 : 1 + rnd.nextInt(8);
      long[] keys = new long[n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        keys[i] = rnd.nextInt(KEYS + 1);
        values[i] = step * 100 + i;
      }
      Arrays.sort(keys);
      Long start = delete || rnd.nextBoolean() ? (long) rnd.nextInt(-2, KEYS + 3) : null;
      Long stop = delete || rnd.nextBoolean() ? (long) rnd.nextInt(-2, KEYS + 3) : null;
      Write w = new Write(label, keys, values, start, stop, closed);
      if (w.effectiveStart() <= w.effectiveStop()) {
        return w;
      }
    }
  }

  @Test
  void randomWritesAgreeWithTheModel() {
    long seed = Long.getLong("lakota.modelSeed", 20_261_122L + operations());
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    Repo r = new Repo(pod, new TickingClock(1_700_000_000_000L));
    Collection c = r.createCollection(S1, "model");
    Map<String, TreeMap<Long, List<Double>>> model = new TreeMap<>();
    for (String l : LABELS) {
      model.put(l, new TreeMap<>());
    }
    List<Revision> revisions = new ArrayList<>();
    List<Map<String, TreeMap<Long, List<Double>>>> snapshots = new ArrayList<>();
    Write previous = null;
    for (int step = 0; step < operations(); step++) {
      String where = "seed " + seed + ", step " + step;
      int op = rnd.nextInt(20);
      List<Revision> written;
      if (op == 0 && previous != null) {
        // writing the same thing again is a no-op
        written = previous.run(c);
        assertThat(written).as("double write, %s", where).isEmpty();
      } else if (op == 1) {
        List<Write> batch = new ArrayList<>();
        try (Batch b = c.multi()) {
          for (int i = rnd.nextInt(1, 4); i > 0; i--) {
            Write w = randomWrite(rnd, step * 10 + i);
            assertThat(w.run(c)).isEmpty();
            batch.add(w);
          }
          written = b.commit();
        }
        for (Write w : batch) {
          w.applyTo(model);
        }
        previous = null;
      } else {
        Write w = randomWrite(rnd, step);
        written = w.run(c);
        w.applyTo(model);
        previous = w;
      }
      assertThat(written.size()).as("revisions written, %s", where).isLessThanOrEqualTo(1);
      if (written.size() == 1) {
        revisions.add(written.get(0));
        snapshots.add(copy(model));
      }
      for (String l : LABELS) {
        check(c.series(l).query(), model.get(l), null, null, Closed.LEFT, where + ", full read of " + l);
      }
      randomRead(rnd, c, model, where);
    }
    Collection reopened = new Repo(pod).collection("model");
    for (int i = 0; i < revisions.size(); i++) {
      Revision rev = revisions.get(i);
      String where = "seed " + seed + ", revision " + i + " " + rev.path();
      String justAfter = Hextime.of(Hextime.millis(rev.epoch()) + 1);
      for (String l : LABELS) {
        TreeMap<Long, List<Double>> m = snapshots.get(i).get(l);
        check(reopened.series(l).query().before(justAfter), m, null, null, Closed.LEFT, where + " before, " + l);
        check(reopened.series(l).query().at(rev), m, null, null, Closed.LEFT, where + " at, " + l);
      }
    }
    assertThat(reopened.changelog().log()).as("seed %d", seed).hasSize(revisions.size());
  }

  void randomRead(RandomGenerator rnd, Collection c, Map<String, TreeMap<Long, List<Double>>> model, String where) {
    String label = LABELS[rnd.nextInt(LABELS.length)];
    Long start = rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(-2, KEYS + 3);
    Long stop = rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(-2, KEYS + 3);
    Closed closed = FLAGS[rnd.nextInt(FLAGS.length)];
    Query q = c.series(label).query().start(start).stop(stop).closed(closed);
    String what = String.format("%s, read %s %s %s %s", where, label, start, stop, closed);
    List<long[]> exp = expected(model.get(label), start, stop, closed);
    int kind = rnd.nextInt(4);
    if (kind == 0) {
      check(q, model.get(label), start, stop, closed, what);
    } else if (kind == 1) {
      int offset = rnd.nextInt(5);
      int limit = rnd.nextInt(8);
      q.offset(offset).limit(limit);
      int from = Math.min(offset, exp.get(0).length);
      int to = Math.min(from + limit, exp.get(0).length);
      assertRows(q.frame(), Arrays.copyOfRange(exp.get(0), from, to), Arrays.copyOfRange(exp.get(1), from, to),
          what + " offset " + offset + " limit " + limit);
    } else if (kind == 2) {
      int n = rnd.nextInt(1, 10);
      int len = exp.get(0).length;
      assertRows(q.tail(n), Arrays.copyOfRange(exp.get(0), Math.max(0, len - n), len),
          Arrays.copyOfRange(exp.get(1), Math.max(0, len - n), len), what + " tail " + n);
    } else {
      int stepLen = rnd.nextInt(1, 6);
      List<Long> keys = new ArrayList<>();
      List<Long> values = new ArrayList<>();
      for (Frame page : q.paginate(stepLen)) {
        assertThat(page.isEmpty()).as("%s paginate %d", what, stepLen).isFalse();
        for (int i = 0; i < page.length(); i++) {
          keys.add(page.longs("timestamp")[i]);
          values.add((long) page.doubles("value")[i]);
        }
      }
      assertThat(keys).as("%s paginate %d keys", what, stepLen)
          .containsExactly(Arrays.stream(exp.get(0)).boxed().toArray(Long[]::new));
      assertThat(values).as("%s paginate %d values", what, stepLen)
          .containsExactly(Arrays.stream(exp.get(1)).boxed().toArray(Long[]::new));
    }
  }

  static void check(Query q, TreeMap<Long, List<Double>> m, Long start, Long stop, Closed closed, String what) {
    List<long[]> exp = expected(m, start, stop, closed);
    assertRows(q.frame(), exp.get(0), exp.get(1), what);
  }

  static void assertRows(Frame f, long[] keys, long[] values, String what) {
    long[] v = new long[f.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (long) f.doubles("value")[i];
    }
    assertThat(f.longs("timestamp")).as("%s: keys", what).containsExactly(keys);
    assertThat(v).as("%s: values", what).containsExactly(values);
  }
}
