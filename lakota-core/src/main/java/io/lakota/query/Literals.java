package io.lakota.query;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Number literals with Python's {@code int()} and {@code float()} syntax (EXPRESSIONS.md §3). */
final class Literals {
  private static final String DIGITS = "\\d(?:_?\\d)*";
  private static final Pattern INTEGER = Pattern.compile("[+-]?" + DIGITS);
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?");
  private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  private Literals() {}

  /** The value of an integer literal ({@code -3}, {@code 1_000}), or null when {@code s} is not one. */
  static Long integer(String s) {
    if (!INTEGER.matcher(s).matches()) {
      return null;
    }
    try {
      return new BigInteger(s.replace("_", "")).longValueExact();
    } catch (ArithmeticException e) {
      throw new ExpressionException("OverflowError: integer literal " + s + " is out of the 64-bit range");
    }
  }

  /** The value of a float literal ({@code 1.5}, {@code 1e3}, {@code -inf}, {@code nan}), or null. */
  static Double floating(String s) {
    if (SPECIAL.matcher(s).matches()) {
      String t = s.toLowerCase(java.util.Locale.ROOT);
      if (t.endsWith("nan")) {
        return Double.NaN;
      }
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!FLOAT.matcher(s).matches()) {
      return null;
    }
    return Double.parseDouble(s.replace("_", ""));
  }
}
