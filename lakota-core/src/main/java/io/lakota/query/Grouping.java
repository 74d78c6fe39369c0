package io.lakota.query;

import io.lakota.format.Dtype;
import io.lakota.format.RowOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups of a {@code reduce} with key columns (EXPRESSIONS.md §8.2): the distinct key tuples sorted
 * lexicographically, the group number (bin) of every row, and each group's first and last row (in frame order)
 * and size. Immutable.
 */
final class Grouping {
  final int rows;
  final int groups;
  final int[] bins;
  final int[] first;
  final int[] last;
  final long[] counts;

  private Grouping(int rows, int groups, int[] bins, int[] first, int[] last, long[] counts) {
    this.rows = rows;
    this.groups = groups;
    this.bins = bins;
    this.first = first;
    this.last = last;
    this.counts = counts;
  }

  /** The groups of {@code n} rows keyed by {@code keys} (arrays of length n). */
  static Grouping of(List<ArrayValue> keys, int n) {
    List<Dtype> dtypes = new ArrayList<>();
    List<Object> arrays = new ArrayList<>();
    for (ArrayValue k : keys) {
      dtypes.add(k.dtype());
      arrays.add(k.data());
    }
    // a stable sort: within a group rows keep frame order, so a run starts at its first row and ends at its last
    int[] order = RowOrder.argsort(dtypes, arrays, n);
    int[] bins = new int[n];
    int[] firstTmp = new int[n];
    int[] lastTmp = new int[n];
    long[] countTmp = new long[n];
    int g = -1;
    for (int k = 0; k < n; k++) {
      int row = order[k];
      if (k == 0 || RowOrder.compareRows(dtypes, arrays, order[k - 1], row) != 0) {
        g++;
        firstTmp[g] = row;
      }
      bins[row] = g;
      lastTmp[g] = row;
      countTmp[g]++;
    }
    int groups = g + 1;
    return new Grouping(n, groups, bins, java.util.Arrays.copyOf(firstTmp, groups),
        java.util.Arrays.copyOf(lastTmp, groups), java.util.Arrays.copyOf(countTmp, groups));
  }
}
