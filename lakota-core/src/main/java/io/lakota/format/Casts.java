package io.lakota.format;

import io.lakota.errors.ValidationException;
import io.lakota.format.internal.PythonFloats;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Conversion of caller-given values to a column's dtype (SEMANTICS.md §3.4) and the zero values of §3.5.
 *
 * <p>Arrays already of the column's storage type ({@link Dtype#storage()}) are used as they are, not copied: the
 * caller hands them over. Other primitive arrays are converted with a primitive loop; boxed arrays and collections
 * element by element: strings with Python's {@code int()} / {@code float()} syntax and the ISO-like datetime
 * syntax of {@link Datetimes#parse}, {@code java.time} values to datetimes, numbers between numeric types (floats
 * to integers truncate toward zero), anything to text for string columns. Every failure is a
 * {@link ValidationException} naming the column, its dtype and the value. Stateless and thread-safe.
 */
public final class Casts {
  private static final String DIGITS = "\\d(?:_?\\d)*";
  private static final Pattern INTEGER = Pattern.compile("[+-]?" + DIGITS);
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?");
  private static final Pattern INFINITY = Pattern.compile("[+-]?(?:inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);

  private Casts() {}

  /**
   * The values as an array of the column's storage type.
   *
   * @param values an array (primitive or boxed) or a {@link Collection}
   * @throws ValidationException {@code Cannot cast column "<name>" (<dtype>): <reason>}
   */
  public static Object toColumn(ColumnDefinition def, Object values) {
    Dtype dt = def.dtype();
    if (values == null) {
      throw failure(def, "no values (null)");
    }
    if (Columns.isStorageOf(dt, values)) {
      return values;
    }
    Object fast = primitive(dt, values);
    if (fast != null) {
      return fast;
    }
    Object[] boxed;
    if (values instanceof Collection) {
      boxed = ((Collection<?>) values).toArray();
    } else if (values.getClass().isArray()) {
      int n = Array.getLength(values);
      boxed = new Object[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = Array.get(values, i);
      }
    } else {
      throw failure(def, values.getClass().getSimpleName() + " is not an array or a collection");
    }
    Object out = Columns.allocate(dt, boxed.length);
    for (int i = 0; i < boxed.length; i++) {
      Array.set(out, i, value(def, boxed[i]));
    }
    return out;
  }

  /** Widening and narrowing of primitive numeric arrays without boxing; null when no fast path applies. */
  private static Object primitive(Dtype dt, Object values) {
    boolean datetime = dt.kind() == Dtype.Kind.DATETIME;
    switch (dt.storage()) {
      case LONG:
        if (values instanceof int[]) {
          int[] a = (int[]) values;
          long[] o = new long[a.length];
          for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
          }
          return o;
        }
        if (values instanceof double[] && !datetime) {
          double[] a = (double[]) values;
          long[] o = new long[a.length];
          for (int i = 0; i < a.length; i++) {
            o[i] = (long) a[i];
          }
          return o;
        }
        return null;
      case DOUBLE:
        if (values instanceof long[]) {
          long[] a = (long[]) values;
          double[] o = new double[a.length];
          for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
          }
          return o;
        }
        if (values instanceof int[]) {
          int[] a = (int[]) values;
          double[] o = new double[a.length];
          for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
          }
          return o;
        }
        if (values instanceof float[]) {
          float[] a = (float[]) values;
          double[] o = new double[a.length];
          for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
          }
          return o;
        }
        return null;
      case INT:
        if (values instanceof long[]) {
          long[] a = (long[]) values;
          int[] o = new int[a.length];
          for (int i = 0; i < a.length; i++) {
            o[i] = (int) a[i];
          }
          return o;
        }
        return null;
      default:
        return null;
    }
  }

  /**
   * One value cast to the boxed type of the column's storage ({@code Long} for datetimes and int64, {@code Double}
   * for float64, {@code String} for strings, …); used for single values and read/write bounds.
   *
   * @throws ValidationException {@code Cannot cast column "<name>" (<dtype>): <reason>}, where the reason is the
   *     reference's message for strings ({@code could not convert string to float: 'x'}, {@code invalid literal
   *     for int() with base 10: 'x'}, {@code Error parsing datetime string "x"})
   */
  public static Object value(ColumnDefinition def, Object v) {
    Dtype dt = def.dtype();
    try {
      switch (dt.storage()) {
        case LONG:
          return dt.kind() == Dtype.Kind.DATETIME ? datetime(def, v) : integer(def, v);
        case INT:
          return (int) (long) integer(def, v);
        case SHORT:
          return (short) (long) integer(def, v);
        case BYTE:
          return (byte) (long) integer(def, v);
        case DOUBLE:
          return floating(def, v);
        case FLOAT:
          return (float) (double) floating(def, v);
        case BOOLEAN:
          return bool(v);
        case STRING:
          return text(dt, v);
        default:
          return v;
      }
    } catch (ValidationException e) {
      if (e.getMessage().startsWith("Cannot cast column ")) {
        throw e;
      }
      throw failure(def, e.getMessage(), e);
    } catch (ClassCastException e) {
      throw failure(def, "unsupported value " + v + " of type " + v.getClass().getSimpleName(), e);
    }
  }

  /** The zero value of a column (SEMANTICS.md §3.5): {@code ""} for {@code str}, else the cast of {@code 0}. */
  public static Object zero(ColumnDefinition def) {
    if (def.dtype().kind() == Dtype.Kind.STRING) {
      return "";
    }
    if (def.dtype().kind() == Dtype.Kind.OBJECT) {
      return 0L;
    }
    return value(def, 0L);
  }

  /** A column array of {@code n} copies of {@code v} cast to the column's dtype. */
  public static Object filled(ColumnDefinition def, Object v, int n) {
    Object one = value(def, v);
    Object out = Columns.allocate(def.dtype(), n);
    if (out instanceof long[]) {
      java.util.Arrays.fill((long[]) out, (Long) one);
    } else if (out instanceof double[]) {
      java.util.Arrays.fill((double[]) out, (Double) one);
    } else {
      for (int i = 0; i < n; i++) {
        Array.set(out, i, one);
      }
    }
    return out;
  }

  private static ValidationException failure(ColumnDefinition def, String reason) {
    return failure(def, reason, null);
  }

  private static ValidationException failure(ColumnDefinition def, String reason, Throwable cause) {
    return new ValidationException(
        "Cannot cast column \"" + def.name() + "\" (" + def.dtype().name() + "): " + reason, cause);
  }

  private static Long datetime(ColumnDefinition def, Object v) {
    String unit = def.dtype().unit();
    if (v == null) {
      return Datetimes.NAT;
    }
    if (v instanceof String) {
      return Datetimes.parse((String) v, unit);
    }
    if (v instanceof LocalDateTime) {
      return Datetimes.fromLocalDateTime((LocalDateTime) v, unit);
    }
    if (v instanceof LocalDate) {
      return Datetimes.fromLocalDate((LocalDate) v, unit);
    }
    if (v instanceof Instant) {
      return Datetimes.fromInstant((Instant) v, unit);
    }
    if (v instanceof OffsetDateTime) {
      return Datetimes.fromInstant(((OffsetDateTime) v).toInstant(), unit);
    }
    if (v instanceof ZonedDateTime) {
      return Datetimes.fromInstant(((ZonedDateTime) v).toInstant(), unit);
    }
    if (v instanceof Boolean) {
      throw failure(def, "unsupported value " + v + " of type Boolean");
    }
    return ((Number) v).longValue();
  }

  private static Long integer(ColumnDefinition def, Object v) {
    if (v == null) {
      throw failure(def, "value is null");
    }
    if (v instanceof String) {
      String s = ((String) v).strip();
      if (!INTEGER.matcher(s).matches()) {
        throw new ValidationException("invalid literal for int() with base 10: '" + v + "'");
      }
      try {
        return new BigInteger(s.replace("_", "")).longValueExact();
      } catch (ArithmeticException e) {
        throw failure(def, "'" + v + "' is out of the int64 range", e);
      }
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1L : 0L;
    }
    return ((Number) v).longValue();
  }

  private static Double floating(ColumnDefinition def, Object v) {
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof String) {
      String s = ((String) v).strip();
      if (INFINITY.matcher(s).matches()) {
        return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (NAN.matcher(s).matches()) {
        return Double.NaN;
      }
      if (!FLOAT.matcher(s).matches()) {
        throw new ValidationException("could not convert string to float: '" + v + "'");
      }
      return Double.parseDouble(s.replace("_", ""));
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1.0 : 0.0;
    }
    return ((Number) v).doubleValue();
  }

  private static Boolean bool(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    return ((Number) v).doubleValue() != 0;
  }

  private static String text(Dtype dt, Object v) {
    String s;
    if (v instanceof String) {
      s = (String) v;
    } else if (v == null) {
      s = "None";
    } else if (v instanceof Double || v instanceof Float) {
      s = PythonFloats.repr(((Number) v).doubleValue());
    } else if (v instanceof Boolean) {
      s = ((Boolean) v) ? "True" : "False";
    } else {
      s = String.valueOf(v);
    }
    if (dt.kind() == Dtype.Kind.FIXED_STRING && s.codePointCount(0, s.length()) > dt.width()) {
      s = s.substring(0, s.offsetByCodePoints(0, dt.width()));
    }
    return s;
  }
}
