package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.query.ArrayValue;
import io.lakota.query.ExpressionException;
import io.lakota.query.MissingKeyException;
import io.lakota.query.ReduceColumn;
import io.lakota.query.ReducedFrame;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The s-expression side of frames, SEMANTICS.md §21.6 FR-3, FR-5 and FR-6 (EXPRESSIONS.md §8.4), through the
 * {@link Frame#mask(String)} and {@link Frame#reduce} API, on a frame written to and read back from a repository
 * of each backend (and on the frame in memory).
 */
abstract class FrameQueryContract extends ApiContract {
  static final Schema FR5 = Schema.parse("timestamp timestamp*", "category str*", "value int");
  static final long[] TIMESTAMPS = {1589455901L, 1589455901L, 1589455902L, 1589455902L};

  List<Frame> frames;

  @BeforeEach
  void write() {
    Frame memory = new Frame(FR5, cols("timestamp", TIMESTAMPS, "category", new String[] {"a", "b", "a", "b"},
        "value", new long[] {1, 2, 3, 4}));
    repo.createCollection(FR5, "fr").series("s").write(memory);
    Frame stored = fresh().collection("fr").series("s").frame();
    assertThat(stored).isEqualTo(memory);
    frames = List.of(memory, stored);
  }

  private static ReducedFrame byCategory(Frame f, String aggregate) {
    return f.reduce(ReduceColumn.named("category", "category"),
        ReduceColumn.named("value", "(" + aggregate + " self.value)"));
  }

  private static ReducedFrame byDay(Frame f, String aggregate) {
    return f.reduce(ReduceColumn.named("timestamp", "(floor self.timestamp \"D\")"),
        ReduceColumn.named("value", "(" + aggregate + " self.value)"));
  }

  @Test
  @DisplayName("FR-5 reduce with aggregates, grouped by category")
  void reduceByCategory() {
    for (Frame f : frames) {
      ReducedFrame sum = byCategory(f, "sum");
      assertThat(sum.names()).containsExactly("category", "value");
      assertThat(sum.isIndex(0)).isTrue();
      assertThat(sum.isIndex(1)).isFalse();
      assertThat(sum.column("category")).isEqualTo(ArrayValue.ofStrings("a", "b"));
      assertThat(sum.column("value")).isEqualTo(ArrayValue.ofDoubles(4.0, 6.0));
      assertThat(byCategory(f, "min").column("value")).isEqualTo(ArrayValue.ofDoubles(1.0, 2.0));
      assertThat(byCategory(f, "max").column("value")).isEqualTo(ArrayValue.ofDoubles(3.0, 4.0));
      assertThat(byCategory(f, "mean").column("value")).isEqualTo(ArrayValue.ofDoubles(2.0, 3.0));
      assertThat(byCategory(f, "average").column("value")).isEqualTo(ArrayValue.ofDoubles(2.0, 3.0));
      assertThat(byCategory(f, "first").column("value")).isEqualTo(ArrayValue.ofLongs(1, 2));
      assertThat(byCategory(f, "last").column("value")).isEqualTo(ArrayValue.ofObjects(3L, 4L));
      assertThat(byCategory(f, "count").column("value")).isEqualTo(ArrayValue.ofLongs(2, 2));
      assertThat(byCategory(f, "len").column("value")).isEqualTo(ArrayValue.ofLongs(2, 2));
    }
  }

  @Test
  @DisplayName("FR-5 reduce with aggregates, grouped by floored day")
  void reduceByDay() {
    for (Frame f : frames) {
      ReducedFrame sum = byDay(f, "sum");
      assertThat(sum.column("timestamp")).isEqualTo(ArrayValue.ofDatetimes("D", 18396));
      assertThat(sum.column("timestamp").toString()).isEqualTo("[2020-05-14]");
      assertThat(sum.column("value")).isEqualTo(ArrayValue.ofDoubles(10.0));
      assertThat(byDay(f, "min").column("value")).isEqualTo(ArrayValue.ofDoubles(1.0));
      assertThat(byDay(f, "max").column("value")).isEqualTo(ArrayValue.ofDoubles(4.0));
      assertThat(byDay(f, "mean").column("value")).isEqualTo(ArrayValue.ofDoubles(2.5));
      assertThat(byDay(f, "average").column("value")).isEqualTo(ArrayValue.ofDoubles(2.5));
      assertThat(byDay(f, "first").column("value")).isEqualTo(ArrayValue.ofLongs(1));
      assertThat(byDay(f, "last").column("value")).isEqualTo(ArrayValue.ofObjects(4L));
      assertThat(byDay(f, "count").column("value")).isEqualTo(ArrayValue.ofLongs(4));
      assertThat(byDay(f, "len").column("value")).isEqualTo(ArrayValue.ofLongs(4));
    }
  }

  @Test
  @DisplayName("FR-6 reduce without aggregates")
  void reduceWithoutAggregates() {
    for (Frame f : frames) {
      ReducedFrame same = f.reduce(ReduceColumn.named("timestamp", "timestamp"),
          ReduceColumn.named("category", "category"), ReduceColumn.named("value", "value"));
      assertThat(same.names()).containsExactlyElementsOf(f.columns());
      for (String name : f.columns()) {
        assertThat(same.column(name)).isEqualTo(ArrayValue.of(FR5.column(name).dtype(), f.column(name)));
      }
      assertThat(f.reduce(ReduceColumn.named("value", "(% self.value 2)")).column("value"))
          .isEqualTo(ArrayValue.ofLongs(1, 0, 1, 0));
      ReducedFrame sum = f.reduce(ReduceColumn.named("new_col", "(+ self.value self.timestamp)"));
      assertThat(sum.names()).containsExactly("new_col");
      assertThat(sum.column("new_col")).isEqualTo(
          ArrayValue.ofDatetimes("s", 1589455902L, 1589455903L, 1589455905L, 1589455906L));
    }
  }

  @Test
  @DisplayName("FR-3 masks by expression; malformed expressions name the token and position")
  void masks() {
    for (Frame f : frames) {
      Frame even = f.mask("(= (% self.value 2) 0)");
      assertThat(even.longs("value")).containsExactly(2, 4);
      assertThat(even.strings("category")).containsExactly("b", "b");
      assertThat(f.mask("(= (% self.value 2) 0").longs("value")).containsExactly(2, 4);
      assertThat(f.mask("(< self.value 3)").length()).isEqualTo(2);
      assertThat(f.mask("(> self.timestamp \"2020-05-14T11:31:41\")").longs("value")).containsExactly(3, 4);
      assertThatThrownBy(() -> f.mask("(< self.nope 1)")).isInstanceOf(MissingKeyException.class);
      assertThatThrownBy(() -> f.mask("(bar spam)")).isInstanceOf(ExpressionException.class)
          .hasMessage("Unexpected token: \"spam\" at position 5 of \"(bar spam)\"");
    }
    assertThat(frames.get(1).schema().column("value").dtype()).isEqualTo(Dtype.INT64);
  }
}
