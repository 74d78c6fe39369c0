package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arithmetic and comparisons on scalars (Python) and arrays (numpy). */
class OperatorsTest {
  private static final Map<String, Object> ENV = Map.of(
      "i", new long[] {-3, 0, 7},
      "f", new double[] {-1.5, 0.0, Double.NaN},
      "b", new boolean[] {true, false, true},
      "s", new String[] {"ab", "b", "é"},
      "d", ArrayValue.ofDatetimes("s", 1592784000L, 1592870400L, io.lakota.format.Datetimes.NAT));

  private static Object eval(String expression) {
    return Expressions.evaluate(expression, ENV);
  }

  @Test
  void scalarsFollowPython() {
    assertThat(eval("(% -1 3)")).isEqualTo(2L);
    assertThat(eval("(% 5.5 2)")).isEqualTo(1.5);
    assertThat(eval("(% 5 -3)")).isEqualTo(-1L);
    assertThat(eval("(% -5.5 2)")).isEqualTo(0.5);
    assertThat(eval("(/ 7 2)")).isEqualTo(3.5);
    assertThat(eval("(- 10 1 2 3)")).isEqualTo(4L);
    assertThat(eval("(- 5)")).isEqualTo(5L);
    assertThat(eval("(+ true true)")).isEqualTo(2L);
    assertThat(eval("(+ 'ab' 'cd')")).isEqualTo("abcd");
    assertThat(eval("(and 6 3)")).isEqualTo(2L);
    assertThat(eval("(or 4 1)")).isEqualTo(5L);
    assertThat(eval("(< 'a' 'b')")).isEqualTo(true);
    assertThat(eval("(= 1 1.0)")).isEqualTo(true);
    assertThat(eval("(!= 'a' 1)")).isEqualTo(true);
    assertThat(eval("(> (datetime64 '2020-01-02') '2020-01-01T12:00')")).isEqualTo(true);
    assertThat(eval("(+ (datetime64 '2020-01-02') 3)").toString()).isEqualTo("2020-01-05");
  }

  @Test
  void scalarErrorsAreTypeErrors() {
    assertThatThrownBy(() -> eval("(< 'a' 1)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("TypeError: '<' not supported between instances of 'str' and 'int' at position 1 of "
            + "\"(< 'a' 1)\"");
    assertThatThrownBy(() -> eval("(+ 'a' 1)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("TypeError: unsupported operand type(s) for +: 'str' and 'int'");
    assertThatThrownBy(() -> eval("(% 1 0)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("ZeroDivisionError: integer division or modulo by zero");
    assertThatThrownBy(() -> eval("(and 1.5 1)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("TypeError: unsupported operand type(s) for &: 'float' and 'int'");
  }

  @Test
  void integerArraysStayIntegralExceptForTrueDivision() {
    assertThat(eval("(+ i 1)")).isEqualTo(ArrayValue.ofLongs(-2, 1, 8));
    assertThat(eval("(* i i)")).isEqualTo(ArrayValue.ofLongs(9, 0, 49));
    assertThat(eval("(% i 2)")).isEqualTo(ArrayValue.ofLongs(1, 0, 1));
    assertThat(eval("(% i 0)")).isEqualTo(ArrayValue.ofLongs(0, 0, 0));
    assertThat(eval("(/ i 2)")).isEqualTo(ArrayValue.ofDoubles(-1.5, 0, 3.5));
    assertThat(eval("(+ i 0.5)")).isEqualTo(ArrayValue.ofDoubles(-2.5, 0.5, 7.5));
    assertThat(eval("(+ i (asarray (list 9223372036854775807)))"))
        .isEqualTo(ArrayValue.ofLongs(9223372036854775804L, Long.MAX_VALUE, -9223372036854775802L));
    assertThat(eval("(- 10 i)")).isEqualTo(ArrayValue.ofLongs(13, 10, 3));
    assertThat(eval("(+ b b)")).isEqualTo(ArrayValue.ofLongs(2, 0, 2));
  }

  @Test
  void floatArraysFollowIeeeAndNumpyRemainder() {
    assertThat(eval("(% f 1)")).isEqualTo(ArrayValue.ofDoubles(0.5, 0.0, Double.NaN));
    assertThat(eval("(% f 0)")).isEqualTo(ArrayValue.ofDoubles(Double.NaN, Double.NaN, Double.NaN));
    assertThat(eval("(/ f 0)")).isEqualTo(ArrayValue.ofDoubles(Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN));
    assertThat(eval("(< f 0)")).isEqualTo(ArrayValue.ofBooleans(true, false, false));
    assertThat(eval("(!= f f)")).isEqualTo(ArrayValue.ofBooleans(false, false, true));
  }

  @Test
  void comparisonsFoldLeftElementWise() {
    assertThat(eval("(< i 1 1)")).isEqualTo(ArrayValue.ofBooleans(false, false, true));
    assertThat(eval("(= i (list -3 1 7))")).isEqualTo(ArrayValue.ofBooleans(true, false, true));
    assertThat(eval("(and b (> i -1))")).isEqualTo(ArrayValue.ofBooleans(false, false, true));
    assertThat(eval("(or b (> i -1))")).isEqualTo(ArrayValue.ofBooleans(true, true, true));
    assertThat(eval("(and i 3)")).isEqualTo(ArrayValue.ofLongs(1, 0, 3));
  }

  @Test
  void stringArraysCompareByCodePoint() {
    assertThat(eval("(= s 'b')")).isEqualTo(ArrayValue.ofBooleans(false, true, false));
    assertThat(eval("(< s 'b')")).isEqualTo(ArrayValue.ofBooleans(true, false, false));
    assertThat(eval("(= s 1)")).isEqualTo(ArrayValue.ofBooleans(false, false, false));
    assertThatThrownBy(() -> eval("(+ s 'x')"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("TypeError: unsupported operand types for +: arrays of <U0 and <U0");
  }

  @Test
  void datetimesCompareWithStringsAndShiftByIntegers() {
    assertThat(eval("(< d '2020-06-23')")).isEqualTo(ArrayValue.ofBooleans(true, false, false));
    assertThat(eval("(>= d '2020-06-22T00:00:01')")).isEqualTo(ArrayValue.ofBooleans(false, true, false));
    assertThat(eval("(!= d (datetime64 '2020-06-22'))")).isEqualTo(ArrayValue.ofBooleans(false, true, true));
    assertThat(eval("(+ d 60)").toString()).isEqualTo("[2020-06-22T00:01:00, 2020-06-23T00:01:00, NaT]");
    assertThat(eval("(- d 1)").toString()).isEqualTo("[2020-06-21T23:59:59, 2020-06-22T23:59:59, NaT]");
    assertThatThrownBy(() -> eval("(+ d d)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("TypeError: unsupported operand types for +: arrays of datetime64[s] and "
            + "datetime64[s]");
    assertThatThrownBy(() -> eval("(< d 'tomorrow')"))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("Error parsing datetime string \"tomorrow\" at position 1 of \"(< d 'tomorrow')\"");
  }

  @Test
  void negationAndMembership() {
    assertThat(eval("(~ 0 '' (list))")).isEqualTo(true);
    assertThat(eval("(~ 0 'x')")).isEqualTo(false);
    assertThat(eval("(in 7 i)")).isEqualTo(true);
    assertThat(eval("(in 8 i)")).isEqualTo(false);
    assertThatThrownBy(() -> eval("(~ i)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("ValueError: The truth value of an array with more than one element is ambiguous");
    assertThatThrownBy(() -> eval("(in 1 2)"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageStartingWith("TypeError: argument of type 'int' is not iterable");
  }
}
