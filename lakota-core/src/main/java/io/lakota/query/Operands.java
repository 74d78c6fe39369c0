package io.lakota.query;

import io.lakota.format.Dtype;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Conversions between the values an expression handles: normalization of values coming from outside (primitive
 * arrays become {@link ArrayValue}s, {@code Integer} becomes {@code Long}…), numpy's {@code asarray}, broadcasting of
 * scalars and one-element arrays, and widening of numeric arrays with primitive loops.
 */
final class Operands {
  private Operands() {}

  /** The expression form of a value given by an environment or returned by a function. */
  static Object normalize(Object v) {
    if (v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean
        || v instanceof ArrayValue) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    if (v instanceof long[]) {
      return ArrayValue.ofLongs((long[]) v);
    }
    if (v instanceof double[]) {
      return ArrayValue.ofDoubles((double[]) v);
    }
    if (v instanceof boolean[]) {
      return ArrayValue.ofBooleans((boolean[]) v);
    }
    if (v instanceof String[]) {
      return ArrayValue.ofStrings((String[]) v);
    }
    if (v instanceof int[]) {
      return ArrayValue.of(Dtype.INT32, v);
    }
    if (v instanceof float[]) {
      return ArrayValue.of(Dtype.FLOAT32, v);
    }
    if (v instanceof Object[]) {
      return new ArrayList<>(Arrays.asList((Object[]) v));
    }
    if (v instanceof Collection && !(v instanceof List)) {
      return new ArrayList<>((Collection<?>) v);
    }
    return v;
  }

  /** True for numbers and booleans (which count as 1 and 0). */
  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof Boolean;
  }

  /** Python's type name of a value, for messages. */
  static String typeName(Object v) {
    if (v == null) {
      return "NoneType";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof String) {
      return "str";
    }
    if (v instanceof List) {
      return "list";
    }
    if (v instanceof Map) {
      return "dict";
    }
    if (v instanceof ArrayValue) {
      return "array of " + ((ArrayValue) v).dtype().name();
    }
    if (v instanceof DatetimeValue) {
      return "datetime64";
    }
    if (v instanceof ExpressionFunction) {
      return "function";
    }
    return v.getClass().getSimpleName();
  }

  /** An array from an array, a list ({@link #asarray}) or a scalar (a one-element array). */
  static ArrayValue toArray(Object v) {
    if (v instanceof ArrayValue) {
      return (ArrayValue) v;
    }
    if (v instanceof List) {
      return asarray((List<?>) v);
    }
    return scalar(v);
  }

  /** A one-element array holding the scalar {@code v}. */
  static ArrayValue scalar(Object v) {
    if (v instanceof Long) {
      return ArrayValue.ofLongs((Long) v);
    }
    if (v instanceof Double) {
      return ArrayValue.ofDoubles((Double) v);
    }
    if (v instanceof Boolean) {
      return ArrayValue.ofBooleans((Boolean) v);
    }
    if (v instanceof String) {
      return ArrayValue.ofStrings((String) v);
    }
    if (v instanceof DatetimeValue) {
      DatetimeValue d = (DatetimeValue) v;
      return ArrayValue.ofDatetimes(d.unit(), d.value());
    }
    return ArrayValue.ofObjects(v);
  }

  /**
   * numpy's {@code asarray} of a list: booleans give {@code bool}, integers (and booleans mixed with them)
   * {@code int64}, numbers with a float {@code float64}, strings {@code <U0}, datetimes of one unit that
   * {@code datetime64}; anything else (nulls, lists, maps, mixtures) an {@code object} array.
   */
  static ArrayValue asarray(List<?> list) {
    int n = list.size();
    boolean allBool = true;
    boolean allInt = true;
    boolean allNumber = true;
    boolean allString = true;
    String unit = null;
    boolean allDatetime = true;
    for (Object o : list) {
      Object v = normalize(o);
      allBool &= v instanceof Boolean;
      allInt &= v instanceof Long || v instanceof Boolean;
      allNumber &= isNumber(v);
      allString &= v instanceof String;
      if (v instanceof DatetimeValue && (unit == null || unit.equals(((DatetimeValue) v).unit()))) {
        unit = ((DatetimeValue) v).unit();
      } else {
        allDatetime = false;
      }
    }
    if (n > 0 && allBool) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = (Boolean) list.get(i);
      }
      return ArrayValue.ofBooleans(out);
    }
    if (n == 0 || allInt) {
      // numpy gives float64 for an empty list
      if (n == 0) {
        return ArrayValue.ofDoubles();
      }
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = asLong(normalize(list.get(i)));
      }
      return ArrayValue.ofLongs(out);
    }
    if (allNumber) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = asDouble(normalize(list.get(i)));
      }
      return ArrayValue.ofDoubles(out);
    }
    if (allString) {
      return ArrayValue.ofStrings(list.toArray(new String[0]));
    }
    if (allDatetime) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = ((DatetimeValue) list.get(i)).value();
      }
      return ArrayValue.ofDatetimes(unit, out);
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = normalize(list.get(i));
    }
    return ArrayValue.ofObjects(out);
  }

  /** A scalar number (or boolean) as a long. */
  static long asLong(Object v) {
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1 : 0;
    }
    return ((Number) v).longValue();
  }

  /** A scalar number (or boolean) as a double. */
  static double asDouble(Object v) {
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1 : 0;
    }
    return ((Number) v).doubleValue();
  }

  /** True for arrays whose elements are numbers or booleans. */
  static boolean isNumeric(Dtype d) {
    switch (d.kind()) {
      case INT:
      case UINT:
      case FLOAT:
      case BOOL:
        return true;
      default:
        return false;
    }
  }

  /** True for float arrays. */
  static boolean isFloat(Dtype d) {
    return d.kind() == Dtype.Kind.FLOAT;
  }

  /** True for string arrays (variable or fixed width). */
  static boolean isString(Dtype d) {
    return d.kind() == Dtype.Kind.STRING || d.kind() == Dtype.Kind.FIXED_STRING;
  }

  /** The elements of a numeric array widened to longs (booleans as 0/1, floats truncated). */
  static long[] longs(ArrayValue a) {
    Object d = a.data();
    if (d instanceof long[]) {
      return (long[]) d;
    }
    int n = a.length();
    long[] out = new long[n];
    boolean unsigned = a.dtype().kind() == Dtype.Kind.UINT;
    if (d instanceof boolean[]) {
      boolean[] b = (boolean[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = b[i] ? 1 : 0;
      }
    } else if (d instanceof int[]) {
      int[] b = (int[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = unsigned ? Integer.toUnsignedLong(b[i]) : b[i];
      }
    } else if (d instanceof short[]) {
      short[] b = (short[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = unsigned ? b[i] & 0xffff : b[i];
      }
    } else if (d instanceof byte[]) {
      byte[] b = (byte[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = unsigned ? b[i] & 0xff : b[i];
      }
    } else if (d instanceof double[]) {
      double[] b = (double[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = (long) b[i];
      }
    } else if (d instanceof float[]) {
      float[] b = (float[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = (long) b[i];
      }
    } else {
      throw unsupported(a);
    }
    return out;
  }

  /** The elements of a numeric array as doubles. */
  static double[] doubles(ArrayValue a) {
    Object d = a.data();
    if (d instanceof double[]) {
      return (double[]) d;
    }
    int n = a.length();
    double[] out = new double[n];
    if (d instanceof float[]) {
      float[] b = (float[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = b[i];
      }
      return out;
    }
    if (d instanceof long[] && a.dtype().kind() == Dtype.Kind.UINT) {
      long[] b = (long[]) d;
      for (int i = 0; i < n; i++) {
        out[i] = b[i] >= 0 ? b[i] : (double) (b[i] >>> 1) * 2.0;
      }
      return out;
    }
    if (!isNumeric(a.dtype())) {
      throw unsupported(a);
    }
    long[] l = longs(a);
    for (int i = 0; i < n; i++) {
      out[i] = l[i];
    }
    return out;
  }

  /** The elements of a boolean array. */
  static boolean[] booleans(ArrayValue a) {
    if (a.data() instanceof boolean[]) {
      return (boolean[]) a.data();
    }
    throw unsupported(a);
  }

  private static ExpressionException unsupported(ArrayValue a) {
    return new ExpressionException("Unsupported array type: " + a.dtype().name());
  }

  /**
   * The common length of operands under numpy broadcasting of one-dimensional arrays: equal lengths, or one of them
   * of length 1.
   */
  static int broadcastLength(ArrayValue a, ArrayValue b) {
    return broadcastLength(a.length(), b.length());
  }

  /** The common length of two operand lengths under broadcasting. */
  static int broadcastLength(int x, int y) {
    if (x == y || y == 1) {
      return x;
    }
    if (x == 1) {
      return y;
    }
    throw new ExpressionException(
        "operands could not be broadcast together with shapes (" + x + ",) (" + y + ",)");
  }

  /** {@code a} repeated to length {@code n} when it has one element; else {@code a} itself. */
  static ArrayValue expand(ArrayValue a, int n) {
    if (a.length() == n) {
      return a;
    }
    Object d = a.data();
    Object out;
    if (d instanceof long[]) {
      long[] o = new long[n];
      Arrays.fill(o, ((long[]) d)[0]);
      out = o;
    } else if (d instanceof double[]) {
      double[] o = new double[n];
      Arrays.fill(o, ((double[]) d)[0]);
      out = o;
    } else if (d instanceof boolean[]) {
      boolean[] o = new boolean[n];
      Arrays.fill(o, ((boolean[]) d)[0]);
      out = o;
    } else if (d instanceof Object[]) {
      Object[] o = (Object[]) java.lang.reflect.Array.newInstance(d.getClass().getComponentType(), n);
      Arrays.fill(o, ((Object[]) d)[0]);
      out = o;
    } else {
      // narrow integer and float32 arrays: widen first, that is what arithmetic does anyway
      return expand(isFloat(a.dtype()) ? ArrayValue.ofDoubles(doubles(a)) : ArrayValue.ofLongs(longs(a)), n);
    }
    return ArrayValue.of(a.dtype(), out);
  }

  /** A Python {@code datetime}/{@code date} (as {@code java.time}) of a datetime value, as numpy's {@code tolist}. */
  static Object pythonDatetime(long value, String unit) {
    if (value == io.lakota.format.Datetimes.NAT) {
      return null;
    }
    LocalDateTime t = io.lakota.format.Datetimes.toLocalDateTime(value, unit);
    switch (unit) {
      case "Y":
      case "M":
      case "W":
      case "D":
        return LocalDate.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
      case "ns":
        // numpy cannot represent nanoseconds as a Python datetime and gives the integer
        return value;
      default:
        return t;
    }
  }
}
