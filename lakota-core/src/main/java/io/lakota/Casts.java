package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;

/**
 * Conversion of caller-given column values to a column's storage array (SEMANTICS.md §3.4): arrays already of the
 * storage type are used as they are; other primitive arrays, boxed arrays and collections are converted element by
 * element (strings and {@code java.time} values to datetimes, numbers between numeric types).
 */
final class Casts {
  private Casts() {}

  static Object toColumn(ColumnDefinition def, Object values) {
    Dtype dt = def.dtype();
    if (values == null) {
      throw new ValidationException("Cannot use column \"" + def.name() + "\": no values");
    }
    if (Columns.isStorageOf(dt, values)) {
      return values;
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
      throw new ValidationException("Cannot use column \"" + def.name() + "\": " + values.getClass().getSimpleName()
          + " is not an array or a collection");
    }
    Object out = Columns.allocate(dt, boxed.length);
    for (int i = 0; i < boxed.length; i++) {
      Array.set(out, i, value(def, boxed[i]));
    }
    return out;
  }

  /** One value cast to the boxed type of the column's storage ({@code Long} for datetimes and int64, …). */
  static Object value(ColumnDefinition def, Object v) {
    Dtype dt = def.dtype();
    try {
      switch (dt.storage()) {
        case LONG:
          if (dt.kind() == Dtype.Kind.DATETIME) {
            return datetime(dt, v);
          }
          return integer(v);
        case INT:
          return (int) (long) integer(v);
        case SHORT:
          return (short) (long) integer(v);
        case BYTE:
          return (byte) (long) integer(v);
        case DOUBLE:
          return floating(v);
        case FLOAT:
          return (float) (double) floating(v);
        case BOOLEAN:
          if (v instanceof Boolean) {
            return v;
          }
          if (v instanceof String) {
            return !((String) v).isEmpty();
          }
          return ((Number) v).doubleValue() != 0;
        case STRING:
          String s = v instanceof String ? (String) v : v == null ? "None" : String.valueOf(v);
          if (dt.kind() == Dtype.Kind.FIXED_STRING && s.codePointCount(0, s.length()) > dt.width()) {
            s = s.substring(0, s.offsetByCodePoints(0, dt.width()));
          }
          return s;
        default:
          return v;
      }
    } catch (ClassCastException | NullPointerException e) {
      throw new ValidationException("Cannot cast value " + v + " of column \"" + def.name() + "\" to " + dt.name(), e);
    }
  }

  private static Long datetime(Dtype dt, Object v) {
    if (v instanceof String) {
      return Datetimes.parse((String) v, dt.unit());
    }
    if (v instanceof LocalDateTime) {
      return Datetimes.fromLocalDateTime((LocalDateTime) v, dt.unit());
    }
    if (v instanceof LocalDate) {
      return Datetimes.fromLocalDate((LocalDate) v, dt.unit());
    }
    if (v instanceof Instant) {
      return Datetimes.fromInstant((Instant) v, dt.unit());
    }
    return ((Number) v).longValue();
  }

  private static Long integer(Object v) {
    if (v instanceof String) {
      String s = ((String) v).strip().replace("_", "");
      try {
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      } catch (NumberFormatException e) {
        throw new ValidationException("invalid literal for int() with base 10: '" + v + "'", e);
      }
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1L : 0L;
    }
    return ((Number) v).longValue();
  }

  private static Double floating(Object v) {
    if (v instanceof String) {
      String s = ((String) v).strip().replace("_", "");
      String l = s.toLowerCase(java.util.Locale.ROOT);
      if (l.matches("[+-]?(inf|infinity)")) {
        return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (l.matches("[+-]?nan")) {
        return Double.NaN;
      }
      try {
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
          throw new NumberFormatException(s);
        }
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new ValidationException("could not convert string to float: '" + v + "'", e);
      }
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1.0 : 0.0;
    }
    return ((Number) v).doubleValue();
  }
}
