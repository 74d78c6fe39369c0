package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Frames in memory, SEMANTICS.md §21.6 (FR-*; the s-expression masks and reductions of FR-3, FR-5, FR-6 are in
 * {@link FrameQueryContract}) and the Java additions: typed column access, rows, records.
 */
class FrameTest {
  static final Schema X = Schema.parse("x int*");
  static final Schema CATEGORY = Schema.parse("category str*", "value float");

  static Map<String, Object> cols(Object... nameValues) {
    return ApiContract.cols(nameValues);
  }

  static Frame x() {
    return new Frame(X, cols("x", new long[] {1, 2, 3, 4, 5, 5, 5, 6}));
  }

  static Frame categories() {
    return new Frame(CATEGORY, cols("category", new String[] {"a", "b", "c", "d", "e"}, "value",
        new double[] {1.1, 2.2, 3.3, 4.4, 5.5}));
  }

  static Object[] t(long v) {
    return new Object[] {v};
  }

  @Test
  @DisplayName("FR-1 islice and index bisection")
  void islice() {
    Frame f = x();
    assertThat(f.islice(t(2), t(4), Closed.BOTH).longs("x")).containsExactly(2, 3, 4);
    assertThat(f.islice(t(2), t(4), Closed.LEFT).longs("x")).containsExactly(2, 3);
    assertThat(f.islice(t(2), t(4)).longs("x")).containsExactly(2, 3);
    assertThat(f.islice(t(2), t(4), Closed.RIGHT).longs("x")).containsExactly(3, 4);
    assertThat(f.islice(t(2), t(4), Closed.NONE).longs("x")).containsExactly(3);
    assertThat(f.islice(t(5), t(5), Closed.BOTH).longs("x")).containsExactly(5, 5, 5);
    assertThat(f.islice(t(1), t(1), Closed.BOTH).longs("x")).containsExactly(1);
    assertThat(f.islice(t(6), t(6), Closed.BOTH).longs("x")).containsExactly(6);
    assertThat(f.islice(null, t(2), Closed.BOTH).longs("x")).containsExactly(1, 2);
    assertThat(f.index(t(5), false)).isEqualTo(4);
    assertThat(f.index(t(5), true)).isEqualTo(7);
    assertThat(f.sliceIndex(t(5), t(5), Closed.LEFT)).containsExactly(4, 4);
  }

  @Test
  @DisplayName("FR-2, FR-3 positional slices and boolean masks")
  void sliceAndMask() {
    Frame f = x();
    // frm[5:] slices on index values
    assertThat(f.islice(t(5), null).longs("x")).containsExactly(5, 5, 5, 6);
    assertThat(f.slice(5, null).longs("x")).containsExactly(5, 5, 6);
    assertThat(f.slice(-2, null).longs("x")).containsExactly(5, 6);
    assertThat(f.slice(null, -6).longs("x")).containsExactly(1, 2);
    assertThat(f.slice(3, 100).longs("x")).containsExactly(4, 5, 5, 5, 6);
    assertThat(f.slice(6, 2).length()).isZero();
    boolean[] mask = {true, false, true, false, true, false, true, false};
    assertThat(f.mask(mask).longs("x")).containsExactly(1, 3, 5, 5);
    assertThatThrownBy(() -> f.mask(new boolean[] {true}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Length mismatch: the mask has 1 values, the frame 8 rows");
  }

  @Test
  @DisplayName("FR-4 chained slices")
  void chainedSlices() {
    assertThat(categories().slice(1, null).slice(null, 2).doubles("value")).containsExactly(2.2, 3.3);
    assertThat(categories().slice(1, null).slice(null, 2).strings("category")).containsExactly("b", "c");
  }

  @Test
  @DisplayName("FR-7 concat, FR-8 equality")
  void concatAndEquality() {
    Frame f = categories();
    Frame twice = Frame.concat(f, f);
    assertThat(twice.length()).isEqualTo(10);
    assertThat(twice.strings("category")).containsExactly("a", "b", "c", "d", "e", "a", "b", "c", "d", "e");
    assertThat(twice.doubles("value")).containsExactly(1.1, 2.2, 3.3, 4.4, 5.5, 1.1, 2.2, 3.3, 4.4, 5.5);
    assertThat(Frame.concat(f)).isSameAs(f);
    assertThat(Frame.concat()).isNull();
    assertThat(f).isEqualTo(f);
    assertThat(f).isEqualTo(categories());
    assertThat(f).isNotEqualTo(f.slice(0, 4));
    assertThatThrownBy(() -> Frame.concat(f, x()))
        .isInstanceOf(ValidationException.class).hasMessage("Unable to concat frames with different schema");
  }

  @Test
  @DisplayName("FR-9 column map in and out")
  void columnMapRoundTrip() {
    Map<String, Object> in = cols("category", new String[] {"a", "b", "c", "d", "e"}, "value",
        new double[] {1.1, 2.2, 3.3, 4.4, 5.5});
    Map<String, Object> out = new Frame(CATEGORY, in).toMap();
    assertThat(out.keySet()).containsExactly("category", "value");
    assertThat((String[]) out.get("category")).containsExactly("a", "b", "c", "d", "e");
    assertThat((double[]) out.get("value")).containsExactly(1.1, 2.2, 3.3, 4.4, 5.5);
    // columns not in the schema are dropped, columns keep the map's order
    Frame f = new Frame(CATEGORY, cols("value", new double[] {1}, "other", new long[] {1}, "category",
        new String[] {"a"}));
    assertThat(f.columns()).containsExactly("value", "category");
  }

  @Test
  @DisplayName("FR-10 sorting and argsort")
  void sorting() {
    Frame f = new Frame(CATEGORY, cols("category", new String[] {"b", "a", "c"}, "value", new double[] {2, 1, 3}));
    assertThat(f.isSorted()).isFalse();
    Frame s = f.sorted();
    assertThat(s.strings("category")).containsExactly("a", "b", "c");
    assertThat(s.doubles("value")).containsExactly(1, 2, 3);
    assertThat(s.isSorted()).isTrue();
    Schema two = Schema.parse("timestamp timestamp*", "category str*", "value float");
    Frame g = new Frame(two, cols("timestamp", new String[] {"2020-01-02", "2020-01-03", "2020-01-02"}, "category",
        new String[] {"b", "a", "c"}, "value", new double[] {2, 1, 3}));
    assertThat(g.isSorted()).isFalse();
    Frame gs = g.sorted();
    assertThat(gs.localDates("timestamp")).containsExactly(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 2),
        LocalDate.of(2020, 1, 3));
    assertThat(gs.strings("category")).containsExactly("b", "c", "a");
    assertThat(gs.doubles("value")).containsExactly(2, 3, 1);
    Frame h = new Frame(CATEGORY, cols("category", new String[] {"a", "c", "a"}, "value", new double[] {3, 2, 1}));
    Frame byValue = h.sorted("value");
    assertThat(byValue.doubles("value")).containsExactly(1, 2, 3);
    assertThat(byValue.sorted("category", "value").doubles("value")).containsExactly(1, 3, 2);
    assertThat(h.argsort("category")).containsExactly(0, 2, 1);
    assertThat(h.argsort()).containsExactly(0, 2, 1);
  }

  @Test
  @DisplayName("argsort is stable over many rows")
  void stableArgsort() {
    int n = 1000;
    String[] keys = new String[n];
    double[] order = new double[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Integer.toString((i * 7919) % 13);
      order[i] = i;
    }
    Frame sorted = new Frame(CATEGORY, cols("category", keys, "value", order)).sorted();
    for (int i = 1; i < n; i++) {
      int c = sorted.strings("category")[i - 1].compareTo(sorted.strings("category")[i]);
      assertThat(c).isLessThanOrEqualTo(0);
      if (c == 0) {
        assertThat(sorted.doubles("value")[i - 1]).isLessThan(sorted.doubles("value")[i]);
      }
    }
  }

  @Test
  @DisplayName("FR-11 records in default, epoch and raw styles")
  void records() {
    Schema schema = Schema.parse("timestamp timestamp*", "date date", "float_val float", "int_val int");
    Frame f = new Frame(schema, cols("timestamp", new long[] {1589455901, 1589455902, 1589455903, 1589455904},
        "date", new long[] {1, 2, 3, 4}, "float_val", new long[] {1, 2, 3, 4}, "int_val", new long[] {1, 2, 3, 4}));
    List<Map<String, Object>> def = f.records();
    assertThat(def.get(0)).containsExactly(Map.entry("timestamp", LocalDateTime.of(2020, 5, 14, 11, 31, 41)),
        Map.entry("date", LocalDate.of(1970, 1, 2)), Map.entry("float_val", 1.0), Map.entry("int_val", 1L));
    assertThat(def.get(3)).containsExactly(Map.entry("timestamp", LocalDateTime.of(2020, 5, 14, 11, 31, 44)),
        Map.entry("date", LocalDate.of(1970, 1, 5)), Map.entry("float_val", 4.0), Map.entry("int_val", 4L));
    List<Map<String, Object>> raw = f.records(RecordStyle.RAW);
    assertThat(raw.get(0)).containsExactly(Map.entry("timestamp", 1589455901L), Map.entry("date", 1L),
        Map.entry("float_val", 1.0), Map.entry("int_val", 1L));
    List<Map<String, Object>> epoch = f.records(RecordStyle.EPOCH);
    assertThat(epoch.get(0)).containsExactly(Map.entry("timestamp", 1589455901L), Map.entry("date", 86400L),
        Map.entry("float_val", 1.0), Map.entry("int_val", 1L));
    assertThat(epoch.get(3)).containsExactly(Map.entry("timestamp", 1589455904L), Map.entry("date", 345600L),
        Map.entry("float_val", 4.0), Map.entry("int_val", 4L));
  }

  @Test
  @DisplayName("FR-12 from records")
  void fromRecords() {
    List<Map<String, Object>> records = new ArrayList<>();
    records.add(new LinkedHashMap<>(Map.of("category", "one")));
    records.get(0).put("value", 1);
    records.add(Map.of("category", "two", "value", 2));
    records.add(Map.of("category", "three", "value", 3));
    Frame f = Frame.fromRecords(CATEGORY, records);
    assertThat(f.strings("category")).containsExactly("one", "two", "three");
    assertThat(f.doubles("value")).containsExactly(1, 2, 3);
    Frame empty = Frame.fromRecords(CATEGORY, List.of());
    assertThat(empty.has("category")).isFalse();
    assertThat(empty.columns()).isEmpty();
    assertThat(Frame.fromRecords(CATEGORY, f.records())).isEqualTo(f);
    assertThatThrownBy(() -> Frame.fromRecords(CATEGORY, List.of(Map.of("category", "a"), Map.of("value", 1))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot build a frame from records: record 1 has no \"category\"");
  }

  @Test
  @DisplayName("FR-13 projection, FR-14 drop, select")
  void projectDropSelect() {
    Frame f = categories();
    Frame p = f.project("category");
    assertThat(p.columns()).containsExactly("category");
    assertThat(p.length()).isEqualTo(5);
    assertThat(p.schema().names()).containsExactly("category");
    Frame v = f.project("value", "category");
    assertThat(v.columns()).containsExactly("value", "category");
    assertThat(v.schema().index()).extracting(io.lakota.format.ColumnDefinition::name).containsExactly("category");
    assertThat(f.project("value").schema().index()).extracting(io.lakota.format.ColumnDefinition::name)
        .containsExactly("value");
    Schema abc = Schema.parse("a int*", "b int", "c int");
    Frame g = new Frame(abc, cols("a", new long[] {1}, "b", new long[] {2}, "c", new long[] {3}));
    assertThat(g.drop("a").columns()).containsExactly("b", "c");
    assertThat(g.drop("a", "b").columns()).containsExactly("c");
    assertThat(g.select("c", "a").columns()).containsExactly("a", "c");
    assertThat(g.select().columns()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> g.project("nope")).isInstanceOf(ValidationException.class).hasMessage("KeyError: \"nope\"");
  }

  @Test
  @DisplayName("rows, typed columns and java.time conversions")
  void rowsAndTypedAccess() {
    Schema schema = Schema.parse("timestamp timestamp*", "value float", "note str");
    Frame f = new Frame(schema, cols("timestamp", new Object[] {Instant.parse("2020-06-22T10:00:00Z"),
        LocalDateTime.of(2020, 6, 23, 0, 0)}, "value", new double[] {1.5, 2.5}, "note", List.of("x", "y")));
    List<String> seen = new ArrayList<>();
    for (Row row : f) {
      seen.add(row.position() + " " + row.localDateTime("timestamp") + " " + row.getDouble("value") + " "
          + row.getString("note") + " " + row.instant("timestamp") + " " + row.getLong("timestamp"));
    }
    assertThat(seen).containsExactly("0 2020-06-22T10:00 1.5 x 2020-06-22T10:00:00Z 1592820000",
        "1 2020-06-23T00:00 2.5 y 2020-06-23T00:00:00Z 1592870400");
    assertThat(f.row(1).toMap(RecordStyle.EPOCH)).containsExactly(Map.entry("timestamp", 1592870400L),
        Map.entry("value", 2.5), Map.entry("note", "y"));
    assertThat(f.row(0).index()).containsExactly(1592820000L);
    assertThat(f.instants("timestamp")).containsExactly(Instant.parse("2020-06-22T10:00:00Z"),
        Instant.parse("2020-06-23T00:00:00Z"));
    assertThat(f.withColumn("value", new long[] {7, 8}).doubles("value")).containsExactly(7, 8);
    assertThatThrownBy(() -> f.withColumn("value", new long[] {7}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Length mismatch: column \"value\" has 1 values, the frame 2 rows");
    assertThatThrownBy(() -> f.longs("value"))
        .isInstanceOf(ValidationException.class).hasMessage("Cannot read column \"value\" as long[]: it is float64");
    assertThatThrownBy(() -> f.localDates("value"))
        .isInstanceOf(ValidationException.class).hasMessage("Cannot read column \"value\" as date-times: it is float64");
    assertThatThrownBy(() -> f.row(2))
        .isInstanceOf(ValidationException.class).hasMessage("Cannot read row 2: the frame has 2 rows");
    assertThat(f.start()).containsExactly(1592820000L);
    assertThat(f.stop()).containsExactly(1592870400L);
    assertThatThrownBy(() -> f.slice(0, 0).start())
        .isInstanceOf(ValidationException.class).hasMessage("Cannot take the start of an empty frame");
    assertThat(f.toString()).isEqualTo(
        "Frame(2 rows, timestamp=[2020-06-22T10:00:00, 2020-06-23T00:00:00], value=[1.5, 2.5], note=[x, y])");
  }
}
