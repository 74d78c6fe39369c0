package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.Schema;
import io.lakota.version.Revision;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Series semantics, SEMANTICS.md §21.10 (SE-*) and the series bug-fix cases of §21.13: collection {@code -},
 * series {@code _} written with ORIG under S1. Timestamps are written {@code t(3)} for 1589455903 ("03").
 */
abstract class SeriesContract extends ApiContract {
  static final long[] ORIG_TS = {t(3), t(4), t(5)};
  static final double[] ORIG_VALUES = {3.3, 4.4, 5.5};

  Collection clct;
  Series series;

  static long t(int lastTwoDigits) {
    return 1589455900L + lastTwoDigits;
  }

  static long[] ts(int... lastTwoDigits) {
    long[] out = new long[lastTwoDigits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = t(lastTwoDigits[i]);
    }
    return out;
  }

  @BeforeEach
  void writeOrig() {
    clct = repo.createCollection(S1, "-");
    series = clct.series("_");
    assertThat(series.write(tv(ORIG_TS, ORIG_VALUES))).hasSize(1);
  }

  static void assertFrame(Frame f, long[] timestamps, double... values) {
    assertThat(f.longs("timestamp")).as("timestamps of %s", f).containsExactly(timestamps);
    assertThat(f.doubles("value")).as("values of %s", f).containsExactly(values);
  }

  Frame read(Long start, Long stop, Closed closed) {
    return series.query().start(start).stop(stop).closed(closed).frame();
  }

  @Test
  @DisplayName("SE-1 read back, SE-20 exists")
  void readBack() {
    assertFrame(series.frame(), ORIG_TS, ORIG_VALUES);
    assertFrame(fresh().collection("-").series("_").frame(), ORIG_TS, ORIG_VALUES);
    assertThat(series.exists()).isTrue();
    assertThat(clct.series("i-do-not-exist").exists()).isFalse();
    assertThat(series.length()).isEqualTo(3);
  }

  @Test
  @DisplayName("SE-2 write a Frame, SE-3 double write is a no-op")
  void writeFrameAndDoubleWrite() {
    Frame f = new Frame(S1, tv(ORIG_TS, ORIG_VALUES));
    assertThat(series.write(f)).isEmpty();
    assertThat(series.write(tv(ORIG_TS, ORIG_VALUES))).isEmpty();
    assertThat(clct.changelog().log()).hasSize(1);
    assertThat(revisionFiles(clct)).isEqualTo(1);
    assertFrame(series.frame(), ORIG_TS, ORIG_VALUES);
  }

  @ParameterizedTest(name = "SE-4 spill write {0}")
  @ValueSource(strings = {"left", "right"})
  void spillWrite(String how) {
    long[] ts = how.equals("left") ? ts(2, 3, 4, 5) : ts(3, 4, 5, 6);
    double[] vals = how.equals("left") ? doubles(22, 33, 44, 55) : doubles(33, 44, 55, 66);
    series.write(tv(ts, vals));
    long min = ts[0];
    long max = ts[3];
    Object[][] full = {
      {null, null, Closed.BOTH}, {min, max, Closed.BOTH}, {null, max, Closed.BOTH}, {min, null, Closed.BOTH},
      {min - 1, max, Closed.RIGHT}, {min, max + 1, Closed.LEFT}, {min - 1, max + 1, Closed.NONE},
    };
    for (Object[] a : full) {
      assertFrame(read((Long) a[0], (Long) a[1], (Closed) a[2]), ts, vals);
    }
    Object[][] partial = {
      {t(3), t(4), Closed.BOTH}, {t(2), t(4), Closed.RIGHT}, {t(3), t(5), Closed.LEFT}, {t(2), t(5), Closed.NONE},
    };
    for (Object[] a : partial) {
      assertFrame(read((Long) a[0], (Long) a[1], (Closed) a[2]), ts(3, 4), 33, 44);
    }
  }

  @Test
  @DisplayName("SE-5 short cover, left")
  void shortCoverLeft() {
    series.write(tv(ts(4, 5), 44, 55));
    assertFrame(series.frame(), ORIG_TS, 3.3, 44, 55);
  }

  @Test
  @DisplayName("SE-5 short cover, right")
  void shortCoverRight() {
    series.write(tv(ts(3, 4), 33, 44));
    assertFrame(series.frame(), ORIG_TS, 33, 44, 5.5);
  }

  @Test
  @DisplayName("SE-6 adjacent writes, left")
  void adjacentLeft() {
    series.write(tv(ts(1), 1.1));
    series.write(tv(ts(2), 2.2));
    assertFrame(series.frame(), ts(1, 2, 3, 4, 5), 1.1, 2.2, 3.3, 4.4, 5.5);
    assertFrame(read(t(2), t(3), Closed.BOTH), ts(2, 3), 2.2, 3.3);
    assertFrame(read(t(5), t(6), Closed.BOTH), ts(5), 5.5);
  }

  @Test
  @DisplayName("SE-6 adjacent writes, right")
  void adjacentRight() {
    series.write(tv(ts(6), 6.6));
    series.write(tv(ts(7), 7.7));
    assertFrame(series.frame(), ts(3, 4, 5, 6, 7), 3.3, 4.4, 5.5, 6.6, 7.7);
    assertFrame(read(t(2), t(3), Closed.BOTH), ts(3), 3.3);
    assertFrame(read(t(5), t(6), Closed.BOTH), ts(5, 6), 5.5, 6.6);
  }

  @ParameterizedTest(name = "SE-7 select {0}")
  @ValueSource(strings = {"timestamp", "timestamp,value", "value"})
  void select(String names) {
    String[] cols = names.split(",");
    for (boolean extraWrite : new boolean[] {false, true}) {
      if (extraWrite) {
        series.write(tv(ts(6, 7, 8), ORIG_VALUES));
      }
      Frame f = series.query().select(cols).frame();
      assertThat(f.columns()).containsExactly(cols);
      assertThat(f.length()).isGreaterThan(1);
      Frame empty = clct.series("empty").query().select(cols).frame();
      assertThat(empty.columns()).containsExactly(cols);
      assertThat(empty.length()).isZero();
      Frame after = series.query().start(extraWrite ? t(9) : t(6)).select(cols).frame();
      assertThat(after.columns()).containsExactly(cols);
      assertThat(after.length()).isZero();
    }
    // a non-empty result follows the select order, an empty one the schema order
    assertThat(series.query().select("value", "timestamp").frame().columns()).containsExactly("value", "timestamp");
    assertThat(series.query().start(t(99)).select("value", "timestamp").frame().columns())
        .containsExactly("timestamp", "value");
  }

  @Test
  @DisplayName("SE-8 open left")
  void openLeft() {
    series.writer().start(t(5)).closed(Closed.RIGHT).write(tv(ts(6, 7), 6.6, 7.7));
    assertThat(series.query().select("timestamp").frame().longs("timestamp")).containsExactly(ts(3, 4, 5, 6, 7));
    series.writer().start(t(5)).closed(Closed.RIGHT).write(tv(ts(7), 7));
    assertFrame(series.frame(), ts(3, 4, 5, 7), 3.3, 4.4, 5.5, 7);
    assertThat(read(t(5), null, Closed.RIGHT).longs("timestamp")).containsExactly(t(7));
    assertThat(read(t(6), null, Closed.BOTH).longs("timestamp")).containsExactly(t(7));
  }

  @Test
  @DisplayName("SE-9 open right")
  void openRight() {
    series.writer().stop(t(3)).closed(Closed.LEFT).write(tv(ts(1, 2), 1.1, 2.2));
    assertThat(series.query().select("timestamp").frame().longs("timestamp")).containsExactly(ts(1, 2, 3, 4, 5));
    series.writer().stop(t(3)).closed(Closed.LEFT).write(tv(ts(1), 1));
    assertFrame(series.frame(), ts(1, 3, 4, 5), 1, 3.3, 4.4, 5.5);
    // [start, 01) holds nothing: the reference's assertion here is vacuous (numpy all() of an empty comparison)
    assertThat(read(null, t(1), Closed.LEFT).longs("timestamp")).isEmpty();
    assertThat(read(null, t(1), Closed.BOTH).longs("timestamp")).containsExactly(t(1));
    assertThat(read(null, t(2), Closed.BOTH).longs("timestamp")).containsExactly(t(1));
  }

  @Test
  @DisplayName("SE-10 open centre")
  void openCentre() {
    series.writer().start(t(3)).stop(t(5)).closed(Closed.NONE).write(tv(ts(4), 4));
    assertFrame(series.frame(), ORIG_TS, 3.3, 4, 5.5);
    series.writer().start(t(2)).closed(Closed.RIGHT).write(tv(ts(3), 3));
    assertFrame(series.frame(), ORIG_TS, 3, 4, 5.5);
    series.writer().stop(t(6)).closed(Closed.LEFT).write(tv(ts(5), 5));
    assertFrame(series.frame(), ORIG_TS, 3, 4, 5);
  }

  @Test
  @DisplayName("SE-11 column types, the first k columns indexed")
  void columnTypes() {
    String[] names = {"date", "timestamp", "float", "int", "str"};
    for (int k = 1; k <= 4; k++) {
      Schema.Builder b = Schema.builder();
      for (int i = 0; i < names.length; i++) {
        b.column(names[i], names[i] + (i < k ? "*" : ""));
      }
      Schema schema = b.build();
      Series s = repo.createCollection(schema, Integer.toString(k)).series("-");
      s.write(cols("date", new String[] {"1970-01-01"}, "timestamp", new String[] {"1970-01-01T00:00:00"},
          "float", new double[] {0.0}, "int", new long[] {0}, "str", new String[] {"0"}));
      Frame f = fresh().collection(Integer.toString(k)).series("-").frame();
      assertThat(f.columns()).containsExactly(names);
      assertThat(f.longs("date")).containsExactly(0);
      assertThat(f.longs("timestamp")).containsExactly(0);
      assertThat(f.doubles("float")).containsExactly(0.0);
      assertThat(f.longs("int")).containsExactly(0);
      assertThat(f.strings("str")).containsExactly("0");
      assertThat(f.localDates("date")).containsExactly(java.time.LocalDate.of(1970, 1, 1));
    }
  }

  @Test
  @DisplayName("SE-13 time travel by epoch, zoned date-time, instant and revision")
  void timeTravel() throws InterruptedException {
    Revision first = clct.changelog().leaf();
    Thread.sleep(100);
    series.write(tv(ts(4, 5), 44, 55));
    Revision last = clct.changelog().leaf();
    assertFrame(series.frame(), ORIG_TS, 3.3, 44, 55);
    assertFrame(series.query().before(last.epoch()).frame(), ORIG_TS, ORIG_VALUES);
    Instant epoch = Instant.ofEpochMilli(Long.parseLong(last.epoch(), 16));
    ZoneId brussels = ZoneId.of("Europe/Brussels");
    LocalDateTime local = LocalDateTime.ofInstant(epoch, brussels);
    assertFrame(series.query().before(local, brussels).frame(), ORIG_TS, ORIG_VALUES);
    assertFrame(series.query().before(epoch).frame(), ORIG_TS, ORIG_VALUES);
    assertFrame(series.query().before(epoch.plusMillis(1)).frame(), ORIG_TS, 3.3, 44, 55);
    assertFrame(series.query().before(epoch.atOffset(java.time.ZoneOffset.ofHours(2)).toString()).frame(), ORIG_TS,
        ORIG_VALUES);
    assertThat(series.query().before(first.epoch()).frame().isEmpty()).isTrue();
    assertFrame(series.query().at(first).frame(), ORIG_TS, ORIG_VALUES);
    assertFrame(series.query().at(last).frame(), ORIG_TS, 3.3, 44, 55);
    assertThatThrownBy(() -> series.query().before("2021-01-01T00:00:00"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Cannot read before \"2021-01-01T00:00:00\": expected an 11-hex epoch or an ISO-8601 "
            + "date-time with an offset");
  }

  @ParameterizedTest(name = "SE-14 paginate, extra commit {0}")
  @ValueSource(booleans = {true, false})
  void paginate(boolean extraCommit) {
    Series s = clct.series("test-paginate");
    s.write(tv(ts(3, 4, 5), t(3), t(4), t(5)));
    assertThat(pageTimestamps(s.query().paginate(3))).containsExactly(List.of(t(3), t(4), t(5)));
    assertThat(pageTimestamps(s.query().paginate(1))).containsExactly(List.of(t(3)), List.of(t(4)), List.of(t(5)));
    assertThat(pageTimestamps(s.query().paginate(2))).containsExactly(List.of(t(3), t(4)), List.of(t(5)));
    s.write(tv(ts(6, 7, 8), 6, 7, 8));
    s.write(tv(ts(9, 10, 11), 9, 10, 11));
    if (extraCommit) {
      s.write(tv(ts(7, 8, 9, 10), 7, 8, 9, 10));
    }
    for (String col : new String[] {"timestamp", "value"}) {
      assertThat(flat(s.query().select(col).paginate(2), col)).containsExactlyElementsOf(range(3, 12));
      assertThat(flat(s.query().select(col).offset(1).paginate(2), col)).containsExactlyElementsOf(range(4, 12));
      assertThat(flat(s.query().select(col).offset(1).limit(5).paginate(2), col))
          .containsExactlyElementsOf(range(4, 9));
      assertThat(flat(s.query().select(col).offset(1).limit(5).paginate(10), col))
          .containsExactlyElementsOf(range(4, 9));
      assertThat(flat(s.query().select(col).offset(10).limit(5).paginate(), col)).isEmpty();
      for (Frame page : s.query().select(col).paginate(2)) {
        assertThat(page.columns()).containsExactly(col);
      }
    }
    assertThat(clct.series("zero").query().paginate().toList()).isEmpty();
    Series one = clct.series("one");
    one.write(tv(ts(9), 9));
    assertThat(pageTimestamps(one.query().paginate(1))).containsExactly(List.of(t(9)));
    Series two = clct.series("two");
    two.write(tv(ts(8, 9), 8, 9));
    two.write(tv(ts(8), 8));
    assertThat(pageTimestamps(two.query().paginate(1))).containsExactly(List.of(t(8)), List.of(t(9)));
    assertThatThrownBy(() -> s.query().paginate(0))
        .isInstanceOf(ValidationException.class).hasMessage("step argument must be > 0");
  }

  static List<List<Long>> pageTimestamps(Pages pages) {
    List<List<Long>> out = new ArrayList<>();
    for (Frame f : pages) {
      List<Long> l = new ArrayList<>();
      for (long v : f.longs("timestamp")) {
        l.add(v);
      }
      out.add(l);
    }
    return out;
  }

  /** The values of one column over all pages, as timestamps (values are written equal to their timestamp). */
  static List<Long> flat(Pages pages, String column) {
    List<Long> out = new ArrayList<>();
    for (Frame f : pages) {
      if (column.equals("timestamp")) {
        for (long v : f.longs("timestamp")) {
          out.add(v);
        }
      } else {
        for (double v : f.doubles("value")) {
          out.add(v < 1000 ? t((int) v) : (long) v);
        }
      }
    }
    return out;
  }

  static List<Long> range(int from, int to) {
    List<Long> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(t(i));
    }
    return out;
  }

  @Test
  @DisplayName("SE-15 fragmented writes in every direction and size")
  void fragmentedWrites() {
    long[] ts = ts(1, 2, 3, 4, 5, 6);
    double[] vals = {11, 22, 33, 44, 55, 66};
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(15L);
    for (String direction : new String[] {"fwd", "bwd", "random"}) {
      for (int size = 1; size <= 3; size++) {
        Series s = clct.series(direction + size);
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < ts.length; p++) {
          order.add(p);
        }
        if (direction.equals("bwd")) {
          Collections.reverse(order);
        } else if (direction.equals("random")) {
          Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
        }
        for (int p : order) {
          int end = Math.min(ts.length, p + size);
          s.write(tv(java.util.Arrays.copyOfRange(ts, p, end), java.util.Arrays.copyOfRange(vals, p, end)));
        }
        assertFrame(s.frame(), ts, vals);
      }
    }
  }

  @ParameterizedTest(name = "SE-17 update of {0} columns")
  @ValueSource(strings = {"date", "timestamp", "float", "int", "str"})
  void update(String type) {
    Schema schema = Schema.parse("timestamp timestamp*", "a " + type, "b " + type);
    Series s = repo.createCollection(schema, "update").series("_");
    s.write(cols("timestamp", new String[] {"2020-01-01", "2020-02-01", "2020-03-01"}, "a", new long[] {1, 2, 3},
        "b", new long[] {1, 2, 3}));
    s.update(cols("timestamp", new String[] {"2020-01-01", "2020-02-01", "2020-03-01"}, "a", new long[] {10, 20, 30}));
    assertThat(column(s.frame(), "a")).containsExactly("10", "20", "30");
    s.update(cols("timestamp", new String[] {"2020-02-01", "2020-03-01", "2020-04-01"}, "a",
        new long[] {200, 300, 400}));
    Frame f = s.frame();
    String zero = type.equals("str") ? "" : "0";
    assertThat(column(f, "a")).containsExactly("10", "200", "300", "400");
    assertThat(column(f, "b")).containsExactly("1", "2", "3", zero);
    s.update(cols("timestamp", new String[] {"2019-12-01", "2020-01-01", "2020-02-01", "2020-03-01"}, "a",
        new long[] {0, 1000, 2000, 3000}));
    f = s.frame();
    assertThat(f.localDates("timestamp")).containsExactly(java.time.LocalDate.of(2019, 12, 1),
        java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2020, 2, 1), java.time.LocalDate.of(2020, 3, 1),
        java.time.LocalDate.of(2020, 4, 1));
    assertThat(column(f, "a")).containsExactly("0", "1000", "2000", "3000", "400");
    assertThat(column(f, "b")).containsExactly(zero, "1", "2", "3", zero);
    assertThatThrownBy(() -> s.update(cols("timestamp", new String[] {"2020-02-01", "2020-02-02", "2020-03-01"},
        "a", new long[] {200, 300})))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Length mismatch: column \"a\" has 2 values, column \"timestamp\" has 3");
    assertThatThrownBy(() -> s.update(cols("timestamp", new String[] {"2020-02-01", "2020-02-02", "2020-03-01"},
        "a", new long[] {200, 300, 301})))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Update frame is not aligned with existing index (series \"_\")");
    assertThat(column(s.frame(), "a")).containsExactly("0", "1000", "2000", "3000", "400");
  }

  /** A column as text, whatever its type: datetimes and dates as counts of their unit, floats as integers. */
  static List<String> column(Frame f, String name) {
    List<String> out = new ArrayList<>();
    Object a = f.column(name);
    for (int i = 0; i < f.length(); i++) {
      Object v = io.lakota.format.Columns.get(a, i);
      out.add(v instanceof Double ? Long.toString(((Double) v).longValue()) : String.valueOf(v));
    }
    return out;
  }

  @Test
  @DisplayName("SE-18 delete ranges")
  void delete() {
    series.delete(t(4), t(4));
    assertThat(series.frame().doubles("value")).containsExactly(3.3, 5.5);
    series.write(tv(ORIG_TS, ORIG_VALUES));
    series.delete(0L, t(4));
    assertThat(series.frame().doubles("value")).containsExactly(5.5);
    series.write(tv(ORIG_TS, ORIG_VALUES));
    series.delete(t(4), t(6));
    assertThat(series.frame().doubles("value")).containsExactly(3.3);
    series.write(tv(ORIG_TS, ORIG_VALUES));
    series.delete(new Object[] {t(3)}, new Object[] {t(5)}, Closed.NONE);
    assertThat(series.frame().doubles("value")).containsExactly(3.3, 5.5);
  }

  @Test
  @DisplayName("SE-19 tail, BF-14 tail with an offset and no limit")
  void tail() {
    assertThat(clct.series("empty").tail(1).length()).isZero();
    assertThat(clct.series("empty").tail(1).columns()).containsExactly("timestamp", "value");
    assertThat(series.query().start(t(6)).tail(1).length()).isZero();
    assertThat(series.tail(1).doubles("value")).containsExactly(5.5);
    assertThat(series.tail(2).doubles("value")).containsExactly(4.4, 5.5);
    assertThat(series.tail(10).doubles("value")).containsExactly(3.3, 4.4, 5.5);
    assertThat(series.query().offset(1).tail(10).doubles("value")).containsExactly(4.4, 5.5);
    series.write(tv(ts(6, 7, 8), 6, 7, 8));
    assertThat(series.tail(1).doubles("value")).containsExactly(8);
    assertThat(series.tail(4).doubles("value")).containsExactly(5.5, 6, 7, 8);
    assertThat(series.tail(10).doubles("value")).containsExactly(3.3, 4.4, 5.5, 6, 7, 8);
    assertThat(series.query().start(t(4)).tail(10).doubles("value")).containsExactly(4.4, 5.5, 6, 7, 8);
    assertThat(series.query().stop(t(8)).tail(10).doubles("value")).containsExactly(3.3, 4.4, 5.5, 6, 7);
    assertThat(series.query().limit(2).tail(10).doubles("value")).containsExactly(3.3, 4.4);
    assertThat(series.query().limit(2).offset(2).tail(10).doubles("value")).containsExactly(5.5, 6);
    assertThatThrownBy(() -> series.tail(0))
        .isInstanceOf(ValidationException.class).hasMessage("length argument must be > 0");
  }

  @Test
  @DisplayName("FR-4 slices of a frame read back through the repository")
  void sliceAfterRoundTrip() {
    Schema schema = Schema.parse("category str*", "value float");
    Map2 data = new Map2(new String[] {"a", "b", "c", "d", "e"}, new double[] {1.1, 2.2, 3.3, 4.4, 5.5});
    Frame f = new Frame(schema, cols("category", data.keys, "value", data.values));
    assertThat(f.slice(1, null).slice(null, 2).doubles("value")).containsExactly(2.2, 3.3);
    Series s = repo.createCollection(schema, "fr4").series("x");
    s.write(f);
    Frame back = fresh().collection("fr4").series("x").frame();
    assertThat(back).isEqualTo(f);
    assertThat(back.slice(1, null).slice(null, 2).doubles("value")).containsExactly(2.2, 3.3);
  }

  /** Two parallel arrays. */
  record Map2(String[] keys, double[] values) {}

  @Test
  @DisplayName("BF-3 a right-open write keeps the point at its stop")
  void rightOpenWriteKeepsItsStop() {
    Series s = clct.series("bf3");
    s.write(tv(longs(1, 2, 3, 4, 5), 1, 2, 3, 4, 5));
    s.writer().start(3).stop(5).closed(Closed.LEFT).write(tv(longs(3), 30));
    assertFrame(s.frame(), longs(1, 2, 3, 5), 1, 2, 30, 5);
    List<String> rows = new ArrayList<>();
    for (io.lakota.version.CommitRow r : clct.leafCommit().rows("bf3")) {
      rows.add(r.start()[0] + "->" + r.stop()[0] + " (" + r.closed().letter() + ")");
    }
    assertThat(rows).containsExactly("1->3 (l)", "3->5 (l)", "5->5 (b)");
  }

  @Test
  @DisplayName("§12.2 example: an overlapping write truncates the older row, which keeps its length")
  void overlappingWriteRows() {
    Series s = repo.createCollection(S2, "days").series("Brussels");
    s.write(cols("timestamp", new String[] {"2020-06-22", "2020-06-23", "2020-06-24", "2020-06-25", "2020-06-26",
        "2020-06-27"}, "value", doubles(25, 24, 27, 31, 32, 30)));
    s.write(cols("timestamp", new String[] {"2020-06-23", "2020-06-24", "2020-06-25", "2020-06-26", "2020-06-27",
        "2020-06-28"}, "value", doubles(24.2, 27.9, 31.0, 32.5, 30.1, 29.2)));
    List<String> rows = new ArrayList<>();
    for (io.lakota.version.CommitRow r : s.collection().leafCommit().rows()) {
      rows.add(io.lakota.format.Datetimes.format((Long) r.start()[0], "s").substring(5, 10) + " -> "
          + io.lakota.format.Datetimes.format((Long) r.stop()[0], "s").substring(5, 10) + " ("
          + r.closed().letter() + ") " + r.length());
    }
    assertThat(rows).containsExactly("06-22 -> 06-23 (l) 6", "06-23 -> 06-28 (b) 6");
    assertThat(s.frame().doubles("value")).containsExactly(25, 24.2, 27.9, 31.0, 32.5, 30.1, 29.2);
  }

  @Test
  @DisplayName("BF-12 pages extend over duplicated index values")
  void paginateDuplicates() {
    Series s = clct.series("bf12");
    s.write(tv(longs(1, 1, 1, 2), 1, 2, 3, 4));
    List<List<Double>> pages = new ArrayList<>();
    for (Frame f : s.query().paginate(2)) {
      pages.add(boxed(f.doubles("value")));
    }
    assertThat(pages).containsExactly(List.of(1.0, 2.0, 3.0), List.of(4.0));
    pages.clear();
    for (Frame f : s.query().offset(1).paginate(1)) {
      pages.add(boxed(f.doubles("value")));
    }
    assertThat(pages).containsExactly(List.of(2.0, 3.0), List.of(4.0));
  }

  static List<Double> boxed(double[] a) {
    List<Double> out = new ArrayList<>();
    for (double d : a) {
      out.add(d);
    }
    return out;
  }

  @Test
  @DisplayName("BF-8 paginate reads the snapshot chosen by before")
  void paginateBefore() throws InterruptedException {
    String e = clct.changelog().leaf().epoch();
    Thread.sleep(5);
    series.write(tv(ts(6, 7, 8), 6, 7, 8));
    assertThat(pageTimestamps(series.query().before(Instant.now().plusSeconds(1)).paginate(2)))
        .containsExactly(List.of(t(3), t(4)), List.of(t(5), t(6)), List.of(t(7), t(8)));
    String after = io.lakota.id.Hextime.of(Long.parseLong(e, 16) + 1);
    assertThat(pageTimestamps(series.query().before(after).paginate(2)))
        .containsExactly(List.of(t(3), t(4)), List.of(t(5)));
  }

  @Test
  @DisplayName("BF-15 update of a range without rows zero-fills the other columns")
  void updateWithoutRows() {
    Schema schema = Schema.parse("timestamp timestamp*", "a int", "b int");
    Series s = repo.createCollection(schema, "bf15").series("_");
    s.update(cols("timestamp", new String[] {"2020-01-01"}, "a", new long[] {1}));
    Frame f = s.frame();
    assertThat(f.longs("a")).containsExactly(1);
    assertThat(f.longs("b")).containsExactly(0);
    assertThat(f.localDateTimes("timestamp")).containsExactly(LocalDateTime.of(2020, 1, 1, 0, 0));
  }

  @Test
  @DisplayName("BF-16 write bounds are cast and checked")
  void writeBounds() {
    Series s = repo.createCollection(S2, "bf16").series("_");
    assertThat(s.writer().start("2020-01-01").stop("2020-01-03")
        .write(cols("timestamp", new String[] {"2020-01-02"}, "value", new double[] {1}))).hasSize(1);
    assertThat(s.frame().localDateTimes("timestamp")).containsExactly(LocalDateTime.of(2020, 1, 2, 0, 0));
    assertThatThrownBy(() -> s.write(Frame.empty(S2, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot write an empty frame without bounds (series \"_\")");
    Series first = repo.createCollection(S2, "bf16b").series("_");
    assertThatThrownBy(() -> first.writer().start("2020-01-03").stop("2020-01-01")
        .write(cols("timestamp", new String[] {"2020-01-02"}, "value", new double[] {1})))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid range (2020-01-03T00:00:00) -> (2020-01-01T00:00:00) (series \"_\")");
    assertThat(first.collection().isEmpty()).isTrue();
  }

  @Test
  @DisplayName("BF-21 a zero bound is a bound")
  void zeroBound() {
    Series s = clct.series("bf21");
    s.write(tv(longs(-2, -1, 0, 1), -2, -1, 0, 1));
    assertFrame(s.query().start(0).frame(), longs(0, 1), 0, 1);
    assertFrame(s.query().stop(0).frame(), longs(-2, -1), -2, -1);
  }

  @Test
  @DisplayName("BF-22 bounds are cast with the index columns")
  void boundsUseIndexDtypes() {
    Schema schema = Schema.parse("value float", "ts int*");
    Series s = repo.createCollection(schema, "bf22").series("_");
    s.write(cols("value", new double[] {1, 2, 3}, "ts", new long[] {1, 2, 3}));
    Frame f = s.query().start("2").frame();
    assertThat(f.longs("ts")).containsExactly(2, 3);
    assertThat(f.doubles("value")).containsExactly(2, 3);
  }

  @Test
  @DisplayName("BF-23 a foreign file in the changelog folder is ignored")
  void garbageInChangelog() {
    pod.write(clct.path() + "/garbage", new byte[] {1, 2, 3});
    assertFrame(fresh().collection("-").series("_").frame(), ORIG_TS, ORIG_VALUES);
    series.write(tv(ts(6), 6));
    assertFrame(fresh().collection("-").series("_").frame(), ts(3, 4, 5, 6), 3.3, 4.4, 5.5, 6);
  }

  @Test
  @DisplayName("strings, numbers and java.time values are cast to the column types")
  void castsInput() {
    Schema schema = Schema.parse("timestamp timestamp*", "value float", "count int", "note str", "flag bool");
    Series s = repo.createCollection(schema, "casts").series("_");
    s.write(cols("timestamp", List.of("2020-06-22T10:11:12.5", Instant.parse("2020-06-23T00:00:00Z"),
            LocalDateTime.of(2020, 6, 24, 1, 2), java.time.LocalDate.of(2020, 6, 25), 1593129600L),
        "value", new String[] {" 1_000.5 ", "inf", "-NaN", "2", "1e3"},
        "count", new Object[] {" +3 ", 1.7, -1.7, "1_000", true},
        "note", new Object[] {2.5, 1L, null, true, 1e16},
        "flag", new Object[] {"", "x", 0, 2.5, false}));
    Frame f = s.frame();
    assertThat(f.localDateTimes("timestamp")).containsExactly(LocalDateTime.of(2020, 6, 22, 10, 11, 12),
        LocalDateTime.of(2020, 6, 23, 0, 0), LocalDateTime.of(2020, 6, 24, 1, 2),
        LocalDateTime.of(2020, 6, 25, 0, 0), LocalDateTime.of(2020, 6, 26, 0, 0));
    assertThat(f.doubles("value")).containsExactly(1000.5, Double.POSITIVE_INFINITY, Double.NaN, 2.0, 1000.0);
    assertThat(f.longs("count")).containsExactly(3, 1, -1, 1000, 1);
    assertThat(f.strings("note")).containsExactly("2.5", "1", "None", "True", "1e+16");
    assertThat(f.booleans("flag")).containsExactly(false, true, false, true, false);
  }
}
