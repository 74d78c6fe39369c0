package io.lakota.version;

import io.lakota.format.Closed;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import java.util.List;

/**
 * Lexicographic bisection over index columns (SEMANTICS.md §12.4) and the positions of a range
 * ({@code sliceIndex}, SEMANTICS.md §6). Bounds may be prefixes: only as many columns as values are searched.
 */
public final class IndexSearch {
  private IndexSearch() {}

  /** The first (or, with {@code right}, past-the-last) position of {@code values} in the sorted index arrays. */
  public static int index(List<Dtype> dtypes, List<Object> columns, int length, Object[] values, boolean right) {
    int lo = 0;
    int hi = length;
    int n = Math.min(values.length, columns.size());
    for (int c = 0; c < n; c++) {
      Object col = columns.get(c);
      Dtype dt = dtypes.get(c);
      int newLo = Columns.bisect(dt, col, values[c], lo, hi, false);
      hi = Columns.bisect(dt, col, values[c], newLo, hi, true);
      lo = newLo;
    }
    return right ? hi : lo;
  }

  /** Positions {@code {i, j}} of the rows within {@code start … stop} under {@code closed}; null bounds are open. */
  public static int[] slice(List<Dtype> dtypes, List<Object> columns, int length, Object[] start, Object[] stop,
      Closed closed) {
    int i = start != null && start.length > 0 ? index(dtypes, columns, length, start, !closed.left()) : 0;
    int j = stop != null && stop.length > 0 ? index(dtypes, columns, length, stop, closed.right()) : length;
    return new int[] {i, j};
  }
}
