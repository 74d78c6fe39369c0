package io.lakota.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers with SI prefixes, as the reference's {@code pretty_nb} prints them (EXPRESSIONS.md §7.3): {@code 2500} →
 * {@code 2.50k}, {@code 0.00184} → {@code 1.84m}. Used by the expression function and by the command line's timing
 * and metrics lines. Stateless.
 */
public final class PrettyNumbers {
  private static final String[] PREFIXES = {"y", "z", "a", "f", "p", "n", "u", "m", "", "k", "M", "G", "T", "P", "E",
    "Z", "Y"};
  /** 1000^k for k = -8 … 8, each the double nearest to the exact power (as Python computes {@code 1000 ** k}). */
  private static final double[] FACTORS = {1e-24, 1e-21, 1e-18, 1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1, 1e3, 1e6, 1e9,
    1e12, 1e15, 1e18, 1e21, 1e24};

  private PrettyNumbers() {}

  /**
   * {@code x} divided by the largest power of 1000 not greater than it (10^-24 … 10^21), with two decimals (rounded
   * half to even on the exact binary value) and the SI prefix; {@code 0} for zero, a {@code -} before negatives.
   */
  public static String format(double x) {
    if (x == 0) {
      return "0";
    }
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (x < 0) {
      return "-" + format(-x);
    }
    int k = 0;
    // the reference bisects a list of powers of 1000 from 1000^-8 to 1000^7
    for (int i = 0; i < FACTORS.length - 1; i++) {
      if (FACTORS[i] <= x) {
        k = i;
      }
    }
    if (Double.isInfinite(x)) {
      return "inf" + PREFIXES[k];
    }
    return new BigDecimal(x / FACTORS[k]).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + PREFIXES[k];
  }
}
