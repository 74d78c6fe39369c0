package io.lakota.version;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.codec.BlockColumn;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.id.HashedPath;
import io.lakota.object.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The visible part of one commit row for a query (SEMANTICS.md §12.3): locates the visible rows by bisection over
 * the row's index arrays, and decodes other columns on demand, sliced the same way.
 *
 * <p>Range reads decode only what they need (issue 7): when the index columns are {@link ColumnCodec#isBlockwise()
 * blockwise} the bisection runs block by block ({@link BlockColumn}), and a column of which less than a quarter is
 * visible is assembled from the blocks holding the visible rows, through the repository's
 * {@link ObjectStore#blockCache()}. Otherwise columns are decoded whole, split into block tasks handed to the
 * caller's runner (several threads). Both paths return the same values and check digests.
 *
 * <p>Not thread-safe: one reader uses it. Arrays are looked up in the commit's embedded map, then in the object
 * store (with its soft-delete fallback).
 */
public final class Segment {
  /** A column is read block by block when fewer than 1/PARTIAL_RATIO of its rows are visible. */
  static final int PARTIAL_RATIO = 4;
  /** Below this many rows, decoding on the caller's thread is faster than handing tasks to other threads. */
  static final int PARALLEL_ROWS = 16_384;
  /** Block tasks per column and per thread of a whole-column decode. */
  private static final int CHUNKS_PER_THREAD = 4;

  private final Schema schema;
  private final Commit commit;
  private final SegmentRange range;
  private final ObjectStore objects;
  private final Consumer<List<Runnable>> runner;
  private final int threads;
  private final boolean verify;
  private final Object[] decoded;
  private final BlockColumn[] blocks;
  private int from = -1;
  private int to;

  /** A segment decoding on the caller's thread, checking digests. */
  public Segment(Schema schema, Commit commit, SegmentRange range, ObjectStore objects) {
    this(schema, commit, range, objects, tasks -> tasks.forEach(Runnable::run), 1, true);
  }

  /**
   * A segment whose whole-column decodes run as block tasks through {@code runner}.
   *
   * @param runner runs a list of independent tasks and returns when all are done (rethrowing the first failure)
   * @param threads how many threads {@code runner} uses, to size the tasks
   * @param verify whether decoded arrays are checked against their digests (FORMAT.md §7)
   */
  public Segment(Schema schema, Commit commit, SegmentRange range, ObjectStore objects,
      Consumer<List<Runnable>> runner, int threads, boolean verify) {
    this.schema = schema;
    this.commit = commit;
    this.range = range;
    this.objects = objects;
    this.runner = runner;
    this.threads = Math.max(1, threads);
    this.verify = verify;
    this.decoded = new Object[schema.columns().size()];
    this.blocks = new BlockColumn[schema.columns().size()];
  }

  public SegmentRange range() {
    return range;
  }

  /** The number of visible rows. */
  public int length() {
    locate();
    return to - from;
  }

  private int rows() {
    return (int) range.row().length();
  }

  private void locate() {
    if (from >= 0) {
      return;
    }
    List<ColumnDefinition> index = schema.index();
    int n = rows();
    BlockColumn[] lazy = new BlockColumn[index.size()];
    for (int c = 0; c < lazy.length; c++) {
      lazy[c] = blockColumn(index.get(c));
      if (lazy[c] == null) {
        lazy = null;
        break;
      }
    }
    int[] ij;
    if (lazy != null) {
      int i = bound(lazy, range.startRef(), !range.closed().left(), 0, n);
      int j = bound(lazy, range.stopRef(), range.closed().right(), n, n);
      ij = new int[] {i, j};
    } else {
      List<Object> arrays = new ArrayList<>(index.size());
      for (ColumnDefinition c : index) {
        arrays.add(full(c));
      }
      ij = IndexSearch.slice(schema.indexDtypes(), arrays, n, range.startRef(), range.stopRef(), range.closed());
    }
    from = ij[0];
    to = Math.max(ij[0], ij[1]);
    if (lazy != null && isPartial(to - from)) {
      // the positions came from unchecked blocks: check the index arrays before trusting them
      for (int c = 0; c < lazy.length; c++) {
        verify(lazy[c], index.get(c));
      }
    }
  }

  /** {@link IndexSearch#index} over block columns; {@code open} is returned for a null or empty bound. */
  private static int bound(BlockColumn[] columns, Object[] values, boolean right, int open, int n) {
    if (values == null || values.length == 0) {
      return open;
    }
    int lo = 0;
    int hi = n;
    int k = Math.min(values.length, columns.length);
    for (int c = 0; c < k; c++) {
      int newLo = columns[c].bisect(values[c], lo, hi, false);
      hi = columns[c].bisect(values[c], newLo, hi, true);
      lo = newLo;
    }
    return right ? hi : lo;
  }

  private boolean isPartial(int visible) {
    return (long) visible * PARTIAL_RATIO < rows();
  }

  /** The visible values of a column, as a column array. */
  public Object column(String name) {
    locate();
    return column(name, 0, to - from);
  }

  /** The visible values of a column restricted to visible positions {@code [a, b)}. */
  public Object column(String name, int a, int b) {
    return columns(List.of(name), a, b).get(name);
  }

  /**
   * The visible values of several columns restricted to visible positions {@code [a, b)}, by name in the given
   * order. Whole-column decodes of all of them run as one set of tasks.
   */
  public Map<String, Object> columns(List<String> names, int a, int b) {
    locate();
    int lo = from + Math.max(0, Math.min(a, to - from));
    int hi = Math.max(lo, from + Math.max(0, Math.min(b, to - from)));
    Map<String, Object> out = new LinkedHashMap<>();
    List<ColumnDefinition> whole = new ArrayList<>();
    for (String name : names) {
      ColumnDefinition c = schema.column(name);
      int pos = schema.position(name);
      if (decoded[pos] == null && isPartial(hi - lo)) {
        BlockColumn lazy = blockColumn(c);
        if (lazy != null) {
          verify(lazy, c);
          out.put(name, lazy.slice(lo, hi));
          continue;
        }
      }
      if (decoded[pos] == null && !whole.contains(c)) {
        whole.add(c);
      }
      out.put(name, null);
    }
    decodeWhole(whole);
    for (String name : names) {
      if (out.get(name) == null) {
        out.put(name, Columns.slice(decoded[schema.position(name)], lo, hi));
      }
    }
    return out;
  }

  /** Decodes the given columns in full, their block tasks all handed to the runner at once. */
  private void decodeWhole(List<ColumnDefinition> columns) {
    if (columns.isEmpty()) {
      return;
    }
    List<ColumnCodec.DecodeJob> jobs = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    // checked columns first: their digest runs after their blocks, while the other columns decode
    List<ColumnDefinition> ordered = new ArrayList<>();
    for (ColumnDefinition c : columns) {
      if (c.dtype().kind() != Dtype.Kind.DATETIME) {
        ordered.add(c);
      }
    }
    for (ColumnDefinition c : columns) {
      if (c.dtype().kind() == Dtype.Kind.DATETIME) {
        ordered.add(c);
      }
    }
    for (ColumnDefinition c : ordered) {
      int pos = schema.position(c.name());
      String digest = range.row().digest(pos);
      byte[] data = encoded(pos, digest);
      try {
        ColumnCodec.DecodeJob job = ColumnCodec.of(c).decodeJob(data, 0, data.length, range.row().length(),
            verify ? digest : null, threads * CHUNKS_PER_THREAD);
        jobs.add(job);
        for (Runnable t : job.tasks()) {
          tasks.add(() -> {
            try {
              t.run();
            } catch (CorruptObjectException e) {
              throw e.at(location(digest) + " (column " + c.name() + ")");
            }
          });
        }
      } catch (CorruptObjectException e) {
        throw e.at(location(digest) + " (column " + c.name() + ")");
      }
    }
    if (rows() >= PARALLEL_ROWS) {
      runner.accept(tasks);
    } else {
      tasks.forEach(Runnable::run);
    }
    for (int i = 0; i < ordered.size(); i++) {
      decoded[schema.position(ordered.get(i).name())] = jobs.get(i).result();
    }
  }

  private Object full(ColumnDefinition column) {
    int pos = schema.position(column.name());
    if (decoded[pos] == null) {
      decodeWhole(List.of(column));
    }
    return decoded[pos];
  }

  /** The block-wise reader of a column, or null when its codec or frame does not allow one. */
  private BlockColumn blockColumn(ColumnDefinition column) {
    int pos = schema.position(column.name());
    if (blocks[pos] != null) {
      return blocks[pos];
    }
    ColumnCodec codec = ColumnCodec.of(column);
    if (!codec.isBlockwise()) {
      return null;
    }
    String digest = range.row().digest(pos);
    try {
      blocks[pos] = BlockColumn.open(codec, digest, range.row().length(), () -> encoded(pos, digest),
          objects.blockCache(), verify);
      return blocks[pos];
    } catch (CorruptObjectException e) {
      throw e.at(location(digest) + " (column " + column.name() + ")");
    }
  }

  private void verify(BlockColumn lazy, ColumnDefinition column) {
    try {
      lazy.verify();
    } catch (CorruptObjectException e) {
      throw e.at(location(range.row().digest(schema.position(column.name()))) + " (column " + column.name() + ")");
    }
  }

  /** The encoded bytes of column {@code pos}: the block reader's copy, the commit's embedded array or the file. */
  private byte[] encoded(int pos, String digest) {
    if (blocks[pos] != null) {
      return blocks[pos].bytes();
    }
    byte[] data = commit.embedded().get(digest);
    return data != null ? data : objects.read(digest);
  }

  private String location(String digest) {
    return commit.embedded().containsKey(digest) ? "embedded array " + digest : HashedPath.of(digest);
  }
}
