package io.lakota.cli.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Layout of decimal digit strings the way Python prints floats: positional or {@code d.ddde±XX}, and the shortest
 * round-tripping digits of a {@code float32} (numpy's repr of a {@code float32} value).
 */
final class DecimalText {
  private DecimalText() {}

  static String stripTrailingZeros(String d) {
    int end = d.length();
    while (end > 1 && d.charAt(end - 1) == '0') {
      end--;
    }
    return d.substring(0, end);
  }

  /** {@code d1[.d2…]e±XX}. */
  static void scientific(StringBuilder out, String digits, int exponent) {
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
  }

  /** The digits with the point after {@code exponent + 1} digits; {@code forcePoint} adds {@code .0} to integers. */
  static void positional(StringBuilder out, String digits, int exponent, boolean forcePoint) {
    if (exponent < 0) {
      out.append("0.");
      for (int i = -1; i > exponent; i--) {
        out.append('0');
      }
      out.append(digits);
    } else if (digits.length() <= exponent + 1) {
      out.append(digits);
      for (int i = digits.length(); i <= exponent; i++) {
        out.append('0');
      }
      if (forcePoint) {
        out.append(".0");
      }
    } else {
      out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
  }

  /** The repr of a float32 value: shortest digits that read back as the same float32, Python's layout rules. */
  static String float32(float v) {
    if (Float.isNaN(v)) {
      return "nan";
    }
    if (Float.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return Float.floatToRawIntBits(v) < 0 ? "-0.0" : "0.0";
    }
    float a = Math.abs(v);
    BigDecimal exact = new BigDecimal(a);
    String digits = null;
    int exponent = 0;
    for (int p = 1; p <= 9; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (Float.parseFloat(r.toString()) == a) {
        digits = r.unscaledValue().toString();
        exponent = digits.length() - 1 - r.scale();
        break;
      }
    }
    if (digits == null) {
      throw new IllegalStateException("9 significant digits always round-trip a float: " + v);
    }
    digits = stripTrailingZeros(digits);
    StringBuilder out = new StringBuilder(16);
    if (v < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 16) {
      scientific(out, digits, exponent);
    } else {
      positional(out, digits, exponent, true);
    }
    return out.toString();
  }
}
