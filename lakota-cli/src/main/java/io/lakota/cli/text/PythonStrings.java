package io.lakota.cli.text;

import io.lakota.format.internal.PythonText;
import java.util.regex.Pattern;

/** Python's string predicates the output rules rely on: {@code str.strip()}, {@code int(s)}, {@code float(s)}. */
public final class PythonStrings {
  private static final String DIGITS = "[0-9](?:_?[0-9])*";
  private static final Pattern INTEGER = Pattern.compile("[+-]?" + DIGITS);
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?");
  private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  private PythonStrings() {}

  /** Python's {@code s.strip()}. */
  public static String strip(String s) {
    return PythonText.strip(s);
  }

  /** True if Python's {@code int(s)} accepts {@code s}. */
  public static boolean isInt(String s) {
    return INTEGER.matcher(strip(s)).matches();
  }

  /** Python's {@code float(s)}, or null when it raises. */
  public static Double toFloat(String s) {
    String t = strip(s);
    if (SPECIAL.matcher(t).matches()) {
      String l = t.toLowerCase(java.util.Locale.ROOT);
      if (l.endsWith("nan")) {
        return Double.NaN;
      }
      return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!FLOAT.matcher(t).matches()) {
      return null;
    }
    return Double.parseDouble(t.replace("_", ""));
  }

  /**
   * tabulate's {@code _isnumber}: Python's {@code float(s)} accepts it, and a result that is infinite or NaN is
   * spelled exactly {@code inf}, {@code -inf} or {@code nan} (any case), not an overflow such as {@code 1e999}.
   */
  public static boolean isNumber(String s) {
    Double d = toFloat(s);
    if (d == null) {
      return false;
    }
    if (d.isInfinite() || d.isNaN()) {
      String l = s.toLowerCase(java.util.Locale.ROOT);
      return l.equals("inf") || l.equals("-inf") || l.equals("nan");
    }
    return true;
  }
}
