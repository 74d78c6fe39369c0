package io.lakota.format;

import io.lakota.errors.ValidationException;
import io.lakota.format.internal.PythonFloats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The dtype of a Java column array (for {@link Schema#fromColumns}) and the text form of single values (for
 * {@link Schema#serialize}). Stateless.
 */
final class SchemaInference {
  private SchemaInference() {}

  /**
   * {@code long[]} → {@code int64}, {@code int[]} → {@code int32}, {@code short[]} → {@code int16}, {@code byte[]}
   * → {@code int8}, {@code double[]} → {@code float64}, {@code float[]} → {@code float32}, {@code boolean[]} →
   * {@code bool}, {@code String[]} → {@code <UW} with W the longest string in code points (at least 1, as numpy
   * infers), {@code Instant[]} and {@code LocalDateTime[]} → {@code datetime64[s]}, {@code LocalDate[]} →
   * {@code datetime64[D]}, any other {@code Object[]} → {@code object}.
   */
  static Dtype dtypeOf(String name, Object array) {
    if (array instanceof long[]) {
      return Dtype.INT64;
    } else if (array instanceof int[]) {
      return Dtype.INT32;
    } else if (array instanceof short[]) {
      return Dtype.INT16;
    } else if (array instanceof byte[]) {
      return Dtype.INT8;
    } else if (array instanceof double[]) {
      return Dtype.FLOAT64;
    } else if (array instanceof float[]) {
      return Dtype.FLOAT32;
    } else if (array instanceof boolean[]) {
      return Dtype.BOOL;
    } else if (array instanceof String[]) {
      int width = 1;
      for (String s : (String[]) array) {
        width = Math.max(width, s == null ? 4 : s.codePointCount(0, s.length()));
      }
      return Dtype.fixedString(width);
    } else if (array instanceof Instant[] || array instanceof LocalDateTime[]) {
      return Dtype.TIMESTAMP;
    } else if (array instanceof LocalDate[]) {
      return Dtype.DATE;
    } else if (array instanceof Object[]) {
      return Dtype.OBJECT;
    }
    throw new ValidationException("Cannot infer the dtype of column \"" + name + "\": "
        + (array == null ? "null" : array.getClass().getSimpleName()) + " is not a column array");
  }

  /** The text of one value of a column, cast first ({@link Casts#value}). */
  static String text(ColumnDefinition def, Object value) {
    Object v = Casts.value(def, value);
    Dtype dt = def.dtype();
    switch (dt.kind()) {
      case DATETIME:
        return Datetimes.format((Long) v, dt.unit()).replace('T', ' ');
      case FLOAT:
        return PythonFloats.repr(((Number) v).doubleValue());
      case BOOL:
        return ((Boolean) v) ? "True" : "False";
      default:
        return String.valueOf(v);
    }
  }

  /**
   * The value of one text of a column: {@link Casts#value}, except that boolean columns read back the
   * {@code True}/{@code False} that {@link #text} writes (a plain cast makes every non-empty string true).
   */
  static Object parse(ColumnDefinition def, String text) {
    if (def.dtype().kind() == Dtype.Kind.BOOL && text != null) {
      String t = text.strip();
      if (t.equalsIgnoreCase("false") || t.equals("0")) {
        return false;
      }
    }
    return Casts.value(def, text);
  }
}
