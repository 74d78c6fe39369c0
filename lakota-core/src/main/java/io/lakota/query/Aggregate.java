package io.lakota.query;

import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.Values;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregates {@code min max sum first last mean average quantile count len} (EXPRESSIONS.md §5, §8.3): plain
 * reductions of a whole array, or one value per group while a grouped {@code reduce} is being evaluated.
 */
final class Aggregate implements ExpressionFunction {
  /** The names that always denote aggregates. */
  static final Set<String> NAMES =
      Set.of("min", "max", "sum", "first", "last", "mean", "average", "quantile", "count", "len");

  private final String name;

  private Aggregate(String name) {
    this.name = name;
  }

  /** The aggregate of that name, or null. */
  static Aggregate of(String name) {
    return NAMES.contains(name) ? new Aggregate(name) : null;
  }

  String name() {
    return name;
  }

  /** The plain aggregate (no grouping in progress). */
  @Override
  public Object call(List<Object> args, Map<String, Object> keywords) {
    if (name.equals("first") || name.equals("last") || name.equals("average")) {
      throw notSupported();
    }
    if (args.isEmpty()) {
      throw new ExpressionException("TypeError: " + name + " needs an argument");
    }
    Object v = args.get(0);
    if (name.equals("count") || name.equals("len")) {
      return (long) length(v);
    }
    ArrayValue a = Operands.toArray(v);
    switch (name) {
      case "sum":
        return sum(a);
      case "mean":
        requireNumeric(a);
        return a.length() == 0 ? Double.NaN : Summation.sum(Operands.doubles(a)) / a.length();
      case "min":
      case "max":
        return extremum(a, name.equals("max"));
      default:
        return Quantiles.quantile(a, args, keywords);
    }
  }

  /** The aggregate of every group of {@code g}: an array of one value per group. */
  ArrayValue grouped(List<Object> args, Grouping g) {
    if (name.equals("quantile")) {
      throw notSupported();
    }
    if (args.isEmpty()) {
      throw new ExpressionException("TypeError: " + name + " needs an argument");
    }
    ArrayValue a = Operands.toArray(args.get(0));
    if (a.length() != g.rows) {
      throw new ExpressionException("Length mismatch: " + name + " of " + a.length() + " values in a group-by of "
          + g.rows + " rows");
    }
    switch (name) {
      case "count":
      case "len":
        return ArrayValue.ofLongs(g.counts.clone());
      case "first":
        return ArrayValue.of(a.dtype(), Columns.take(a.dtype(), a.data(), g.first));
      case "last":
        Object[] out = new Object[g.groups];
        for (int k = 0; k < g.groups; k++) {
          out[k] = pythonValue(a, g.last[k]);
        }
        return ArrayValue.ofObjects(out);
      default:
        return numericGrouped(a, g);
    }
  }

  private ArrayValue numericGrouped(ArrayValue a, Grouping g) {
    if (!Operands.isNumeric(a.dtype())) {
      throw new ExpressionException(
          "TypeError: Aggregation \"" + name + "\" is not supported on " + a.dtype().name() + " values in a group-by");
    }
    double[] x = Operands.doubles(a);
    int[] b = g.bins;
    double[] acc = new double[g.groups];
    if (name.equals("max") || name.equals("min")) {
      boolean max = name.equals("max");
      for (int k = 0; k < g.groups; k++) {
        acc[k] = x[g.first[k]];
      }
      for (int i = 0; i < x.length; i++) {
        double cur = acc[b[i]];
        if (Double.isNaN(cur)) {
          continue;
        }
        if (Double.isNaN(x[i]) || (max ? x[i] > cur : x[i] < cur)) {
          acc[b[i]] = x[i];
        }
      }
      return ArrayValue.ofDoubles(acc);
    }
    // sum, mean, average: sequential sums in row order
    for (int i = 0; i < x.length; i++) {
      acc[b[i]] += x[i];
    }
    if (!name.equals("sum")) {
      for (int k = 0; k < g.groups; k++) {
        acc[k] /= g.counts[k];
      }
    }
    return ArrayValue.ofDoubles(acc);
  }

  private ExpressionException notSupported() {
    return new ExpressionException("Aggregation \"" + name + "\" is not supported");
  }

  private int length(Object v) {
    if (v instanceof ArrayValue) {
      return ((ArrayValue) v).length();
    }
    if (v instanceof List) {
      return ((List<?>) v).size();
    }
    if (v instanceof Map) {
      return ((Map<?, ?>) v).size();
    }
    if (v instanceof String) {
      return ((String) v).codePointCount(0, ((String) v).length());
    }
    throw new ExpressionException("TypeError: object of type '" + Operands.typeName(v) + "' has no len()");
  }

  private void requireNumeric(ArrayValue a) {
    if (!Operands.isNumeric(a.dtype())) {
      throw new ExpressionException(
          "TypeError: Aggregation \"" + name + "\" is not supported on " + a.dtype().name() + " values");
    }
  }

  private Object sum(ArrayValue a) {
    requireNumeric(a);
    if (Operands.isFloat(a.dtype())) {
      return Summation.sum(Operands.doubles(a));
    }
    long s = 0;
    for (long x : Operands.longs(a)) {
      s += x;
    }
    return s;
  }

  private Object extremum(ArrayValue a, boolean max) {
    int n = a.length();
    if (n == 0) {
      throw new ExpressionException("ValueError: zero-size array to reduction operation "
          + (max ? "maximum" : "minimum") + " which has no identity");
    }
    Dtype d = a.dtype();
    if (a.isDatetime()) {
      long[] x = (long[]) a.data();
      long best = x[0];
      for (int i = 0; i < n && best != Datetimes.NAT; i++) {
        if (x[i] == Datetimes.NAT || (max ? x[i] > best : x[i] < best)) {
          best = x[i];
        }
      }
      return new DatetimeValue(best, d.unit());
    }
    if (d.kind() == Dtype.Kind.BOOL) {
      boolean[] x = Operands.booleans(a);
      boolean any = false;
      boolean all = true;
      for (boolean z : x) {
        any |= z;
        all &= z;
      }
      return max ? any : all;
    }
    if (Operands.isFloat(d)) {
      double[] x = Operands.doubles(a);
      double best = x[0];
      for (int i = 0; i < n && !Double.isNaN(best); i++) {
        if (Double.isNaN(x[i]) || (max ? x[i] > best : x[i] < best)) {
          best = x[i];
        }
      }
      return best;
    }
    if (Operands.isNumeric(d)) {
      long[] x = Operands.longs(a);
      long best = x[0];
      for (int i = 1; i < n; i++) {
        if (max ? x[i] > best : x[i] < best) {
          best = x[i];
        }
      }
      return best;
    }
    if (Operands.isString(d)) {
      String[] x = (String[]) a.data();
      String best = x[0];
      for (int i = 1; i < n; i++) {
        int c = Values.compareCodePoints(x[i], best);
        if (max ? c > 0 : c < 0) {
          best = x[i];
        }
      }
      return best;
    }
    throw new ExpressionException(
        "TypeError: Aggregation \"" + name + "\" is not supported on " + d.name() + " values");
  }

  /** Element {@code i} as the Python value numpy's {@code tolist()} gives (datetimes as date-times or dates). */
  static Object pythonValue(ArrayValue a, int i) {
    Object d = a.data();
    if (a.isDatetime()) {
      return Operands.pythonDatetime(((long[]) d)[i], a.dtype().unit());
    }
    if (d instanceof long[] && a.dtype().kind() == Dtype.Kind.UINT && ((long[]) d)[i] < 0) {
      return new java.math.BigInteger(Long.toUnsignedString(((long[]) d)[i]));
    }
    return Operands.normalize(Columns.get(d, i));
  }

  @Override
  public String toString() {
    return name;
  }
}
