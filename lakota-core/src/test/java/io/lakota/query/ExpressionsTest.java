package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The acceptance cases EX-1 … EX-14 of EXPRESSIONS.md §9 (reduce cases are in {@link ReduceTest}). */
class ExpressionsTest {

  /** EX-1. */
  @ParameterizedTest
  @ValueSource(strings = {
    "true", "(~ false)", "(= (- (+ 1 1) (+ 2 2)) -2)", "(= (* (/ 3 2) (/ 7 2)) 5.25)", "(= (/ 6 3 2) 1)",
    "(or false true false)", "(~ (and false true false))", "(in \"foo\" (list \"ham\" \"foo\" \"bar\"))",
    "(< 1 2 3)", "(in \"am\" \"ham\")", "(in 2 (dict 2 \"x\"))"
  })
  void evaluatesToTrue(String expression) {
    assertThat(Expressions.evaluate(expression)).isEqualTo(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "(~ 1)", "(> 1 2 3)", "(< 3 2 0)", "(in 4 (list 1 2 3))", "(and true false)", "(= 1 \"1\")"})
  void evaluatesToFalse(String expression) {
    assertThat(Expressions.evaluate(expression)).isEqualTo(false);
  }

  /** EX-2. */
  @Test
  void buildsKeywordBundles() {
    assertThat(Expressions.evaluate("(kw 'return_counts' true)"))
        .isEqualTo(new Keywords(Map.of("return_counts", true)));
  }

  /** EX-3. */
  @Test
  void readsTheEnvironment() {
    assertThat(Expressions.evaluate("hello", Map.of("hello", "world"))).isEqualTo("world");
  }

  /** EX-4. */
  @Test
  void callsLibraryFunctionsAndAggregates() {
    assertThat(Expressions.evaluate("(asarray (list 1 2 3))")).isEqualTo(ArrayValue.ofLongs(1, 2, 3));
    assertThat(Expressions.evaluate("(max (list 1 2 3))")).isEqualTo(3L);
    Map<String, Object> env = Map.of("arr", new long[] {1, 2, 1, 2});
    assertThat(Expressions.evaluate("(unique arr true)", env))
        .isEqualTo(List.of(ArrayValue.ofLongs(1, 2), ArrayValue.ofLongs(0, 1)));
    assertThat(Expressions.evaluate("(unique arr (kw 'return_counts' true))", env))
        .isEqualTo(List.of(ArrayValue.ofLongs(1, 2), ArrayValue.ofLongs(2, 2)));
    assertThat(Expressions.evaluate("(char.lower arr)", Map.of("arr", new String[] {"HAM", "Spam"})))
        .isEqualTo(ArrayValue.ofStrings("ham", "spam"));
  }

  /** EX-5. */
  @Test
  void floorsFrameColumns() {
    Map<String, Object> env = Map.of("frm", Frames.ex5(), "floor", FrameFunctions.FLOOR);
    ArrayValue years = (ArrayValue) Expressions.evaluate("(floor frm.timestamp 'Y')", env);
    assertThat(years).isEqualTo(ArrayValue.ofDatetimes("Y", 50, 50, 50));
    assertThat(years.toString()).isEqualTo("[2020, 2020, 2020]");
    assertThat(Expressions.evaluate("(floor frm.timestamp 'h')", env).toString())
        .isEqualTo("[2020-01-01T11, 2020-01-02T12, 2020-01-03T13]");
  }

  /** EX-6. */
  @Test
  void addsArraysScalarsAndMapEntries() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("a", new long[] {1, 1});
    env.put("b", new long[] {2, 2});
    env.put("x_x", 1);
    env.put("y_y", 2);
    env.put("frame", Map.of("u", 1L, "v", 2L));
    assertThat(Expressions.evaluate("(+ a b)", env)).isEqualTo(ArrayValue.ofLongs(3, 3));
    assertThat(Expressions.evaluate("(+ x_x y_y)", env)).isEqualTo(3L);
    assertThat(Expressions.evaluate("(+ frame.u frame.v)", env)).isEqualTo(3L);
  }

  /** EX-7. */
  @Test
  void buildsListsMapsAndLiterals() {
    assertThat(Expressions.evaluate("(list 1 2 3)")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(Expressions.evaluate("1")).isEqualTo(1L);
    assertThat(Expressions.evaluate("\"spam\"")).isEqualTo("spam");
    assertThat(Expressions.evaluate("(dict \"ham\" 1 \"spam\" 2)")).isEqualTo(Map.of("ham", 1L, "spam", 2L));
    assertThat(Expressions.evaluate("'x y'")).isEqualTo("x y");
    assertThat(Expressions.evaluate("1e3")).isEqualTo(1000.0);
    assertThat(Expressions.evaluate("-2.5e-3")).isEqualTo(-0.0025);
    assertThat(Expressions.evaluate("1_000")).isEqualTo(1000L);
    assertThat((Double) Expressions.evaluate("nan")).isNaN();
    assertThat(Expressions.evaluate("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  /** EX-8. */
  @Test
  void refusesWhatIsNotAFunction() {
    assertThatThrownBy(() -> Expressions.evaluate("(true)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("TypeError: 'bool' object is not callable at position 1 of \"(true)\"");
    assertThatThrownBy(() -> Expressions.evaluate("(1)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("TypeError: 'int' object is not callable at position 1 of \"(1)\"");
    assertThatThrownBy(() -> Expressions.evaluate("(1"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("TypeError: 'int' object is not callable at position 1 of \"(1\"");
    assertThatThrownBy(() -> Expressions.evaluate("(bar spam)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Unexpected token: \"spam\" at position 5 of \"(bar spam)\"")
        .satisfies(e -> {
          ExpressionException x = (ExpressionException) e;
          assertThat(x.token()).isEqualTo("spam");
          assertThat(x.position()).isEqualTo(5);
          assertThat(x.problem()).isEqualTo("Unexpected token: \"spam\"");
        });
    assertThatThrownBy(() -> Expressions.evaluate("(+ 1e+3)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Unexpected token: \"1e\" at position 3 of \"(+ 1e+3)\"");
  }

  /** EX-9 (first part; the reduce parts are in ReduceTest). */
  @Test
  void aliasesValues() {
    assertThat(Expressions.evaluate("(as (asarray (list 1 2 3)) 'new_name')"))
        .isEqualTo(new Aliased(ArrayValue.ofLongs(1, 2, 3), "new_name"));
  }

  /** EX-10. */
  @Test
  void detectsAggregatingExpressions() {
    assertThat(Expressions.isAggregating("(+ self.ham (- self.spam self.foo))")).isFalse();
    assertThat(Expressions.isAggregating("(+ 1 (- 2 (max self.x)))")).isTrue();
    assertThat(Expressions.isAggregating("(self.foo)")).isFalse();
    assertThat(Expressions.isAggregating("(+ 1 (- 2 (* 3 (/ 4 (count self.x)))))")).isTrue();
    assertThat(Expressions.isAggregating("(+ self.x 'max')")).isFalse();
  }

  /** EX-11: the masks of §8.1. */
  @Test
  void masksFrames() {
    ColumnSource x = ColumnSource.of(Map.of("x", ArrayValue.ofLongs(1, 2, 3, 4, 5, 5, 5, 6)));
    assertThat(Expressions.rows(x, "(= (% self.x 2) 0)")).containsExactly(1, 3, 7);
    assertThat(Expressions.rows(x, "(and (> self.x 1) (< self.x 4))")).containsExactly(1, 2);
    assertThat(Expressions.rows(x, "(isin self.x (list 1 3))")).containsExactly(0, 2);
    assertThat(Expressions.rows(x, "(logical_not (isin self.x (list 1 3)))")).containsExactly(1, 3, 4, 5, 6, 7);
    assertThat(Expressions.mask(x, "(>= self.x 5)"))
        .containsExactly(false, false, false, false, true, true, true, true);
    assertThat(Expressions.rows(x, "(asarray (list -1 0))")).containsExactly(7, 0);
  }

  @Test
  void masksAreCheckedForTypeAndLength() {
    ColumnSource x = ColumnSource.of(Map.of("x", ArrayValue.ofLongs(1, 2, 3)));
    assertThatThrownBy(() -> Expressions.mask(x, "(+ self.x 1.5)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Cannot mask: the expression gives a array of float64, not a boolean array at position 0 of "
            + "\"(+ self.x 1.5)\"");
    assertThatThrownBy(() -> Expressions.mask(x, "(< self.nope 1)"))
        .isInstanceOf(MissingKeyException.class)
        .hasMessage("KeyError: \"nope\" at position 3 of \"(< self.nope 1)\"")
        .extracting(e -> ((MissingKeyException) e).key()).isEqualTo("nope");
    assertThatThrownBy(() -> Expressions.mask(x, "(< self.x (asarray (list 1 2)))"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("operands could not be broadcast together with shapes (3,) (2,) at position 1 of "
            + "\"(< self.x (asarray (list 1 2)))\"");
  }

  /** EX-12: the tokenizer table is in TokenizerTest. */
  @Test
  void ignoresTheRestOfTheInput() {
    assertThat(Expressions.evaluate("(+ 1 2) (+ 3 4)")).isEqualTo(3L);
    assertThatThrownBy(() -> Expressions.evaluate("'unterminated"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("No closing quotation");
  }

  /** EX-13. */
  @Test
  void sumsLikeNumpyAndComputesQuantiles() {
    ColumnSource s = Frames.brussels();
    assertThat(Expressions.evaluate("(sum self.value)", Map.of("self", s))).isEqualTo(199.89999999999998);
    assertThat(Expressions.evaluate("(mean self.value)", Map.of("self", s))).isEqualTo(28.557142857142853);
    ColumnSource v = ColumnSource.of(Map.of("value", ArrayValue.ofLongs(1, 2, 3, 4)));
    assertThat(Expressions.evaluate("(quantile self.value 0.5)", Map.of("self", v))).isEqualTo(2.5);
    assertThat(Expressions.evaluate("(quantile self.value)", Map.of("self", v))).isEqualTo(2.5);
    assertThat(Expressions.evaluate("(quantile self.value 0.25 'lower')", Map.of("self", v))).isEqualTo(1.0);
    assertThat(Expressions.evaluate("(quantile self.value (kw 'q' 0.75 'method' 'higher'))", Map.of("self", v)))
        .isEqualTo(4.0);
    assertThat(Expressions.evaluate("(quantile self.value 0.5 'midpoint')", Map.of("self", v))).isEqualTo(2.5);
    assertThat(Expressions.evaluate("(quantile self.value 0.5 'nearest')", Map.of("self", v))).isEqualTo(3.0);
    assertThat(Expressions.evaluate("(sum self.value)", Map.of("self", v))).isEqualTo(10L);
    assertThat(Expressions.evaluate("(count self.value)", Map.of("self", v))).isEqualTo(4L);
    assertThatThrownBy(() -> Expressions.evaluate("(first self.value)", Map.of("self", v)))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Aggregation \"first\" is not supported at position 1 of \"(first self.value)\"");
    assertThatThrownBy(() -> Expressions.evaluate("(average self.value)", Map.of("self", v)))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("Aggregation \"average\" is not supported");
  }

  /** EX-14. */
  @Test
  void refusesUnknownFloorUnits() {
    Map<String, Object> env = Map.of("self", Frames.ex5(), "floor", FrameFunctions.FLOOR);
    assertThatThrownBy(() -> Expressions.evaluate("(floor self.timestamp 'W')", env))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("floor unit must be one of Y, M, D, h, m, s at position 1 of \"(floor self.timestamp 'W')\"");
  }

  @Test
  void aggregatesPlainly() {
    ColumnSource s = Frames.brussels();
    Map<String, Object> env = Map.of("self", s);
    assertThat(Expressions.evaluate("(max self.value)", env)).isEqualTo(32.5);
    assertThat(Expressions.evaluate("(min self.value)", env)).isEqualTo(24.2);
    assertThat(Expressions.evaluate("(max self.timestamp)", env).toString()).isEqualTo("2020-06-28T00:00:00");
    assertThat(Expressions.evaluate("(len self.value)", env)).isEqualTo(7L);
    assertThat(Expressions.evaluate("(max (asarray (list 1.0 nan 3.0)))")).isEqualTo(Double.NaN);
    assertThat(Expressions.evaluate("(mean (list 1 2))")).isEqualTo(1.5);
    assertThatThrownBy(() -> Expressions.evaluate("(max (list))"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("ValueError: zero-size array to reduction operation maximum which has no identity");
  }

  @Test
  void usesUserFunctionsBeforeTheFrameHelpers() {
    ColumnSource s = Frames.ex5();
    ExpressionFunction constant = (args, kw) -> "mine";
    assertThat(Expressions.reduce(s, List.of(ReduceColumn.of("(floor self.value)")), Map.of("floor", constant))
        .column(0)).isEqualTo(ArrayValue.ofStrings("mine", "mine", "mine"));
  }
}
