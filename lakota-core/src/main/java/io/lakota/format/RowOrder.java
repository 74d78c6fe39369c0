package io.lakota.format;

import java.util.List;

/**
 * Row order over column arrays (SEMANTICS.md §4): compares rows of one or more columns lexicographically, tells
 * whether rows are sorted and computes stable sort permutations, reading the primitive arrays directly (no boxing
 * for numeric columns). Stateless and thread-safe.
 */
public final class RowOrder {
  private RowOrder() {}

  /** Compares elements {@code i} and {@code j} of one column array of {@code dtype}. */
  public static int compare(Dtype dtype, Object array, int i, int j) {
    boolean unsigned = dtype.kind() == Dtype.Kind.UINT;
    switch (dtype.storage()) {
      case LONG:
        long[] l = (long[]) array;
        return unsigned ? Long.compareUnsigned(l[i], l[j]) : Long.compare(l[i], l[j]);
      case DOUBLE:
        double[] d = (double[]) array;
        return Double.compare(d[i], d[j]);
      case INT:
        int[] n = (int[]) array;
        return unsigned ? Integer.compareUnsigned(n[i], n[j]) : Integer.compare(n[i], n[j]);
      case SHORT:
        short[] s = (short[]) array;
        return unsigned ? Integer.compare(s[i] & 0xffff, s[j] & 0xffff) : Short.compare(s[i], s[j]);
      case BYTE:
        byte[] b = (byte[]) array;
        return unsigned ? Integer.compare(b[i] & 0xff, b[j] & 0xff) : Byte.compare(b[i], b[j]);
      case FLOAT:
        float[] f = (float[]) array;
        return Float.compare(f[i], f[j]);
      case BOOLEAN:
        boolean[] z = (boolean[]) array;
        return Boolean.compare(z[i], z[j]);
      case STRING:
        String[] t = (String[]) array;
        return Values.compareCodePoints(t[i], t[j]);
      default:
        Object[] o = (Object[]) array;
        return Values.compare(dtype, o[i], o[j]);
    }
  }

  /** Compares rows {@code i} and {@code j} on the given columns, lexicographically. */
  public static int compareRows(List<Dtype> dtypes, List<Object> arrays, int i, int j) {
    for (int c = 0; c < arrays.size(); c++) {
      int r = compare(dtypes.get(c), arrays.get(c), i, j);
      if (r != 0) {
        return r;
      }
    }
    return 0;
  }

  /**
   * The first row {@code i} (≥ 1) that sorts before row {@code i - 1}, or -1 when the {@code n} rows are
   * non-decreasing.
   */
  public static int firstUnsorted(List<Dtype> dtypes, List<Object> arrays, int n) {
    if (dtypes.size() == 1 && arrays.get(0) instanceof long[] && dtypes.get(0).kind() != Dtype.Kind.UINT) {
      // the usual index (one timestamp or int64 column): a plain scan, no per-row dispatch
      long[] a = (long[]) arrays.get(0);
      for (int i = 1; i < n; i++) {
        if (a[i - 1] > a[i]) {
          return i;
        }
      }
      return -1;
    }
    for (int i = 1; i < n; i++) {
      if (compareRows(dtypes, arrays, i - 1, i) > 0) {
        return i;
      }
    }
    return -1;
  }

  /** The stable sort permutation of {@code n} rows on the given columns (a merge sort: equal rows keep order). */
  public static int[] argsort(List<Dtype> dtypes, List<Object> arrays, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n < 2 || firstUnsorted(dtypes, arrays, n) < 0) {
      return order;
    }
    int[] scratch = new int[n];
    mergeSort(dtypes, arrays, order, scratch, 0, n);
    return order;
  }

  private static void mergeSort(List<Dtype> dtypes, List<Object> arrays, int[] a, int[] tmp, int lo, int hi) {
    if (hi - lo <= 16) {
      // insertion sort: stable, and faster than merging on short runs
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && compareRows(dtypes, arrays, a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(dtypes, arrays, a, tmp, lo, mid);
    mergeSort(dtypes, arrays, a, tmp, mid, hi);
    if (compareRows(dtypes, arrays, a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      // take from the left run on ties: that is what makes the sort stable
      if (j >= hi || (i < mid && compareRows(dtypes, arrays, tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
