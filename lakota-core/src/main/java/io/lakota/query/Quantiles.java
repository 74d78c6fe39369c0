package io.lakota.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The plain {@code quantile} aggregate (EXPRESSIONS.md §8.6): numpy's {@code quantile} of a 1-D array. */
final class Quantiles {
  private Quantiles() {}

  /** {@code (quantile arr [q [method]])}, also with keywords {@code q} and {@code method}. */
  static double quantile(ArrayValue a, List<Object> args, Map<String, Object> keywords) {
    Object q = args.size() > 1 ? args.get(1) : keywords.getOrDefault("q", 0.5);
    Object method = args.size() > 2 ? args.get(2) : keywords.getOrDefault("method", "linear");
    if (!Operands.isNumber(q)) {
      throw new ExpressionException("TypeError: the quantile must be a number, not " + Operands.typeName(q));
    }
    if (!(method instanceof String)) {
      throw new ExpressionException("TypeError: the quantile method must be a string");
    }
    if (!Operands.isNumeric(a.dtype())) {
      throw new ExpressionException(
          "TypeError: Aggregation \"quantile\" is not supported on " + a.dtype().name() + " values");
    }
    return of(Operands.doubles(a), Operands.asDouble(q), (String) method);
  }

  static double of(double[] values, double q, String method) {
    if (!(q >= 0 && q <= 1)) {
      throw new ExpressionException("ValueError: Quantiles must be in the range [0, 1]");
    }
    int n = values.length;
    if (n == 0) {
      throw new ExpressionException("IndexError: cannot take a quantile of an empty array");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    if (Double.isNaN(s[n - 1])) {
      // Arrays.sort puts NaN last: any NaN makes the quantile NaN, as in numpy
      return Double.NaN;
    }
    double h = (n - 1) * q;
    int i = (int) Math.floor(h);
    double t = h - i;
    double a = s[i];
    double b = s[Math.min(i + 1, n - 1)];
    switch (method) {
      case "linear":
        return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
      case "lower":
        return a;
      case "higher":
        return s[(int) Math.ceil(h)];
      case "midpoint":
        return (a + b) / 2;
      case "nearest":
        return s[(int) Math.rint(h)];
      default:
        throw new ExpressionException("ValueError: '" + method + "' is not a valid method. Use one of: linear, "
            + "lower, higher, midpoint, nearest");
    }
  }
}
