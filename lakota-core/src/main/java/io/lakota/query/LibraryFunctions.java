package io.lakota.query;

import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * The numpy functions expressions may call by name (EXPRESSIONS.md §6), with numpy's semantics on one-dimensional
 * arrays. Scalars are accepted where numpy accepts them. Any other name is an unexpected token.
 */
final class LibraryFunctions {
  private static final Map<String, ExpressionFunction> FUNCTIONS = new HashMap<>();

  static {
    FUNCTIONS.put("isin", (args, kw) -> isin(arg(args, 0, "isin"), arg(args, 1, "isin")));
    FUNCTIONS.put("logical_not", (args, kw) -> logical("logical_not", args, 1));
    FUNCTIONS.put("logical_and", (args, kw) -> logical("logical_and", args, 2));
    FUNCTIONS.put("logical_or", (args, kw) -> logical("logical_or", args, 2));
    FUNCTIONS.put("where", (args, kw) -> where(arg(args, 0, "where"), arg(args, 1, "where"), arg(args, 2, "where")));
    FUNCTIONS.put("abs", (args, kw) -> abs(arg(args, 0, "abs")));
    FUNCTIONS.put("sqrt", (args, kw) -> math(arg(args, 0, "sqrt"), Math::sqrt));
    FUNCTIONS.put("log", (args, kw) -> math(arg(args, 0, "log"), Math::log));
    FUNCTIONS.put("exp", (args, kw) -> math(arg(args, 0, "exp"), Math::exp));
    FUNCTIONS.put("round", (args, kw) -> round(arg(args, 0, "round"),
        args.size() > 1 ? args.get(1) : kw.getOrDefault("decimals", 0L)));
    FUNCTIONS.put("minimum", (args, kw) -> extremum(arg(args, 0, "minimum"), arg(args, 1, "minimum"), false));
    FUNCTIONS.put("maximum", (args, kw) -> extremum(arg(args, 0, "maximum"), arg(args, 1, "maximum"), true));
    FUNCTIONS.put("isnan", (args, kw) -> isnan(arg(args, 0, "isnan")));
    FUNCTIONS.put("cumsum", (args, kw) -> cumsum(Operands.toArray(arg(args, 0, "cumsum"))));
    FUNCTIONS.put("diff", (args, kw) -> diff(Operands.toArray(arg(args, 0, "diff"))));
    FUNCTIONS.put("asarray", (args, kw) -> {
      Object v = arg(args, 0, "asarray");
      return v instanceof List || v instanceof ArrayValue ? Operands.toArray(v) : v;
    });
    FUNCTIONS.put("unique", LibraryFunctions::unique);
    FUNCTIONS.put("char.lower", (args, kw) -> caseMapping(arg(args, 0, "char.lower"), false));
    FUNCTIONS.put("char.upper", (args, kw) -> caseMapping(arg(args, 0, "char.upper"), true));
    FUNCTIONS.put("datetime64", LibraryFunctions::datetime64);
  }

  private LibraryFunctions() {}

  /** The function of that (possibly dotted) name, or null. */
  static ExpressionFunction get(String name) {
    return FUNCTIONS.get(name);
  }

  private static Object arg(List<Object> args, int i, String name) {
    if (args.size() <= i) {
      throw new ExpressionException("TypeError: " + name + " is missing argument " + (i + 1));
    }
    return args.get(i);
  }

  private static boolean isArray(Object v) {
    return v instanceof ArrayValue || v instanceof List;
  }

  /** Truth values of an array: booleans as they are, numbers non-zero, other values by Python truthiness. */
  private static boolean[] truths(ArrayValue a) {
    if (a.data() instanceof boolean[]) {
      return (boolean[]) a.data();
    }
    int n = a.length();
    boolean[] out = new boolean[n];
    if (Operands.isFloat(a.dtype())) {
      double[] d = Operands.doubles(a);
      for (int i = 0; i < n; i++) {
        out[i] = d[i] != 0;
      }
    } else if (Operands.isNumeric(a.dtype()) || a.isDatetime()) {
      long[] l = a.isDatetime() ? (long[]) a.data() : Operands.longs(a);
      for (int i = 0; i < n; i++) {
        out[i] = l[i] != 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = ScalarOps.truth(Operands.normalize(a.get(i)));
      }
    }
    return out;
  }

  private static Object logical(String name, List<Object> args, int arity) {
    Builtins.arity(name, args, arity);
    if (arity == 1) {
      Object v = args.get(0);
      if (!isArray(v)) {
        return !ScalarOps.truth(v);
      }
      boolean[] t = truths(Operands.toArray(v));
      boolean[] out = new boolean[t.length];
      for (int i = 0; i < t.length; i++) {
        out[i] = !t[i];
      }
      return ArrayValue.ofBooleans(out);
    }
    Object a = args.get(0);
    Object b = args.get(1);
    boolean and = name.equals("logical_and");
    if (!isArray(a) && !isArray(b)) {
      return and ? ScalarOps.truth(a) && ScalarOps.truth(b) : ScalarOps.truth(a) || ScalarOps.truth(b);
    }
    ArrayValue x = Operands.toArray(a);
    ArrayValue y = Operands.toArray(b);
    int n = Operands.broadcastLength(x, y);
    boolean[] p = truths(Operands.expand(x, n));
    boolean[] q = truths(Operands.expand(y, n));
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = and ? p[i] && q[i] : p[i] || q[i];
    }
    return ArrayValue.ofBooleans(out);
  }

  private static ArrayValue isin(Object arr, Object values) {
    ArrayValue a = Operands.toArray(arr);
    ArrayValue v = Operands.toArray(values);
    int n = a.length();
    boolean[] out = new boolean[n];
    if (a.isDatetime()) {
      Set<Long> wanted = new HashSet<>();
      String unit = a.dtype().unit();
      for (int i = 0; i < v.length(); i++) {
        DatetimeValue d = ScalarOps.asDatetime(Operands.normalize(v.get(i)));
        if (d != null && d.value() != Datetimes.NAT) {
          long c = DatetimeUnits.convert(d.value(), d.unit(), unit);
          // a value finer than the array's unit matches nothing unless it falls exactly on a unit boundary
          if (DatetimeUnits.convert(c, unit, d.unit()) == d.value()) {
            wanted.add(c);
          }
        }
      }
      long[] x = (long[]) a.data();
      long[] sorted = wanted.stream().mapToLong(Long::longValue).sorted().toArray();
      for (int i = 0; i < n; i++) {
        out[i] = x[i] != Datetimes.NAT && Arrays.binarySearch(sorted, x[i]) >= 0;
      }
    } else if (Operands.isNumeric(a.dtype()) && Operands.isNumeric(v.dtype())) {
      if (Operands.isFloat(a.dtype()) || Operands.isFloat(v.dtype())) {
        double[] sorted = Arrays.stream(Operands.doubles(v)).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double[] x = Operands.doubles(a);
        for (int i = 0; i < n; i++) {
          out[i] = !Double.isNaN(x[i]) && Arrays.binarySearch(sorted, x[i] == 0 ? 0.0 : x[i]) >= 0;
        }
      } else {
        long[] sorted = Operands.longs(v).clone();
        Arrays.sort(sorted);
        long[] x = Operands.longs(a);
        for (int i = 0; i < n; i++) {
          out[i] = Arrays.binarySearch(sorted, x[i]) >= 0;
        }
      }
    } else if (Operands.isString(a.dtype())) {
      Set<String> wanted = new HashSet<>();
      for (int i = 0; i < v.length(); i++) {
        if (v.get(i) instanceof String) {
          wanted.add((String) v.get(i));
        }
      }
      String[] x = (String[]) a.data();
      for (int i = 0; i < n; i++) {
        out[i] = wanted.contains(x[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = Builtins.contains(v, Operands.normalize(a.get(i)));
      }
    }
    return ArrayValue.ofBooleans(out);
  }

  private static Object where(Object cond, Object a, Object b) {
    ArrayValue c = Operands.toArray(cond);
    ArrayValue x = Operands.toArray(a);
    ArrayValue y = Operands.toArray(b);
    int n = Operands.broadcastLength(Operands.broadcastLength(c, x), y.length());
    boolean[] t = truths(Operands.expand(c, n));
    x = Operands.expand(x, n);
    y = Operands.expand(y, n);
    Dtype dx = x.dtype();
    Dtype dy = y.dtype();
    if (Operands.isNumeric(dx) && Operands.isNumeric(dy)) {
      if (dx.kind() == Dtype.Kind.BOOL && dy.kind() == Dtype.Kind.BOOL) {
        boolean[] p = Operands.booleans(x);
        boolean[] q = Operands.booleans(y);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          out[i] = t[i] ? p[i] : q[i];
        }
        return ArrayValue.ofBooleans(out);
      }
      if (Operands.isFloat(dx) || Operands.isFloat(dy)) {
        double[] p = Operands.doubles(x);
        double[] q = Operands.doubles(y);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = t[i] ? p[i] : q[i];
        }
        return ArrayValue.ofDoubles(out);
      }
      long[] p = Operands.longs(x);
      long[] q = Operands.longs(y);
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = t[i] ? p[i] : q[i];
      }
      return ArrayValue.ofLongs(out);
    }
    if (x.isDatetime() && y.isDatetime()) {
      String unit = DatetimeUnits.finer(dx.unit(), dy.unit());
      long[] p = (long[]) x.data();
      long[] q = (long[]) y.data();
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = t[i] ? DatetimeUnits.convert(p[i], dx.unit(), unit) : DatetimeUnits.convert(q[i], dy.unit(), unit);
      }
      return ArrayValue.ofDatetimes(unit, out);
    }
    if (Operands.isString(dx) && Operands.isString(dy)) {
      String[] p = (String[]) x.data();
      String[] q = (String[]) y.data();
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = t[i] ? p[i] : q[i];
      }
      return ArrayValue.ofStrings(out);
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = Operands.normalize(t[i] ? x.get(i) : y.get(i));
    }
    return ArrayValue.ofObjects(out);
  }

  private static Object abs(Object v) {
    if (!isArray(v)) {
      if (v instanceof Long) {
        return Math.abs((Long) v);
      }
      if (v instanceof Boolean) {
        return v;
      }
      return Math.abs(number(v, "abs"));
    }
    ArrayValue a = Operands.toArray(v);
    if (a.dtype().kind() == Dtype.Kind.BOOL) {
      return a;
    }
    if (Operands.isFloat(a.dtype())) {
      double[] x = Operands.doubles(a);
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = Math.abs(x[i]);
      }
      return ArrayValue.ofDoubles(out);
    }
    requireNumeric(a, "abs");
    long[] x = Operands.longs(a);
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.abs(x[i]);
    }
    return ArrayValue.ofLongs(out);
  }

  private static Object math(Object v, DoubleUnaryOperator f) {
    if (!isArray(v)) {
      return f.applyAsDouble(number(v, "math function"));
    }
    ArrayValue a = Operands.toArray(v);
    requireNumeric(a, "math function");
    double[] x = Operands.doubles(a);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = f.applyAsDouble(x[i]);
    }
    return ArrayValue.ofDoubles(out);
  }

  private static double number(Object v, String name) {
    if (!Operands.isNumber(v)) {
      throw new ExpressionException("TypeError: " + name + " needs a number, not " + Operands.typeName(v));
    }
    return Operands.asDouble(v);
  }

  private static void requireNumeric(ArrayValue a, String name) {
    if (!Operands.isNumeric(a.dtype())) {
      throw new ExpressionException("TypeError: " + name + " is not supported on " + a.dtype().name() + " values");
    }
  }

  /** numpy's {@code round}: scale by a power of ten, round half to even, scale back. */
  private static Object round(Object v, Object decimals) {
    if (!(decimals instanceof Long)) {
      throw new ExpressionException("TypeError: decimals must be an integer, not " + Operands.typeName(decimals));
    }
    int d = (int) (long) (Long) decimals;
    if (!isArray(v)) {
      if (v instanceof Long && d >= 0) {
        return v;
      }
      double r = round(number(v, "round"), d);
      return v instanceof Long ? (Object) (long) r : (Object) r;
    }
    ArrayValue a = Operands.toArray(v);
    requireNumeric(a, "round");
    boolean integral = !Operands.isFloat(a.dtype());
    if (integral && d >= 0) {
      return a;
    }
    double[] x = Operands.doubles(a);
    if (integral) {
      long[] out = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = (long) round(x[i], d);
      }
      return ArrayValue.ofLongs(out);
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = round(x[i], d);
    }
    return ArrayValue.ofDoubles(out);
  }

  private static double round(double x, int decimals) {
    double f = powerOfTen(Math.abs(decimals));
    return decimals >= 0 ? Math.rint(x * f) / f : Math.rint(x / f) * f;
  }

  /** 10^n as numpy computes it (exact up to 10^22). */
  private static double powerOfTen(int n) {
    double r = 1;
    for (int i = 0; i < n; i++) {
      r *= 10;
    }
    return r;
  }

  private static Object extremum(Object a, Object b, boolean max) {
    if (!isArray(a) && !isArray(b)) {
      if (a instanceof Long && b instanceof Long) {
        return max ? Math.max((Long) a, (Long) b) : Math.min((Long) a, (Long) b);
      }
      double x = number(a, max ? "maximum" : "minimum");
      double y = number(b, max ? "maximum" : "minimum");
      return max ? Math.max(x, y) : Math.min(x, y);
    }
    ArrayValue x = Operands.toArray(a);
    ArrayValue y = Operands.toArray(b);
    requireNumeric(x, max ? "maximum" : "minimum");
    requireNumeric(y, max ? "maximum" : "minimum");
    int n = Operands.broadcastLength(x, y);
    x = Operands.expand(x, n);
    y = Operands.expand(y, n);
    if (Operands.isFloat(x.dtype()) || Operands.isFloat(y.dtype())) {
      double[] p = Operands.doubles(x);
      double[] q = Operands.doubles(y);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        // Math.max/min propagate NaN, like numpy's maximum/minimum
        out[i] = max ? Math.max(p[i], q[i]) : Math.min(p[i], q[i]);
      }
      return ArrayValue.ofDoubles(out);
    }
    long[] p = Operands.longs(x);
    long[] q = Operands.longs(y);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = max ? Math.max(p[i], q[i]) : Math.min(p[i], q[i]);
    }
    return ArrayValue.ofLongs(out);
  }

  private static Object isnan(Object v) {
    if (!isArray(v)) {
      return Double.isNaN(number(v, "isnan"));
    }
    ArrayValue a = Operands.toArray(v);
    requireNumeric(a, "isnan");
    boolean[] out = new boolean[a.length()];
    if (Operands.isFloat(a.dtype())) {
      double[] x = Operands.doubles(a);
      for (int i = 0; i < x.length; i++) {
        out[i] = Double.isNaN(x[i]);
      }
    }
    return ArrayValue.ofBooleans(out);
  }

  private static ArrayValue cumsum(ArrayValue a) {
    requireNumeric(a, "cumsum");
    if (Operands.isFloat(a.dtype())) {
      double[] x = Operands.doubles(a);
      double[] out = new double[x.length];
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        s += x[i];
        out[i] = s;
      }
      return ArrayValue.ofDoubles(out);
    }
    long[] x = Operands.longs(a);
    long[] out = new long[x.length];
    long s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i];
      out[i] = s;
    }
    return ArrayValue.ofLongs(out);
  }

  private static ArrayValue diff(ArrayValue a) {
    int n = Math.max(a.length() - 1, 0);
    if (a.dtype().kind() == Dtype.Kind.BOOL) {
      boolean[] x = Operands.booleans(a);
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = x[i + 1] != x[i];
      }
      return ArrayValue.ofBooleans(out);
    }
    requireNumeric(a, "diff");
    if (Operands.isFloat(a.dtype())) {
      double[] x = Operands.doubles(a);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = x[i + 1] - x[i];
      }
      return ArrayValue.ofDoubles(out);
    }
    long[] x = Operands.longs(a);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = x[i + 1] - x[i];
    }
    return ArrayValue.ofLongs(out);
  }

  private static Object unique(List<Object> args, Map<String, Object> kw) {
    ArrayValue a = Operands.toArray(arg(args, 0, "unique"));
    boolean index = flag(args, 1, kw, "return_index");
    boolean inverse = flag(args, 2, kw, "return_inverse");
    boolean counts = flag(args, 3, kw, "return_counts");
    Grouping g = Grouping.of(List.of(a), a.length());
    ArrayValue values = ArrayValue.of(a.dtype(), Columns.take(a.dtype(), a.data(), g.first));
    if (!index && !inverse && !counts) {
      return values;
    }
    List<Object> out = new ArrayList<>();
    out.add(values);
    if (index) {
      long[] first = new long[g.groups];
      for (int k = 0; k < g.groups; k++) {
        first[k] = g.first[k];
      }
      out.add(ArrayValue.ofLongs(first));
    }
    if (inverse) {
      long[] bins = new long[g.rows];
      for (int i = 0; i < g.rows; i++) {
        bins[i] = g.bins[i];
      }
      out.add(ArrayValue.ofLongs(bins));
    }
    if (counts) {
      out.add(ArrayValue.ofLongs(g.counts.clone()));
    }
    return out;
  }

  private static boolean flag(List<Object> args, int position, Map<String, Object> kw, String name) {
    Object v = args.size() > position ? args.get(position) : kw.getOrDefault(name, false);
    return ScalarOps.truth(v);
  }

  private static Object caseMapping(Object v, boolean upper) {
    if (v instanceof String) {
      return upper ? ((String) v).toUpperCase(Locale.ROOT) : ((String) v).toLowerCase(Locale.ROOT);
    }
    ArrayValue a = Operands.toArray(v);
    if (!Operands.isString(a.dtype())) {
      throw new ExpressionException("TypeError: string operation on non-string array of " + a.dtype().name());
    }
    String[] x = (String[]) a.data();
    String[] out = new String[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] == null ? null : upper ? x[i].toUpperCase(Locale.ROOT) : x[i].toLowerCase(Locale.ROOT);
    }
    return ArrayValue.ofStrings(out);
  }

  private static Object datetime64(List<Object> args, Map<String, Object> kw) {
    Object v = arg(args, 0, "datetime64");
    Object unitArg = args.size() > 1 ? args.get(1) : kw.get("unit");
    if (unitArg != null && !(unitArg instanceof String)) {
      throw new ExpressionException("TypeError: the datetime unit must be a string");
    }
    String unit = (String) unitArg;
    if (v instanceof Long) {
      if (unit == null) {
        throw new ExpressionException("ValueError: Converting an integer to a NumPy datetime requires a unit");
      }
      DatetimeUnits.rank(unit);
      return new DatetimeValue((Long) v, unit);
    }
    if (!(v instanceof String)) {
      throw new ExpressionException("TypeError: Could not convert object to NumPy datetime: " + Operands.typeName(v));
    }
    if (unit == null) {
      int rank = DatetimeUnits.rank(DatetimeUnits.unitOf((String) v));
      unit = rank <= DatetimeUnits.rank("D") ? "D" : "s";
    }
    DatetimeUnits.rank(unit);
    return new DatetimeValue(DatetimeUnits.parse((String) v, unit), unit);
  }
}
