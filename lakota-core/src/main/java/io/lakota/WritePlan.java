package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Schema;
import io.lakota.format.Values;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.object.ObjectStore;
import io.lakota.version.CommitRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A validated, encoded write of one series (SEMANTICS.md §10.1): the commit row and the arrays small enough to be
 * embedded in the commit; the larger arrays are written as data files while the plan is encoded. Validation
 * ({@link #check}) catches everything that can be wrong with the input before anything is encoded or written, so
 * that a failure leaves the repository unchanged. Immutable once prepared.
 */
final class WritePlan {
  /** Block tasks per column and per thread: small enough to balance columns of different speeds. */
  private static final int CHUNKS_PER_THREAD = 4;
  /** Frames of at least this many rows have their columns encoded on several threads. */
  static final int PARALLEL_ROWS = 4_096;

  private final CommitRow row;
  private final Map<String, byte[]> embedded;

  private WritePlan(CommitRow row, Map<String, byte[]> embedded) {
    this.row = row;
    this.embedded = embedded;
  }

  /**
   * Validates and encodes a write of {@code frame} to {@code series} with already-cast full bounds (null: the
   * frame's first or last row), writing its data files into {@code objects}.
   */
  static WritePlan prepare(Series series, Frame frame, Object[] start, Object[] stop, Closed closed,
      ObjectStore objects) {
    return check(series, frame, start, stop, closed).encode(objects);
  }

  /** Validates a write: everything that can be wrong with the input fails here, before any encoding. */
  static Checked check(Series series, Frame frame, Object[] start, Object[] stop, Closed closed) {
    Schema schema = series.schema();
    String where = "series \"" + series.label() + "\"";
    if (!frame.schema().equals(schema)) {
      frame = new Frame(schema, frame.toMap());
    }
    for (ColumnDefinition c : schema.columns()) {
      if (!frame.has(c.name())) {
        throw new ValidationException("KeyError: \"" + c.name() + "\" (" + where + ")");
      }
    }
    int bad = frame.firstUnsorted();
    if (bad >= 0) {
      throw new ValidationException("Frame is not sorted! (" + where + ", row " + bad + ": "
          + Texts.tuple(schema.index(), frame.indexTuple(bad)) + " after "
          + Texts.tuple(schema.index(), frame.indexTuple(bad - 1)) + ")");
    }
    if ((start == null || stop == null) && frame.isEmpty()) {
      throw new ValidationException("Cannot write an empty frame without bounds (" + where + ")");
    }
    Object[] s = start == null ? frame.start() : start;
    Object[] e = stop == null ? frame.stop() : stop;
    if (Values.compareTuples(schema.indexDtypes(), s, e) > 0) {
      throw new ValidationException("Invalid range " + Texts.tuple(schema.index(), s) + " -> "
          + Texts.tuple(schema.index(), e) + " (" + where + ")");
    }
    return new Checked(series.label(), schema, frame, s, e, closed, Settings.get().embedMaxSize(),
        Settings.get().bloscLevel());
  }

  /** A validated write, not encoded yet; the settings that shape the encoding are those of validation time. */
  static final class Checked {
    private final String label;
    private final Schema schema;
    private final Frame frame;
    private final Object[] start;
    private final Object[] stop;
    private final Closed closed;
    private final int embedMax;
    private final int level;

    private Checked(String label, Schema schema, Frame frame, Object[] start, Object[] stop, Closed closed,
        int embedMax, int level) {
      this.label = label;
      this.schema = schema;
      this.frame = frame;
      this.start = start;
      this.stop = stop;
      this.closed = closed;
      this.embedMax = embedMax;
      this.level = level;
    }

    int rows() {
      return frame.length();
    }

    /**
     * The same write over copies of the frame's arrays, to be encoded after the caller got control back: a caller
     * that reuses its arrays for the next write does not change this one.
     */
    Checked detached() {
      Map<String, Object> cols = new LinkedHashMap<>();
      for (Map.Entry<String, Object> c : frame.toMap().entrySet()) {
        Object a = c.getValue();
        int n = java.lang.reflect.Array.getLength(a);
        Object copy = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, copy, 0, n);
        cols.put(c.getKey(), copy);
      }
      return new Checked(label, schema, new Frame(schema, cols), start, stop, closed, embedMax, level);
    }

    /**
     * Encodes the columns and writes the data files of those too large to embed into {@code objects} (write-once),
     * as soon as each column is encoded: the commit row and the arrays to embed are returned.
     */
    WritePlan encode(ObjectStore objects) {
      ColumnCodec.Encoded[] encoded = WritePlan.encode(schema, frame, level, objects, embedMax);
      String[] digests = new String[encoded.length];
      Map<String, byte[]> embedded = new TreeMap<>();
      for (int i = 0; i < digests.length; i++) {
        ColumnCodec.Encoded enc = encoded[i];
        digests[i] = enc.digest();
        if (enc.bytes().length < embedMax) {
          embedded.put(enc.digest(), enc.bytes());
        }
      }
      CommitRow row = new CommitRow(label, start, stop, digests, frame.length(), closed);
      return new WritePlan(row, embedded);
    }
  }

  /**
   * Encodes every column of the frame and writes each column too large to embed into {@code objects}; returns the
   * encoded columns in schema order. Large columns are split into block tasks ({@link ColumnCodec#encodeJob}) and
   * the tasks of all columns share the worker threads. The order is what keeps both cores busy: the blocks of the
   * value columns first (they compress least, so theirs are the large files), then every column's digest (one
   * sequential SHA-1 pass each), then the blocks of the index columns, which usually compress to almost nothing.
   * The thread that encodes a large column's last block stages its file at once ({@link ObjectStore#stage}: on a
   * file pod, copying it into the page cache), while the other threads hash; the thread that finishes the column's
   * last task names the file after its digest. No thread ever waits for another.
   */
  private static ColumnCodec.Encoded[] encode(Schema schema, Frame frame, int level, ObjectStore objects,
      int embedMax) {
    // columns of a few thousand rows already pay for the hand-off to another core (W5: 10 000-row writes)
    boolean parallel = frame.length() >= PARALLEL_ROWS;
    int threads = parallel ? Workers.threads() : 1;
    List<ColumnDefinition> columns = schema.columns();
    ColumnCodec.Encoded[] out = new ColumnCodec.Encoded[columns.size()];
    List<ColumnWrite> writes = new ArrayList<>();
    List<Runnable> valueBlocks = new ArrayList<>();
    List<Runnable> digests = new ArrayList<>();
    List<Runnable> indexBlocks = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDefinition c = columns.get(i);
      ColumnCodec codec = ColumnCodec.of(c).withBloscLevel(level);
      ColumnCodec.EncodeJob job = codec.encodeJob(frame.column(c.name()), threads * CHUNKS_PER_THREAD);
      ColumnWrite w = new ColumnWrite(job, objects, embedMax, out, i);
      writes.add(w);
      List<Runnable> own = job.tasks();
      int d = job.digestTasks();
      for (Runnable task : own.subList(0, d)) {
        digests.add(() -> {
          task.run();
          w.taskDone();
        });
      }
      for (Runnable task : own.subList(d, own.size())) {
        (c.isIndex() ? indexBlocks : valueBlocks).add(() -> {
          task.run();
          w.blockDone();
        });
      }
    }
    List<Runnable> tasks = new ArrayList<>(valueBlocks);
    tasks.addAll(digests);
    tasks.addAll(indexBlocks);
    try {
      Workers.run(tasks, parallel);
    } finally {
      for (ColumnWrite w : writes) {
        w.close(); // removes what a failed write staged, and the temporary names of published files
      }
    }
    return out;
  }

  /**
   * The progress of one column of {@link #encode}: counts its tasks down, stages its data file when its blocks are
   * encoded (split jobs only: a one-task job knows its digest as soon as its bytes), and publishes the file and
   * the encoded column when the last task is done.
   */
  private static final class ColumnWrite {
    private final ColumnCodec.EncodeJob job;
    private final ObjectStore objects;
    private final int embedMax;
    private final ColumnCodec.Encoded[] out;
    private final int at;
    private final boolean staging;
    private final AtomicInteger blocksLeft;
    // every task, plus the staging step
    private final AtomicInteger left;
    // written before the staging step's count-down, read by the thread of the last one and by close()
    private volatile ObjectStore.Pending pending;

    ColumnWrite(ColumnCodec.EncodeJob job, ObjectStore objects, int embedMax, ColumnCodec.Encoded[] out, int at) {
      this.job = job;
      this.objects = objects;
      this.embedMax = embedMax;
      this.out = out;
      this.at = at;
      int tasks = job.tasks().size();
      this.staging = job.digestTasks() > 0;
      this.blocksLeft = new AtomicInteger(tasks - job.digestTasks());
      this.left = new AtomicInteger(tasks + 1);
    }

    void blockDone() {
      if (blocksLeft.decrementAndGet() == 0) {
        if (staging) {
          byte[] bytes = job.bytes();
          if (bytes.length >= embedMax) {
            pending = objects.stage(bytes);
          }
        }
        taskDone(); // the staging step
      }
      taskDone();
    }

    void taskDone() {
      if (left.decrementAndGet() != 0) {
        return;
      }
      ColumnCodec.Encoded enc = job.result();
      if (pending != null) {
        pending.publish(enc.digest());
      } else if (enc.bytes().length >= embedMax) {
        objects.write(enc.digest(), enc.bytes());
      }
      out[at] = enc;
    }

    void close() {
      if (pending != null) {
        pending.close();
      }
    }
  }

  CommitRow row() {
    return row;
  }

  /** The encoded arrays embedded in the commit, by digest. */
  Map<String, byte[]> embedded() {
    return embedded;
  }

}
