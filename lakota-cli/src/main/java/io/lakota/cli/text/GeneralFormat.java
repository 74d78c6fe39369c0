package io.lakota.cli.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code format(v, "g")}: six significant digits, correctly rounded (half to even on the exact binary
 * value), trailing zeros and a trailing point removed, scientific notation {@code d[.ddd]e±XX} when the decimal
 * exponent is below -4 or at least 6. Stateless.
 */
public final class GeneralFormat {
  private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

  private GeneralFormat() {}

  /** {@code format(v, "g")}: {@code 25.0} → {@code 25}, {@code 1589455903} → {@code 1.58946e+09}. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    }
    BigDecimal r = new BigDecimal(Math.abs(v)).round(SIX);
    String digits = r.unscaledValue().toString();
    int exponent = digits.length() - 1 - r.scale();
    digits = DecimalText.stripTrailingZeros(digits);
    StringBuilder out = new StringBuilder(16);
    if (v < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      DecimalText.scientific(out, digits, exponent);
    } else {
      DecimalText.positional(out, digits, exponent, false);
    }
    return out.toString();
  }
}
