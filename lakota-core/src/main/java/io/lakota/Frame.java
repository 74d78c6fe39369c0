package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Casts;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.RowOrder;
import io.lakota.format.Schema;
import io.lakota.query.ArrayValue;
import io.lakota.query.ColumnSource;
import io.lakota.query.Expressions;
import io.lakota.query.ReduceColumn;
import io.lakota.query.ReducedFrame;
import io.lakota.version.IndexSearch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An in-memory table: a schema and an ordered map of column name to column array (SEMANTICS.md §6). Columns are
 * primitive arrays ({@code long[]} epoch counts for datetimes, {@code double[]}, {@code String[]}, …, see
 * {@link Dtype#storage()}); a frame may hold a subset of the schema's columns, all of the same length.
 *
 * <pre>{@code
 * Frame f = Frame.of(schema, Map.of("timestamp", new String[] {"2020-01-01"}, "value", new double[] {1.5}));
 * for (Row row : f) {
 *   System.out.println(row.localDateTime("timestamp") + " " + row.getDouble("value"));
 * }
 * }</pre>
 *
 * <p>Immutable from the caller's point of view: operations return new frames, and the arrays handed out must not
 * be modified (they may be shared with other frames). Arrays given to the constructor that already have the
 * column's storage type are taken over, not copied. Iteration yields {@link Row} views (the reference iterates
 * over column names, which {@link #columns()} gives); scans should read the column arrays instead.
 */
public final class Frame implements Iterable<Row> {
  private final Schema schema;
  private final Map<String, Object> columns;
  private final int length;

  /**
   * A frame over column values, each cast to its column's dtype ({@link Casts#toColumn}). Columns not in the
   * schema are dropped (as the reference does); columns keep the order of the given map.
   *
   * @throws ValidationException when a value cannot be cast (naming the column) or lengths differ
   *     ({@code Length mismatch})
   */
  public Frame(Schema schema, Map<String, ?> columns) {
    this.schema = schema;
    Map<String, Object> cols = new LinkedHashMap<>();
    int len = -1;
    String first = null;
    for (Map.Entry<String, ?> e : columns.entrySet()) {
      if (!schema.has(e.getKey())) {
        continue;
      }
      ColumnDefinition def = schema.column(e.getKey());
      Object array = Casts.toColumn(def, e.getValue());
      int n = Columns.length(array);
      if (len >= 0 && n != len) {
        throw new ValidationException("Length mismatch: column \"" + e.getKey() + "\" has " + n + " values, column \""
            + first + "\" has " + len);
      }
      len = n;
      first = first == null ? e.getKey() : first;
      cols.put(e.getKey(), array);
    }
    this.columns = Collections.unmodifiableMap(cols);
    this.length = Math.max(len, 0);
  }

  /** Same as the constructor. */
  public static Frame of(Schema schema, Map<String, ?> columns) {
    return new Frame(schema, columns);
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

  /**
   * A frame from records (maps of column name to value): the columns are the keys of the first record, in its
   * order; every record must have them. No record gives a frame without columns.
   */
  public static Frame fromRecords(Schema schema, List<? extends Map<String, ?>> records) {
    return FrameRecords.fromRecords(schema, records);
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

  /** A {@code long[]} column: datetimes as counts of their unit since 1970-01-01, 64-bit integers. */
  public long[] longs(String name) {
    return typed(name, long[].class);
  }

  /** A {@code double[]} column. */
  public double[] doubles(String name) {
    return typed(name, double[].class);
  }

  /** An {@code int[]} column ({@code int32}). */
  public int[] ints(String name) {
    return typed(name, int[].class);
  }

  /** A {@code boolean[]} column. */
  public boolean[] booleans(String name) {
    return typed(name, boolean[].class);
  }

  /** A {@code String[]} column. */
  public String[] strings(String name) {
    return typed(name, String[].class);
  }

  /** An {@code Object[]} column ({@code O}). */
  public Object[] objects(String name) {
    return typed(name, Object[].class);
  }

  private <T> T typed(String name, Class<T> type) {
    Object a = column(name);
    if (!type.isInstance(a)) {
      throw new ValidationException("Cannot read column \"" + name + "\" as " + type.getSimpleName() + ": it is "
          + schema.column(name).dtype().name());
    }
    return type.cast(a);
  }

  /** A datetime column as instants (naive values are UTC by convention). A new array. */
  public Instant[] instants(String name) {
    Dtype dt = datetime(name);
    long[] v = (long[]) column(name);
    Instant[] out = new Instant[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] == Datetimes.NAT ? null : Datetimes.toInstant(v[i], dt.unit());
    }
    return out;
  }

  /** A datetime column as naive date-times (NaT gives null). A new array. */
  public LocalDateTime[] localDateTimes(String name) {
    Dtype dt = datetime(name);
    long[] v = (long[]) column(name);
    LocalDateTime[] out = new LocalDateTime[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] == Datetimes.NAT ? null : Datetimes.toLocalDateTime(v[i], dt.unit());
    }
    return out;
  }

  /** A datetime column as dates (the date part; NaT gives null). A new array. */
  public LocalDate[] localDates(String name) {
    LocalDateTime[] t = localDateTimes(name);
    LocalDate[] out = new LocalDate[t.length];
    for (int i = 0; i < t.length; i++) {
      out[i] = t[i] == null ? null : t[i].toLocalDate();
    }
    return out;
  }

  private Dtype datetime(String name) {
    Dtype dt = schema.column(name).dtype();
    ValidationException.check(dt.kind() == Dtype.Kind.DATETIME,
        "Cannot read column \"%s\" as date-times: it is %s", name, dt.name());
    return dt;
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

  List<Object> arrays(List<ColumnDefinition> defs) {
    List<Object> arrays = new ArrayList<>(defs.size());
    for (ColumnDefinition c : defs) {
      arrays.add(column(c.name()));
    }
    return arrays;
  }

  /** True if the rows are non-decreasing on the index tuple. */
  public boolean isSorted() {
    return firstUnsorted() < 0;
  }

  /** The first row that sorts before its predecessor on the index, or -1 when the frame is sorted. */
  int firstUnsorted() {
    return RowOrder.firstUnsorted(schema.indexDtypes(), arrays(schema.index()), length);
  }

  /** Lexicographic bisection of {@code values} (possibly a prefix of the index) over the rows (§12.4). */
  public int index(Object[] values, boolean right) {
    return IndexSearch.index(schema.indexDtypes(), arrays(schema.index()), length, values, right);
  }

  /**
   * The positions {@code {i, j}} of the rows within {@code start … stop} under {@code closed}; null bounds are
   * open. Rows {@code [i, max(i, j))} are the visible ones.
   */
  public int[] sliceIndex(Object[] start, Object[] stop, Closed closed) {
    return IndexSearch.slice(schema.indexDtypes(), arrays(schema.index()), length, start, stop, closed);
  }

  /**
   * The rows {@code [from, to)} with Python slice semantics: negative positions count from the end, positions out
   * of range are clamped.
   */
  public Frame slice(int from, int to) {
    int a = from < 0 ? Math.max(0, length + from) : Math.min(from, length);
    int b = to < 0 ? Math.max(0, length + to) : Math.min(to, length);
    Map<String, Object> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      cols.put(e.getKey(), Columns.slice(e.getValue(), a, Math.max(a, b)));
    }
    return new Frame(schema, cols);
  }

  /** {@link #slice(int, int)} where a null position is open ({@code frm[5:]} is {@code slice(5, null)}). */
  public Frame slice(Integer from, Integer to) {
    return slice(from == null ? 0 : from, to == null ? length : to);
  }

  /** The rows within {@code start … stop} under {@code closed}; null bounds are open. */
  public Frame islice(Object[] start, Object[] stop, Closed closed) {
    int[] ij = sliceIndex(start, stop, closed);
    return slice(ij[0], Math.max(ij[0], ij[1]));
  }

  /** The rows within {@code [start, stop)}; null bounds are open. */
  public Frame islice(Object[] start, Object[] stop) {
    return islice(start, stop, Closed.LEFT);
  }

  /** The rows at {@code positions}, in that order. */
  public Frame take(int[] positions) {
    Map<String, Object> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      cols.put(e.getKey(), Columns.take(schema.column(e.getKey()).dtype(), e.getValue(), positions));
    }
    return new Frame(schema, cols);
  }

  /** The rows where {@code mask} is true (one flag per row). */
  public Frame mask(boolean[] mask) {
    ValidationException.check(mask.length == length,
        "Length mismatch: the mask has %d values, the frame %d rows", mask.length, length);
    int n = 0;
    for (boolean b : mask) {
      n += b ? 1 : 0;
    }
    int[] positions = new int[n];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        positions[k++] = i;
      }
    }
    return take(positions);
  }

  /**
   * The rows an s-expression selects (EXPRESSIONS.md §8.1), e.g. {@code frame.mask("(< self.value 28)")}: a boolean
   * array of one flag per row, or an integer array of row positions.
   *
   * @throws io.lakota.query.ExpressionException naming the token and position of a malformed expression, or the
   *     unknown column ({@link io.lakota.query.MissingKeyException})
   */
  public Frame mask(String expression) {
    return take(Expressions.rows(columnSource(), expression));
  }

  /**
   * Reduces this frame (EXPRESSIONS.md §8.2): plain column names and non-aggregating expressions are the keys, and
   * aggregating expressions are computed per group of equal keys; without aggregate, every expression is evaluated
   * row by row.
   *
   * <pre>{@code
   * ReducedFrame daily = frame.reduce(ReduceColumn.named("timestamp", "(floor self.timestamp 'D')"),
   *     ReduceColumn.named("value", "(mean self.value)"));
   * }</pre>
   */
  public ReducedFrame reduce(ReduceColumn... columns) {
    return reduce(List.of(columns));
  }

  /** {@link #reduce(ReduceColumn...)} over a list. */
  public ReducedFrame reduce(List<ReduceColumn> columns) {
    return Expressions.reduce(columnSource(), columns);
  }

  /** This frame's columns as the query engine reads them ({@code self.<column>}); shares the arrays. */
  public ColumnSource columnSource() {
    Map<String, ArrayValue> arrays = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      arrays.put(e.getKey(), ArrayValue.of(schema.column(e.getKey()).dtype(), e.getValue()));
    }
    return ColumnSource.of(arrays);
  }

  /**
   * The stable sort permutation of the rows on the given columns, in the given order (default: the index
   * columns).
   */
  public int[] argsort(String... names) {
    List<ColumnDefinition> defs = new ArrayList<>();
    if (names.length == 0) {
      defs.addAll(schema.index());
    } else {
      for (String n : names) {
        defs.add(schema.column(n));
      }
    }
    List<Dtype> dtypes = new ArrayList<>(defs.size());
    for (ColumnDefinition c : defs) {
      dtypes.add(c.dtype());
    }
    return RowOrder.argsort(dtypes, arrays(defs), length);
  }

  /** The rows stably sorted on the index tuple. */
  public Frame sorted() {
    return isSorted() ? this : take(argsort());
  }

  /** The rows stably sorted on the given columns, in the given order. */
  public Frame sorted(String... names) {
    return names.length == 0 ? sorted() : take(argsort(names));
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

  /** The frame restricted to the given columns, in the frame's own order; no name keeps everything. */
  public Frame select(String... names) {
    return select(Arrays.asList(names));
  }

  /** The frame without the given columns (the others keep the frame's order). */
  public Frame drop(String... names) {
    List<String> gone = Arrays.asList(names);
    Map<String, Object> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      if (!gone.contains(e.getKey())) {
        cols.put(e.getKey(), e.getValue());
      }
    }
    return new Frame(schema, cols);
  }

  /**
   * A frame with exactly the given columns, in the given order, under a derived schema (the reference's
   * {@code frm[[names]]}): the index is the given names that are index columns here, or every given column when
   * none is.
   */
  public Frame project(String... names) {
    ValidationException.check(names.length > 0, "Cannot project a frame on no column");
    boolean anyIndex = false;
    for (String n : names) {
      anyIndex |= schema.column(n).isIndex();
    }
    Schema.Builder b = Schema.builder();
    Map<String, Object> cols = new LinkedHashMap<>();
    for (String n : names) {
      ColumnDefinition c = schema.column(n);
      b.add(new ColumnDefinition(n, c.dtype(), c.codecs(), !anyIndex || c.isIndex()));
      cols.put(n, column(n));
    }
    return new Frame(b.build(), cols);
  }

  /**
   * A frame with column {@code name} set to {@code values} (cast to the column's dtype), added at the end when
   * absent. The reference's {@code frm[name] = values}.
   *
   * @throws ValidationException when the name is not a schema column or the length differs from the frame's
   */
  public Frame withColumn(String name, Object values) {
    ColumnDefinition def = schema.column(name);
    Object array = Casts.toColumn(def, values);
    int n = Columns.length(array);
    ValidationException.check(columns.isEmpty() || n == length,
        "Length mismatch: column \"%s\" has %d values, the frame %d rows", name, n, length);
    Map<String, Object> cols = new LinkedHashMap<>(columns);
    cols.put(name, array);
    return new Frame(schema, cols);
  }

  /** The columns as a new ordered map of name to array (the arrays are shared: do not modify). */
  public Map<String, Object> toMap() {
    return new LinkedHashMap<>(columns);
  }

  /** One map per row, values converted as {@code style} says. */
  public List<Map<String, Object>> records(RecordStyle style) {
    return FrameRecords.records(this, style);
  }

  /** One map per row, in {@link RecordStyle#DEFAULT} style. */
  public List<Map<String, Object>> records() {
    return records(RecordStyle.DEFAULT);
  }

  /** The rows, as views on this frame. */
  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < length;
      }

      @Override
      public Row next() {
        if (next >= length) {
          throw new NoSuchElementException();
        }
        return new Row(Frame.this, next++);
      }
    };
  }

  /** The row at position {@code i}. */
  public Row row(int i) {
    if (i < 0 || i >= length) {
      throw new ValidationException("Cannot read row " + i + ": the frame has " + length + " rows");
    }
    return new Row(this, i);
  }

  /** The row-wise concatenation of frames of one schema (the column set of the first); null for no frame. */
  public static Frame concat(Frame... frames) {
    return concat(Arrays.asList(frames));
  }

  /**
   * The row-wise concatenation of frames of one schema (the column set of the first); null for no frame.
   *
   * @throws ValidationException {@code Unable to concat frames with different schema}
   */
  public static Frame concat(List<Frame> frames) {
    if (frames.isEmpty()) {
      return null;
    }
    if (frames.size() == 1) {
      return frames.get(0);
    }
    Frame first = frames.get(0);
    for (Frame f : frames) {
      if (!f.schema.equals(first.schema)) {
        throw new ValidationException("Unable to concat frames with different schema");
      }
    }
    Map<String, Object> cols = new LinkedHashMap<>();
    for (String name : first.columns.keySet()) {
      List<Object> parts = new ArrayList<>(frames.size());
      for (Frame f : frames) {
        parts.add(f.column(name));
      }
      cols.put(name, Columns.concat(first.schema.column(name).dtype(), parts));
    }
    return new Frame(first.schema, cols);
  }

  /** True if every schema column is present in both frames or in neither, with equal values. */
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
      Dtype dt = schema.column(e.getKey()).dtype();
      sb.append(", ").append(e.getKey()).append('=');
      int n = Math.min(length, 5);
      sb.append('[');
      for (int i = 0; i < n; i++) {
        Object v = Columns.get(e.getValue(), i);
        sb.append(i > 0 ? ", " : "").append(dt.kind() == Dtype.Kind.DATETIME ? Texts.value(dt, v) : v);
      }
      sb.append(length > n ? ", …]" : "]");
    }
    return sb.append(')').toString();
  }
}
