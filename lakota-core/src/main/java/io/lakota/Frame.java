package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.version.IndexSearch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory table: a schema and an ordered map of column name to column array (SEMANTICS.md §6). Columns are
 * primitive arrays ({@code long[]} epoch counts for datetimes, {@code double[]}, {@code String[]}, …, see
 * {@link Dtype#storage()}); a frame may hold a subset of the schema's columns, all of the same length.
 *
 * <p>Immutable from the caller's point of view: operations return new frames, and the arrays handed out must not
 * be modified (they may be shared with other frames).
 */
public final class Frame {
  private final Schema schema;
  private final Map<String, Object> columns;
  private final int length;

  /**
   * A frame over already-typed column arrays. Columns not in the schema are dropped (as the reference does);
   * columns keep the order of the given map.
   *
   * @throws ValidationException when an array does not match its column's dtype or lengths differ
   *     ({@code Length mismatch})
   */
  public Frame(Schema schema, Map<String, ?> columns) {
    this.schema = schema;
    Map<String, Object> cols = new LinkedHashMap<>();
    int len = -1;
    for (Map.Entry<String, ?> e : columns.entrySet()) {
      if (!schema.has(e.getKey())) {
        continue;
      }
      ColumnDefinition def = schema.column(e.getKey());
      Object array = Casts.toColumn(def, e.getValue());
      int n = Columns.length(array);
      if (len >= 0 && n != len) {
        throw new ValidationException("Length mismatch: column \"" + e.getKey() + "\" has " + n + " values, "
            + "previous columns have " + len);
      }
      len = n;
      cols.put(e.getKey(), array);
    }
    this.columns = Collections.unmodifiableMap(cols);
    this.length = Math.max(len, 0);
  }

  /** An empty frame with the given columns (in schema order), or all columns when {@code names} is null. */
  public static Frame empty(Schema schema, List<String> names) {
    Map<String, Object> cols = new LinkedHashMap<>();
    for (ColumnDefinition c : schema.columns()) {
      if (names == null || names.contains(c.name())) {
        cols.put(c.name(), Columns.empty(c.dtype()));
      }
    }
    return new Frame(schema, cols);
  }

  public Schema schema() {
    return schema;
  }

  /** The number of rows. */
  public int length() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** The column names, in frame order. */
  public List<String> columns() {
    return new ArrayList<>(columns.keySet());
  }

  /** True if the frame holds that column. */
  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /**
   * The column array of that name (shared: do not modify).
   *
   * @throws ValidationException {@code KeyError: "<name>"} when the frame has no such column
   */
  public Object column(String name) {
    Object a = columns.get(name);
    if (a == null) {
      throw new ValidationException("KeyError: \"" + name + "\"");
    }
    return a;
  }

  /** A {@code long[]} column (datetimes as counts of their unit, 64-bit integers). */
  public long[] longs(String name) {
    return (long[]) column(name);
  }

  /** A {@code double[]} column. */
  public double[] doubles(String name) {
    return (double[]) column(name);
  }

  /** A {@code String[]} column. */
  public String[] strings(String name) {
    return (String[]) column(name);
  }

  /** The index tuple of row {@code i}, boxed (for bounds and messages, not for scans). */
  public Object[] indexTuple(int i) {
    List<ColumnDefinition> idx = schema.index();
    Object[] t = new Object[idx.size()];
    for (int c = 0; c < t.length; c++) {
      t[c] = Columns.get(column(idx.get(c).name()), i);
    }
    return t;
  }

  /** The index tuple of the first row. */
  public Object[] start() {
    ValidationException.check(length > 0, "Cannot take the start of an empty frame");
    return indexTuple(0);
  }

  /** The index tuple of the last row. */
  public Object[] stop() {
    ValidationException.check(length > 0, "Cannot take the stop of an empty frame");
    return indexTuple(length - 1);
  }

  private List<Object> indexArrays() {
    List<Object> arrays = new ArrayList<>();
    for (ColumnDefinition c : schema.index()) {
      arrays.add(column(c.name()));
    }
    return arrays;
  }

  /** True if the rows are non-decreasing on the index tuple. */
  public boolean isSorted() {
    return Columns.isSorted(schema.indexDtypes(), indexArrays());
  }

  /** Lexicographic bisection of {@code values} (possibly a prefix of the index) over the rows. */
  public int index(Object[] values, boolean right) {
    return IndexSearch.index(schema.indexDtypes(), indexArrays(), length, values, right);
  }

  /** The rows {@code [from, to)} (clamped), as a new frame sharing nothing mutable. */
  public Frame slice(int from, int to) {
    Map<String, Object> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      cols.put(e.getKey(), Columns.slice(e.getValue(), from, to));
    }
    return new Frame(schema, cols);
  }

  /** The rows within {@code start … stop} under {@code closed}; null bounds are open. */
  public Frame islice(Object[] start, Object[] stop, Closed closed) {
    int[] ij = IndexSearch.slice(schema.indexDtypes(), indexArrays(), length, start, stop, closed);
    return slice(ij[0], Math.max(ij[0], ij[1]));
  }

  /** The rows at {@code positions}, in that order. */
  public Frame take(int[] positions) {
    Map<String, Object> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      cols.put(e.getKey(), Columns.take(schema.column(e.getKey()).dtype(), e.getValue(), positions));
    }
    return new Frame(schema, cols);
  }

  /** The rows stably sorted on the index tuple. */
  public Frame sorted() {
    if (isSorted()) {
      return this;
    }
    List<io.lakota.format.Dtype> dtypes = schema.indexDtypes();
    Integer[] order = new Integer[length];
    Object[][] keys = new Object[length][];
    for (int i = 0; i < length; i++) {
      order[i] = i;
      keys[i] = indexTuple(i);
    }
    java.util.Arrays.sort(order, (a, b) -> io.lakota.format.Values.compareTuples(dtypes, keys[a], keys[b]));
    int[] pos = new int[length];
    for (int i = 0; i < length; i++) {
      pos[i] = order[i];
    }
    return take(pos);
  }

  /** The frame restricted to the given columns, in the frame's own order; null or empty keeps everything. */
  public Frame select(List<String> names) {
    if (names == null || names.isEmpty()) {
      return this;
    }
    Map<String, Object> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      if (names.contains(e.getKey())) {
        cols.put(e.getKey(), e.getValue());
      }
    }
    return new Frame(schema, cols);
  }

  /**
   * The row-wise concatenation of frames of one schema (the column set of the first); null for no frame.
   */
  public static Frame concat(List<Frame> frames) {
    if (frames.isEmpty()) {
      return null;
    }
    if (frames.size() == 1) {
      return frames.get(0);
    }
    Frame first = frames.get(0);
    Map<String, Object> cols = new LinkedHashMap<>();
    for (String name : first.columns.keySet()) {
      List<Object> parts = new ArrayList<>(frames.size());
      for (Frame f : frames) {
        if (!f.schema.equals(first.schema)) {
          throw new ValidationException("Unable to concat frames with different schema");
        }
        parts.add(f.column(name));
      }
      cols.put(name, Columns.concat(first.schema.column(name).dtype(), parts));
    }
    return new Frame(first.schema, cols);
  }

  /** True if every schema column is present in both frames with equal values. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Frame)) {
      return false;
    }
    Frame f = (Frame) o;
    if (f.length != length) {
      return false;
    }
    for (ColumnDefinition c : schema.columns()) {
      Object a = columns.get(c.name());
      Object b = f.columns.get(c.name());
      if ((a == null) != (b == null) || (a != null && !Columns.equal(a, b))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return length;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Frame(").append(length).append(" rows");
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      sb.append(", ").append(e.getKey()).append('=');
      int n = Math.min(length, 5);
      sb.append('[');
      for (int i = 0; i < n; i++) {
        sb.append(i > 0 ? ", " : "").append(Columns.get(e.getValue(), i));
      }
      sb.append(length > n ? ", …]" : "]");
    }
    return sb.append(')').toString();
  }
}
