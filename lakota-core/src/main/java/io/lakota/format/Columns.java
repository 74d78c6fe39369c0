package io.lakota.format;

import io.lakota.errors.ValidationException;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Operations on column arrays, the primitive arrays that hold a frame's columns ({@link Dtype#storage()}): length,
 * slicing, concatenation, element comparison and boxing of single elements (for index tuples and bounds, never for
 * scans).
 */
public final class Columns {
  private Columns() {}

  /** A new empty array of the dtype's storage type. */
  public static Object empty(Dtype dtype) {
    return allocate(dtype, 0);
  }

  /** A new zero-filled array of the dtype's storage type ({@code null} elements for strings and objects). */
  public static Object allocate(Dtype dtype, int n) {
    switch (dtype.storage()) {
      case LONG:
        return new long[n];
      case INT:
        return new int[n];
      case SHORT:
        return new short[n];
      case BYTE:
        return new byte[n];
      case DOUBLE:
        return new double[n];
      case FLOAT:
        return new float[n];
      case BOOLEAN:
        return new boolean[n];
      case STRING:
        return new String[n];
      default:
        return new Object[n];
    }
  }

  /** True if {@code array} is of the storage type of {@code dtype}. */
  public static boolean isStorageOf(Dtype dtype, Object array) {
    switch (dtype.storage()) {
      case LONG:
        return array instanceof long[];
      case INT:
        return array instanceof int[];
      case SHORT:
        return array instanceof short[];
      case BYTE:
        return array instanceof byte[];
      case DOUBLE:
        return array instanceof double[];
      case FLOAT:
        return array instanceof float[];
      case BOOLEAN:
        return array instanceof boolean[];
      case STRING:
        return array instanceof String[];
      default:
        return array instanceof Object[] && !(array instanceof String[]);
    }
  }

  /** The number of elements of a column array. */
  public static int length(Object array) {
    return Array.getLength(array);
  }

  /** A copy of {@code array[from, to)}; bounds are clamped to the array. */
  public static Object slice(Object array, int from, int to) {
    int n = length(array);
    int a = Math.max(0, Math.min(from, n));
    int b = Math.max(a, Math.min(to, n));
    if (a == 0 && b == n) {
      return array;
    }
    if (array instanceof long[]) {
      return Arrays.copyOfRange((long[]) array, a, b);
    } else if (array instanceof double[]) {
      return Arrays.copyOfRange((double[]) array, a, b);
    } else if (array instanceof int[]) {
      return Arrays.copyOfRange((int[]) array, a, b);
    } else if (array instanceof short[]) {
      return Arrays.copyOfRange((short[]) array, a, b);
    } else if (array instanceof byte[]) {
      return Arrays.copyOfRange((byte[]) array, a, b);
    } else if (array instanceof float[]) {
      return Arrays.copyOfRange((float[]) array, a, b);
    } else if (array instanceof boolean[]) {
      return Arrays.copyOfRange((boolean[]) array, a, b);
    } else {
      return Arrays.copyOfRange((Object[]) array, a, b);
    }
  }

  /** The elements at {@code positions}, in that order. */
  public static Object take(Dtype dtype, Object array, int[] positions) {
    Object out = allocate(dtype, positions.length);
    if (array instanceof long[]) {
      long[] a = (long[]) array;
      long[] o = (long[]) out;
      for (int i = 0; i < positions.length; i++) {
        o[i] = a[positions[i]];
      }
    } else if (array instanceof double[]) {
      double[] a = (double[]) array;
      double[] o = (double[]) out;
      for (int i = 0; i < positions.length; i++) {
        o[i] = a[positions[i]];
      }
    } else if (array instanceof Object[]) {
      Object[] a = (Object[]) array;
      Object[] o = (Object[]) out;
      for (int i = 0; i < positions.length; i++) {
        o[i] = a[positions[i]];
      }
    } else if (array instanceof int[]) {
      int[] a = (int[]) array;
      int[] o = (int[]) out;
      for (int i = 0; i < positions.length; i++) {
        o[i] = a[positions[i]];
      }
    } else {
      for (int i = 0; i < positions.length; i++) {
        Array.set(out, i, Array.get(array, positions[i]));
      }
    }
    return out;
  }

  /** The concatenation of arrays of one storage type. */
  public static Object concat(Dtype dtype, List<Object> arrays) {
    if (arrays.size() == 1) {
      return arrays.get(0);
    }
    long total = 0;
    for (Object a : arrays) {
      total += length(a);
    }
    ValidationException.check(total <= Integer.MAX_VALUE - 8, "Cannot concatenate: %d rows exceed a column", total);
    Object out = allocate(dtype, (int) total);
    int pos = 0;
    for (Object a : arrays) {
      int n = length(a);
      System.arraycopy(a, 0, out, pos, n);
      pos += n;
    }
    return out;
  }

  /** Element {@code i} boxed: {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code Double}, … */
  public static Object get(Object array, int i) {
    return Array.get(array, i);
  }

  /** Element-wise equality of two arrays of the same storage type (doubles compared by bits, so NaN equals NaN). */
  public static boolean equal(Object a, Object b) {
    if (a instanceof long[] && b instanceof long[]) {
      return Arrays.equals((long[]) a, (long[]) b);
    } else if (a instanceof double[] && b instanceof double[]) {
      return Arrays.equals((double[]) a, (double[]) b);
    } else if (a instanceof int[] && b instanceof int[]) {
      return Arrays.equals((int[]) a, (int[]) b);
    } else if (a instanceof short[] && b instanceof short[]) {
      return Arrays.equals((short[]) a, (short[]) b);
    } else if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.equals((byte[]) a, (byte[]) b);
    } else if (a instanceof float[] && b instanceof float[]) {
      return Arrays.equals((float[]) a, (float[]) b);
    } else if (a instanceof boolean[] && b instanceof boolean[]) {
      return Arrays.equals((boolean[]) a, (boolean[]) b);
    } else if (a instanceof Object[] && b instanceof Object[]) {
      return Arrays.deepEquals((Object[]) a, (Object[]) b);
    }
    return false;
  }

  /**
   * Compares element {@code i} of {@code array} with a value of the same dtype, boxed ({@code Long} for datetimes and
   * 64-bit integers, …), in index order (SEMANTICS.md §4): numbers numerically (unsigned dtypes unsigned), booleans
   * false &lt; true, strings by code point.
   */
  public static int compare(Dtype dtype, Object array, int i, Object value) {
    switch (dtype.storage()) {
      case LONG:
        long l = ((long[]) array)[i];
        long v = ((Number) value).longValue();
        return dtype.kind() == Dtype.Kind.UINT ? Long.compareUnsigned(l, v) : Long.compare(l, v);
      case DOUBLE:
        return Double.compare(((double[]) array)[i], ((Number) value).doubleValue());
      default:
        return Values.compare(dtype, get(array, i), value);
    }
  }

  /** True if the rows of the index arrays are non-decreasing on the tuple (SEMANTICS.md §4). */
  public static boolean isSorted(List<Dtype> dtypes, List<Object> arrays) {
    if (arrays.isEmpty()) {
      return true;
    }
    return RowOrder.firstUnsorted(dtypes, arrays, length(arrays.get(0))) < 0;
  }

  /**
   * The first position in {@code [lo, hi)} whose element is not less than {@code value} (or, with {@code right},
   * greater than it): Python's {@code bisect_left} / {@code bisect_right}.
   */
  public static int bisect(Dtype dtype, Object array, Object value, int lo, int hi, boolean right) {
    Objects.requireNonNull(value, "bound");
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(dtype, array, mid, value);
      if (c < 0 || (right && c == 0)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
