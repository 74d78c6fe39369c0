package io.lakota.query;

import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.internal.PythonFloats;
import java.util.Objects;

/**
 * A one-dimensional array in an expression: a frame column or a computed array, held as the primitive array of its
 * dtype's storage ({@link Dtype#storage()}: {@code long[]} for datetimes and 64-bit integers, {@code double[]},
 * {@code boolean[]}, {@code String[]}, {@code Object[]}…).
 *
 * <p>Immutable by convention: the array is shared, not copied, and must not be modified by anyone.
 */
public final class ArrayValue {
  private final Dtype dtype;
  private final Object data;

  private ArrayValue(Dtype dtype, Object data) {
    this.dtype = dtype;
    this.data = data;
  }

  /**
   * An array of {@code dtype} over {@code data}, which must be of the dtype's storage type.
   *
   * @throws ExpressionException when the array type does not match the dtype
   */
  public static ArrayValue of(Dtype dtype, Object data) {
    Objects.requireNonNull(dtype, "dtype");
    if (data == null || !Columns.isStorageOf(dtype, data)) {
      throw new ExpressionException("Cannot use a " + (data == null ? "null" : data.getClass().getSimpleName())
          + " as an array of " + dtype.name());
    }
    return new ArrayValue(dtype, data);
  }

  /** An {@code int64} array. */
  public static ArrayValue ofLongs(long... values) {
    return new ArrayValue(Dtype.INT64, values);
  }

  /** A {@code float64} array. */
  public static ArrayValue ofDoubles(double... values) {
    return new ArrayValue(Dtype.FLOAT64, values);
  }

  /** A {@code bool} array. */
  public static ArrayValue ofBooleans(boolean... values) {
    return new ArrayValue(Dtype.BOOL, values);
  }

  /** A variable-length string ({@code <U0}) array. */
  public static ArrayValue ofStrings(String... values) {
    return new ArrayValue(Dtype.STR, values);
  }

  /** An {@code object} array. */
  public static ArrayValue ofObjects(Object... values) {
    return new ArrayValue(Dtype.OBJECT, values);
  }

  /** A {@code datetime64[unit]} array of counts of {@code unit} since 1970-01-01. */
  public static ArrayValue ofDatetimes(String unit, long... values) {
    return new ArrayValue(Dtype.datetime(unit), values);
  }

  public Dtype dtype() {
    return dtype;
  }

  /** The primitive array (shared: do not modify). */
  public Object data() {
    return data;
  }

  public int length() {
    return Columns.length(data);
  }

  /** True for {@code datetime64[*]} arrays. */
  public boolean isDatetime() {
    return dtype.kind() == Dtype.Kind.DATETIME;
  }

  /** Element {@code i}, boxed: {@code Long}, {@code Double}, {@code Boolean}, {@code String}, a
   * {@link DatetimeValue} for datetimes… (for tests and messages, not for scans). */
  public Object get(int i) {
    if (isDatetime()) {
      return new DatetimeValue(((long[]) data)[i], dtype.unit());
    }
    return Columns.get(data, i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrayValue && ((ArrayValue) o).dtype.equals(dtype) && Columns.equal(((ArrayValue) o).data, data);
  }

  @Override
  public int hashCode() {
    return dtype.hashCode() * 31 + length();
  }

  /** numpy-like text: {@code [1, 2, 3]}, {@code [2020-01-01T00:00:00]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    int n = length();
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? ", " : "");
      if (isDatetime()) {
        sb.append(Datetimes.format(((long[]) data)[i], dtype.unit()));
      } else if (data instanceof double[]) {
        sb.append(PythonFloats.repr(((double[]) data)[i]));
      } else {
        sb.append(Columns.get(data, i));
      }
    }
    return sb.append(']').toString();
  }
}
