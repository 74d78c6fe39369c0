package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.Schema;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad input gives one clear error naming the column, label or value, and leaves the repository's files exactly as
 * they were (no revision, no data file): the acceptance 4.
 */
abstract class BadInputContract extends ApiContract {
  static final Schema SCHEMA = Schema.parse("timestamp int*", "value float");
  Collection clct;
  Series series;

  @BeforeEach
  void writeSomething() {
    clct = repo.createCollection(SCHEMA, "c");
    series = clct.series("_");
    series.write(tv(longs(1, 2, 3), 1, 2, 3));
  }

  /** Runs {@code call}, checks it fails with exactly {@code message}, and that no file changed. */
  void refused(ThrowingCallable call, String message) {
    List<String> before = files();
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
    assertThat(files()).as("files after: %s", message).isEqualTo(before);
    Repo other = fresh();
    assertThat(other.collection("c").changelog().log()).hasSize(1);
    assertThat(other.collection("c").series("_").frame().doubles("value")).containsExactly(1, 2, 3);
  }

  /** 20 000 rows: their arrays are too big to be embedded, so a write would create data files. */
  static Map<String, Object> big(boolean sorted) {
    long[] ts = new long[20_000];
    double[] v = new double[ts.length];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = sorted || i != 10_000 ? 100 + i : 5;
      v[i] = Math.sqrt(i);
    }
    return tv(ts, v);
  }

  @Test
  @DisplayName("unsorted index")
  void unsorted() {
    refused(() -> series.write(tv(longs(5, 3, 7), 1, 2, 3)),
        "Frame is not sorted! (series \"_\", row 1: (3) after (5))");
    refused(() -> series.write(big(false)), "Frame is not sorted! (series \"_\", row 10000: (5) after (10099))");
    refused(() -> series.update(tv(longs(5, 3), 1, 2)), "Frame is not sorted! (series \"_\", row 1)");
  }

  @Test
  @DisplayName("length mismatch")
  void lengthMismatch() {
    refused(() -> series.write(tv(longs(1, 2, 3), 1, 2)),
        "Length mismatch: column \"value\" has 2 values, column \"timestamp\" has 3");
    refused(() -> series.write(cols("value", doubles(1), "timestamp", longs(1, 2))),
        "Length mismatch: column \"timestamp\" has 2 values, column \"value\" has 1");
  }

  @Test
  @DisplayName("unknown or missing column")
  void unknownColumn() {
    refused(() -> series.write(cols("timestamp", longs(4), "vlaue", doubles(4))),
        "KeyError: \"value\" (unknown columns given: \"vlaue\")");
    refused(() -> series.write(cols("timestamp", longs(4))), "KeyError: \"value\"");
    refused(() -> series.update(cols("timestamp", longs(1), "nope", doubles(4))),
        "Cannot update series \"_\": unknown column \"nope\"");
    refused(() -> series.update(cols("value", doubles(4))), "KeyError: \"timestamp\" (series \"_\")");
    refused(() -> series.query().select("nope").frame(), "KeyError: \"nope\"");
    refused(() -> series.frame().column("nope"), "KeyError: \"nope\"");
  }

  @Test
  @DisplayName("value that cannot be cast")
  void badValues() {
    refused(() -> series.write(cols("timestamp", longs(4), "value", new String[] {"abc"})),
        "Cannot cast column \"value\" (float64): could not convert string to float: 'abc'");
    refused(() -> series.write(cols("timestamp", new String[] {"1.5"}, "value", doubles(4))),
        "Cannot cast column \"timestamp\" (int64): invalid literal for int() with base 10: '1.5'");
    refused(() -> series.write(cols("timestamp", new String[] {"1__0"}, "value", doubles(4))),
        "Cannot cast column \"timestamp\" (int64): invalid literal for int() with base 10: '1__0'");
    refused(() -> series.write(cols("timestamp", new Object[] {null}, "value", doubles(4))),
        "Cannot cast column \"timestamp\" (int64): value is null");
    refused(() -> series.write(cols("timestamp", longs(4), "value", new Object[] {new StringBuilder("sb")})),
        "Cannot cast column \"value\" (float64): unsupported value sb of type StringBuilder");
    refused(() -> series.query().start("x").frame(),
        "Cannot cast column \"timestamp\" (int64): invalid literal for int() with base 10: 'x'");
    Collection dated = repo.createCollection(Schema.parse("timestamp timestamp*", "value float"), "dated");
    refused(() -> dated.series("s").write(cols("timestamp", new String[] {"2020-13-45"}, "value", doubles(1))),
        "Cannot cast column \"timestamp\" (datetime64[s]): Error parsing datetime string \"2020-13-45\"");
    refused(() -> dated.series("s").write(cols("timestamp", new String[] {"yesterday"}, "value", doubles(1))),
        "Cannot cast column \"timestamp\" (datetime64[s]): Error parsing datetime string \"yesterday\"");
  }

  @Test
  @DisplayName("invalid labels and schemas")
  void badLabelsAndSchemas() {
    refused(() -> clct.series(" ").write(tv(longs(4), 4)), "Invalid label: ' '");
    refused(() -> clct.series(""), "Invalid label: ''");
    refused(() -> repo.createCollection(SCHEMA, "\t"), "Invalid label: '\\t'");
    refused(() -> repo.createCollection(Schema.parse("value float"), "x"), "Invalid schema, no index defined");
    refused(() -> Schema.builder().column("value", "float").build(), "Invalid schema, no index defined");
    refused(() -> Schema.parse("a int*", "a float"), "Invalid schema, duplicate column \"a\"");
  }

  @Test
  @DisplayName("bounds: arity, range, empty frame")
  void badBounds() {
    refused(() -> series.writer().start(1, 2).write(tv(longs(4), 4)),
        "Cannot use write bound [1, 2]: expected 1 values, one per index column");
    refused(() -> series.writer().start(9).stop(1).write(tv(longs(4), 4)), "Invalid range (9) -> (1) (series \"_\")");
    refused(() -> series.delete(9L, 1L), "Invalid range (9) -> (1) (series \"_\")");
    refused(() -> series.write(Frame.empty(SCHEMA, null)), "Cannot write an empty frame without bounds (series \"_\")");
    refused(() -> series.query().start(1, 2).frame(),
        "Cannot use bound [1, 2]: the index of collection \"c\" has 1 columns");
    refused(() -> series.delete(new Object[] {1}, null, Closed.BOTH),
        "Cannot delete from series \"_\": both bounds are required");
  }

  @Test
  @DisplayName("bad input in a batch: nothing is committed and no file is written")
  void badInputInBatch() {
    refused(() -> {
      try (Batch b = clct.multi()) {
        clct.series("ok").write(tv(longs(4), 4));
        clct.series("bad").write(tv(longs(5, 4), 5, 4));
        b.commit();
      }
    }, "Frame is not sorted! (series \"bad\", row 1: (4) after (5))");
    assertThat(clct.series("ok").write(tv(longs(4), 4))).hasSize(1);
  }

  @Test
  @DisplayName("bad default of a clone")
  void badCloneDefault() {
    Collection target = repo.createCollection(Schema.parse("timestamp int*", "value float", "extra int"), "t");
    refused(() -> clct.clone(target, Map.of(), Map.of("extra", "x")),
        "Cannot cast column \"extra\" (int64): invalid literal for int() with base 10: 'x'");
    refused(() -> clct.clone(target, Map.of(), Map.of("nope", 1)),
        "Cannot clone collection \"c\" into \"t\": unknown column \"nope\"");
    assertThat(target.isEmpty()).isTrue();
  }
}
