package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.format.Dtype;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** reduce (EXPRESSIONS.md §8.2–8.4, EX-9, EX-11) with exact aggregates. */
class ReduceTest {

  private static ReducedFrame reduce(ColumnSource s, ReduceColumn... columns) {
    return Expressions.reduce(s, List.of(columns));
  }

  private static ReducedFrame byCategory(String aggregate) {
    return reduce(Frames.categories(), ReduceColumn.named("category", "category"),
        ReduceColumn.named("value", "(" + aggregate + " self.value)"));
  }

  @Test
  void groupsByCategory() {
    ReducedFrame sum = byCategory("sum");
    assertThat(sum.names()).containsExactly("category", "value");
    assertThat(sum.isIndex(0)).isTrue();
    assertThat(sum.isIndex(1)).isFalse();
    assertThat(sum.column(0)).isEqualTo(ArrayValue.ofStrings("a", "b"));
    assertThat(sum.column(1)).isEqualTo(ArrayValue.ofDoubles(4.0, 6.0));
    assertThat(byCategory("min").column(1)).isEqualTo(ArrayValue.ofDoubles(1.0, 2.0));
    assertThat(byCategory("max").column(1)).isEqualTo(ArrayValue.ofDoubles(3.0, 4.0));
    assertThat(byCategory("mean").column(1)).isEqualTo(ArrayValue.ofDoubles(2.0, 3.0));
    assertThat(byCategory("average").column(1)).isEqualTo(ArrayValue.ofDoubles(2.0, 3.0));
    assertThat(byCategory("first").column(1)).isEqualTo(ArrayValue.ofLongs(1, 2));
    assertThat(byCategory("last").column(1)).isEqualTo(ArrayValue.ofObjects(3L, 4L));
    assertThat(byCategory("count").column(1)).isEqualTo(ArrayValue.ofLongs(2, 2));
    assertThat(byCategory("len").column(1)).isEqualTo(ArrayValue.ofLongs(2, 2));
  }

  @Test
  void groupsByFlooredDay() {
    ColumnSource s = Frames.categories();
    String[] aggregates = {"sum", "min", "max", "mean", "first", "last", "count"};
    Object[] expected = {
      ArrayValue.ofDoubles(10.0), ArrayValue.ofDoubles(1.0), ArrayValue.ofDoubles(4.0), ArrayValue.ofDoubles(2.5),
      ArrayValue.ofLongs(1), ArrayValue.ofObjects(4L), ArrayValue.ofLongs(4)
    };
    for (int i = 0; i < aggregates.length; i++) {
      ReducedFrame r = reduce(s, ReduceColumn.named("timestamp", "(floor self.timestamp \"D\")"),
          ReduceColumn.named("value", "(" + aggregates[i] + " self.value)"));
      assertThat(r.column(0)).isEqualTo(ArrayValue.ofDatetimes("D", 18396));
      assertThat(r.column(0).toString()).isEqualTo("[2020-05-14]");
      assertThat(r.column(1)).as(aggregates[i]).isEqualTo(expected[i]);
    }
  }

  @Test
  void reducesWithoutKeys() {
    ReducedFrame r = reduce(Frames.categories(), ReduceColumn.of("(max self.value)"));
    assertThat(r.names()).containsExactly("(max self.value)");
    assertThat(r.column(0)).isEqualTo(ArrayValue.ofLongs(4));
  }

  @Test
  void keepsKeyColumnsAlone() {
    ColumnSource s = Frames.categories();
    ReducedFrame ts = reduce(s, ReduceColumn.of("(as self.timestamp 'ts')"));
    assertThat(ts.names()).containsExactly("ts");
    assertThat(ts.column(0)).isEqualTo(ArrayValue.of(Dtype.TIMESTAMP, s.column("timestamp")));
    ReducedFrame same = reduce(s, ReduceColumn.named("timestamp", "timestamp"),
        ReduceColumn.named("category", "category"), ReduceColumn.named("value", "value"));
    assertThat(same.names()).containsExactly("timestamp", "category", "value");
    for (int i = 0; i < 3; i++) {
      assertThat(same.isIndex(i)).isTrue();
      assertThat(same.column(i).data()).isSameAs(s.column(same.names().get(i)));
    }
    assertThat(reduce(s, ReduceColumn.named("value", "(% self.value 2)")).column(0))
        .isEqualTo(ArrayValue.ofLongs(1, 0, 1, 0));
    assertThat(reduce(s, ReduceColumn.named("new_col", "(+ self.value self.timestamp)")).column(0))
        .isEqualTo(ArrayValue.ofDatetimes("s", 1589455902L, 1589455903L, 1589455905L, 1589455906L));
  }

  /** EX-9. */
  @Test
  void callsUserFunctions() {
    ColumnSource s = Frames.ex5();
    ExpressionFunction spammer = (args, kw) -> {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < ((ArrayValue) args.get(0)).length(); i++) {
        out.add(args.get(1));
      }
      return out;
    };
    ReducedFrame r = Expressions.reduce(s, List.of(ReduceColumn.of("(as (spammer self.timestamp 'SPAM') 'ts')")),
        Map.of("spammer", spammer));
    assertThat(r.names()).containsExactly("ts");
    assertThat(r.column(0)).isEqualTo(ArrayValue.ofStrings("SPAM", "SPAM", "SPAM"));
  }

  /** CLI.md §5: the grouped and plain aggregates of the Brussels series. */
  @Test
  void aggregatesTheWalkthroughSeries() {
    ColumnSource s = Frames.brussels();
    ReducedFrame grouped = reduce(s, ReduceColumn.of("(floor self.timestamp 'M')"),
        ReduceColumn.of("(last self.timestamp)"), ReduceColumn.of("(first self.timestamp)"),
        ReduceColumn.of("(count self.value)"), ReduceColumn.of("(sum self.value)"), ReduceColumn.of("(min self.value)"));
    assertThat(grouped.names()).containsExactly("(floor self.timestamp 'M')", "(last self.timestamp)",
        "(first self.timestamp)", "(count self.value)", "(sum self.value)", "(min self.value)");
    assertThat(grouped.column(0).toString()).isEqualTo("[2020-06]");
    assertThat(grouped.column(1)).isEqualTo(ArrayValue.ofObjects(LocalDateTime.of(2020, 6, 28, 0, 0)));
    assertThat(grouped.column(2).toString()).isEqualTo("[2020-06-22T00:00:00]");
    assertThat(grouped.column(3)).isEqualTo(ArrayValue.ofLongs(7));
    assertThat(grouped.column(4)).isEqualTo(ArrayValue.ofDoubles(199.89999999999998));
    assertThat(grouped.column(5)).isEqualTo(ArrayValue.ofDoubles(24.2));

    ReducedFrame plain = reduce(s, ReduceColumn.of("(max self.value)"), ReduceColumn.of("(sum self.value)"),
        ReduceColumn.of("(count self.value)"), ReduceColumn.of("(max self.timestamp)"),
        ReduceColumn.of("(mean self.value)"));
    assertThat(plain.column(0)).isEqualTo(ArrayValue.ofDoubles(32.5));
    assertThat(plain.column(1)).isEqualTo(ArrayValue.ofDoubles(199.89999999999998));
    assertThat(plain.column(2)).isEqualTo(ArrayValue.ofLongs(7));
    assertThat(plain.column(3).toString()).isEqualTo("[2020-06-28T00:00:00]");
    assertThat(plain.column(4)).isEqualTo(ArrayValue.ofDoubles(28.557142857142853));

    ReducedFrame aliased = reduce(s, ReduceColumn.of("(as (mean self.value) \"avg\")"),
        ReduceColumn.of("(as (floor self.timestamp \"M\") \"month\")"));
    assertThat(aliased.names()).containsExactly("month", "avg");
    assertThat(aliased.column(1)).isEqualTo(ArrayValue.ofDoubles(28.557142857142853));
    assertThat(reduce(s, ReduceColumn.of("(floor self.timestamp 'Y')"), ReduceColumn.of("(sum self.value)"))
        .column(1)).isEqualTo(ArrayValue.ofDoubles(199.89999999999998));
  }

  @Test
  void sortsGroupsByTheirKeysAndKeepsFrameOrderInside() {
    java.util.LinkedHashMap<String, ArrayValue> m = new java.util.LinkedHashMap<>();
    m.put("k", ArrayValue.ofStrings("b", "a", "b", "a", "c"));
    m.put("n", ArrayValue.ofLongs(2, 1, 2, 1, 0));
    m.put("v", ArrayValue.ofDoubles(0.1, 0.2, 0.7, 0.3, 5));
    m.put("d", ArrayValue.ofDatetimes("D", 1, 2, 3, 4, 5));
    ColumnSource s = ColumnSource.of(m);
    ReducedFrame r = reduce(s, ReduceColumn.of("(sum self.v)"), ReduceColumn.named("n", "n"),
        ReduceColumn.named("k", "k"), ReduceColumn.of("(first self.v)"), ReduceColumn.of("(last self.d)"),
        ReduceColumn.of("(+ 1 (max self.v))"));
    assertThat(r.names()).containsExactly("n", "k", "(sum self.v)", "(first self.v)", "(last self.d)",
        "(+ 1 (max self.v))");
    assertThat(r.column(0)).isEqualTo(ArrayValue.ofLongs(0, 1, 2));
    assertThat(r.column(1)).isEqualTo(ArrayValue.ofStrings("c", "a", "b"));
    // sequential sums in row order: 0.1 + 0.7 and 0.2 + 0.3
    assertThat(r.column(2)).isEqualTo(ArrayValue.ofDoubles(5.0, 0.5, 0.7999999999999999));
    assertThat(r.column(3)).isEqualTo(ArrayValue.ofDoubles(5, 0.2, 0.1));
    assertThat(r.column(4)).isEqualTo(
        ArrayValue.ofObjects(LocalDate.of(1970, 1, 6), LocalDate.of(1970, 1, 5), LocalDate.of(1970, 1, 4)));
    assertThat(r.column(5)).isEqualTo(ArrayValue.ofDoubles(6.0, 1.3, 1.7));
  }

  @Test
  void refusesWhatCannotBeGrouped() {
    ColumnSource s = Frames.categories();
    assertThatThrownBy(() -> reduce(s, ReduceColumn.named("category", "category"),
        ReduceColumn.of("(quantile self.value)")))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Aggregation \"quantile\" is not supported at position 1 of \"(quantile self.value)\"");
    assertThatThrownBy(() -> reduce(s, ReduceColumn.named("category", "category"),
        ReduceColumn.of("(max self.timestamp)")))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("TypeError: Aggregation \"max\" is not supported on datetime64[s] values in a group-by at "
            + "position 1 of \"(max self.timestamp)\"");
    assertThatThrownBy(() -> reduce(s, ReduceColumn.named("x", "nope")))
        .isInstanceOf(MissingKeyException.class)
        .hasMessage("KeyError: \"nope\"");
    assertThatThrownBy(() -> reduce(s, ReduceColumn.of("(max self.value)"),
        ReduceColumn.of("(+ self.value (max self.value))")))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Length mismatch: column \"(+ self.value (max self.value))\" has 4 values, previous columns "
            + "have 1");
  }

  @Test
  void reducesAnEmptyFrameByKeys() {
    java.util.LinkedHashMap<String, ArrayValue> m = new java.util.LinkedHashMap<>();
    m.put("k", ArrayValue.ofStrings());
    m.put("v", ArrayValue.ofDoubles());
    ReducedFrame r = reduce(ColumnSource.of(m), ReduceColumn.named("k", "k"), ReduceColumn.of("(sum self.v)"));
    assertThat(r.length()).isZero();
    assertThat(r.names()).containsExactly("k", "(sum self.v)");
  }
}
