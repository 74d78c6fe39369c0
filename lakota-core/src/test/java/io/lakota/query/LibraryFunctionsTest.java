package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numpy subset of EXPRESSIONS.md §6 and the frame helpers of §7. */
class LibraryFunctionsTest {
  private static final Map<String, Object> ENV = Map.of(
      "x", new long[] {3, 1, 2, 1},
      "v", new double[] {1.25, -2.5, Double.NaN, 0.5},
      "s", new String[] {"b", "a", "b"},
      "d", ArrayValue.ofDatetimes("s", 1592784000L, 1593000000L, 1593950000L),
      "floor", FrameFunctions.FLOOR,
      "as-tz", FrameFunctions.AS_TZ,
      "pretty_nb", FrameFunctions.PRETTY_NB);

  private static Object eval(String expression) {
    return Expressions.evaluate(expression, ENV);
  }

  @Test
  void elementWiseMath() {
    assertThat(eval("(abs v)")).isEqualTo(ArrayValue.ofDoubles(1.25, 2.5, Double.NaN, 0.5));
    assertThat(eval("(abs (- x 2))")).isEqualTo(ArrayValue.ofLongs(1, 1, 0, 1));
    assertThat(eval("(sqrt (list 4 9))")).isEqualTo(ArrayValue.ofDoubles(2, 3));
    assertThat(eval("(exp 0)")).isEqualTo(1.0);
    assertThat(eval("(log (list 1))")).isEqualTo(ArrayValue.ofDoubles(0.0));
    assertThat(eval("(round v)")).isEqualTo(ArrayValue.ofDoubles(1, -2, Double.NaN, 0));
    assertThat(eval("(round v 1)")).isEqualTo(ArrayValue.ofDoubles(1.2, -2.5, Double.NaN, 0.5));
    assertThat(eval("(round (list 15 25) -1)")).isEqualTo(ArrayValue.ofLongs(20, 20));
    // numpy scales first: 2.675 * 100 is 267.5 in binary, rounded to even (Python's round would give 2.67)
    assertThat(eval("(round 2.675 (kw 'decimals' 2))")).isEqualTo(2.68);
    assertThat(eval("(minimum v 0)")).isEqualTo(ArrayValue.ofDoubles(0, -2.5, Double.NaN, 0));
    assertThat(eval("(maximum x 2)")).isEqualTo(ArrayValue.ofLongs(3, 2, 2, 2));
    assertThat(eval("(isnan v)")).isEqualTo(ArrayValue.ofBooleans(false, false, true, false));
    assertThat(eval("(cumsum x)")).isEqualTo(ArrayValue.ofLongs(3, 4, 6, 7));
    assertThat(eval("(diff x)")).isEqualTo(ArrayValue.ofLongs(-2, 1, -1));
    assertThat(eval("(diff v)")).isEqualTo(ArrayValue.ofDoubles(-3.75, Double.NaN, Double.NaN));
  }

  @Test
  void logicAndSelection() {
    assertThat(eval("(isin x (list 1 3))")).isEqualTo(ArrayValue.ofBooleans(true, true, false, true));
    assertThat(eval("(isin v (list 0.5 nan))")).isEqualTo(ArrayValue.ofBooleans(false, false, false, true));
    assertThat(eval("(isin s (list 'a'))")).isEqualTo(ArrayValue.ofBooleans(false, true, false));
    assertThat(eval("(isin d (list '2020-06-22'))")).isEqualTo(ArrayValue.ofBooleans(true, false, false));
    assertThat(eval("(logical_and (> x 1) (< x 3))")).isEqualTo(ArrayValue.ofBooleans(false, false, true, false));
    assertThat(eval("(logical_or (> x 2) (= x 2))")).isEqualTo(ArrayValue.ofBooleans(true, false, true, false));
    assertThat(eval("(logical_not x)")).isEqualTo(ArrayValue.ofBooleans(false, false, false, false));
    assertThat(eval("(where (> x 1) x 0)")).isEqualTo(ArrayValue.ofLongs(3, 0, 2, 0));
    assertThat(eval("(where (> x 1) v 0)")).isEqualTo(ArrayValue.ofDoubles(1.25, 0, Double.NaN, 0));
    assertThat(eval("(where (= s 'a') 'yes' s)")).isEqualTo(ArrayValue.ofStrings("b", "yes", "b"));
  }

  @Test
  void uniqueValuesWithFlags() {
    assertThat(eval("(unique s)")).isEqualTo(ArrayValue.ofStrings("a", "b"));
    assertThat(eval("(unique x false true true)")).isEqualTo(List.of(
        ArrayValue.ofLongs(1, 2, 3), ArrayValue.ofLongs(2, 0, 1, 0), ArrayValue.ofLongs(2, 1, 1)));
    assertThat(eval("(unique x (kw 'return_index' true 'return_inverse' true))")).isEqualTo(List.of(
        ArrayValue.ofLongs(1, 2, 3), ArrayValue.ofLongs(1, 2, 0), ArrayValue.ofLongs(2, 0, 1, 0)));
  }

  @Test
  void stringsAndDatetimes() {
    assertThat(eval("(char.upper s)")).isEqualTo(ArrayValue.ofStrings("B", "A", "B"));
    assertThat(eval("(datetime64 '2020-01-01')")).isEqualTo(new DatetimeValue(18262, "D"));
    assertThat(eval("(datetime64 '2020-01-01 10:00')")).isEqualTo(new DatetimeValue(1577872800L, "s"));
    assertThat(eval("(datetime64 5 'D')").toString()).isEqualTo("1970-01-06");
    assertThatThrownBy(() -> eval("(datetime64 'garbage')"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Error parsing datetime string \"garbage\" at position 1 of \"(datetime64 'garbage')\"");
  }

  @Test
  void floorsToEveryUnit() {
    // 2020-06-22T00:00:00, 2020-06-24T12:00:00, 2020-07-05T11:53:20
    assertThat(eval("(floor d 'Y')").toString()).isEqualTo("[2020, 2020, 2020]");
    assertThat(eval("(floor d 'M')").toString()).isEqualTo("[2020-06, 2020-06, 2020-07]");
    assertThat(eval("(floor d 'D')").toString()).isEqualTo("[2020-06-22, 2020-06-24, 2020-07-05]");
    assertThat(eval("(floor d 'h')").toString()).isEqualTo("[2020-06-22T00, 2020-06-24T12, 2020-07-05T11]");
    assertThat(eval("(floor d 'm')").toString()).isEqualTo("[2020-06-22T00:00, 2020-06-24T12:00, 2020-07-05T11:53]");
    assertThat(eval("(floor d 's')").toString())
        .isEqualTo("[2020-06-22T00:00:00, 2020-06-24T12:00:00, 2020-07-05T11:53:20]");
    assertThat(eval("(floor (floor d 'M') 'D')").toString()).isEqualTo("[2020-06-01, 2020-06-01, 2020-07-01]");
    Map<String, Object> before1970 = Map.of("t", ArrayValue.ofDatetimes("s", -1L, -86_401L), "floor",
        FrameFunctions.FLOOR);
    assertThat(Expressions.evaluate("(floor t 'D')", before1970).toString()).isEqualTo("[1969-12-31, 1969-12-30]");
    assertThat(Expressions.evaluate("(floor t 'M')", before1970).toString()).isEqualTo("[1969-12, 1969-12]");
    assertThat(Expressions.evaluate("(floor t 'Y')", before1970).toString()).isEqualTo("[1969, 1969]");
  }

  @Test
  void convertsToTimeZones() {
    assertThat(eval("(as-tz d \"Europe/Brussels\")").toString())
        .isEqualTo("[2020-06-22T02:00:00, 2020-06-24T14:00:00, 2020-07-05T13:53:20]");
    Map<String, Object> winter = Map.of("t", ArrayValue.ofDatetimes("D", 18262, 18353), "as-tz", FrameFunctions.AS_TZ);
    // 2020-01-01 is winter time (+1), 2020-04-01 summer time (+2)
    assertThat(Expressions.evaluate("(as-tz t 'Europe/Brussels')", winter).toString())
        .isEqualTo("[2020-01-01T01:00:00, 2020-04-01T02:00:00]");
    assertThatThrownBy(() -> eval("(as-tz d 'Mars/Olympus')"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Unknown time zone \"Mars/Olympus\" at position 1 of \"(as-tz d 'Mars/Olympus')\"");
  }

  @Test
  void printsNumbersWithPrefixes() {
    assertThat(eval("(pretty_nb (list 0 1 2500 3e6 0.00184 -1500))"))
        .isEqualTo(ArrayValue.ofStrings("0", "1.00", "2.50k", "3.00M", "1.84m", "-1.50k"));
    assertThat(eval("(pretty_nb 0.0005)")).isEqualTo("500.00u");
  }

  @Test
  void unknownNamesAreUnexpectedTokens() {
    assertThatThrownBy(() -> eval("(polyfit x x)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Unexpected token: \"polyfit\" at position 1 of \"(polyfit x x)\"");
  }
}
