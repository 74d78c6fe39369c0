package io.lakota.format.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr()} of a float: the shortest decimal that reads back to the same double, in fixed notation
 * for decimal exponents from -4 to 15 ({@code 25.0}, {@code 0.1}, {@code 0.0001}) and scientific notation otherwise
 * ({@code 1e-05}, {@code 1e+16}, {@code 1.5e+300}); {@code nan}, {@code inf}, {@code -inf}.
 */
public final class PythonFloats {
  private PythonFloats() {}

  /** The text Python prints for {@code v}. */
  public static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
    }
    // shortest round-tripping digits, each candidate correctly rounded from the exact binary value (as Python
    // does); Java 17's Double.toString is not always the shortest
    BigDecimal exact = new BigDecimal(Math.abs(v));
    String digits = null;
    int exponent = 0;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == Math.abs(v)) {
        digits = r.unscaledValue().toString();
        exponent = digits.length() - 1 - r.scale();
        break;
      }
    }
    if (digits == null) {
      throw new IllegalStateException("17 significant digits always round-trip a double: " + v);
    }
    digits = stripTrailingZeros(digits);
    StringBuilder out = new StringBuilder(24);
    if (v < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 16) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int a = Math.abs(exponent);
      if (a < 10) {
        out.append('0');
      }
      out.append(a);
    } else if (exponent < 0) {
      out.append("0.");
      for (int i = -1; i > exponent; i--) {
        out.append('0');
      }
      out.append(digits);
    } else {
      if (digits.length() <= exponent + 1) {
        out.append(digits);
        for (int i = digits.length(); i <= exponent; i++) {
          out.append('0');
        }
        out.append(".0");
      } else {
        out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
      }
    }
    return out.toString();
  }

  private static String stripTrailingZeros(String d) {
    int end = d.length();
    while (end > 1 && d.charAt(end - 1) == '0') {
      end--;
    }
    return d.substring(0, end);
  }
}
