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

/**
 * A validated, encoded write of one series (SEMANTICS.md §10.1): the commit row, the arrays small enough to be
 * embedded in the commit, and the data files to write. Preparing a plan checks everything that can be wrong with
 * the input, so that a failure leaves the repository unchanged. Immutable once prepared.
 */
final class WritePlan {
  /** Block tasks per column and per thread: small enough to balance columns of different speeds. */
  private static final int CHUNKS_PER_THREAD = 4;
  /** Frames of at least this many rows have their columns encoded on several threads. */
  static final int PARALLEL_ROWS = 4_096;

  private final CommitRow row;
  private final Map<String, byte[]> embedded;
  private final Map<String, byte[]> files;

  private WritePlan(CommitRow row, Map<String, byte[]> embedded, Map<String, byte[]> files) {
    this.row = row;
    this.embedded = embedded;
    this.files = files;
  }

  /**
   * Validates and encodes a write of {@code frame} to {@code series} with already-cast full bounds (null: the
   * frame's first or last row).
   */
  static WritePlan prepare(Series series, Frame frame, Object[] start, Object[] stop, Closed closed) {
    return check(series, frame, start, stop, closed).encode();
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

    /** Encodes the columns: the commit row, the arrays to embed and the data files. */
    WritePlan encode() {
      List<ColumnCodec.Encoded> encoded = WritePlan.encode(schema, frame, level);
      String[] digests = new String[encoded.size()];
      Map<String, byte[]> embedded = new TreeMap<>();
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (int i = 0; i < digests.length; i++) {
        ColumnCodec.Encoded enc = encoded.get(i);
        digests[i] = enc.digest();
        if (enc.bytes().length < embedMax) {
          embedded.put(enc.digest(), enc.bytes());
        } else {
          files.put(enc.digest(), enc.bytes());
        }
      }
      CommitRow row = new CommitRow(label, start, stop, digests, frame.length(), closed);
      return new WritePlan(row, embedded, files);
    }
  }

  /**
   * Encodes every column of the frame. Large columns are split into block tasks ({@link ColumnCodec#encodeJob}),
   * and the tasks of all columns share the worker threads: the digests (one sequential SHA-1 pass per column) start
   * first, the blocks fill the gaps.
   */
  private static List<ColumnCodec.Encoded> encode(Schema schema, Frame frame, int level) {
    // columns of a few thousand rows already pay for the hand-off to another core (W5: 10 000-row writes)
    boolean parallel = frame.length() >= PARALLEL_ROWS;
    int threads = parallel ? Workers.threads() : 1;
    List<ColumnCodec.EncodeJob> jobs = new ArrayList<>();
    List<Runnable> first = new ArrayList<>();
    List<Runnable> rest = new ArrayList<>();
    for (ColumnDefinition c : schema.columns()) {
      ColumnCodec codec = ColumnCodec.of(c).withBloscLevel(level);
      ColumnCodec.EncodeJob job = codec.encodeJob(frame.column(c.name()), threads * CHUNKS_PER_THREAD);
      jobs.add(job);
      List<Runnable> tasks = job.tasks();
      first.add(tasks.get(0));
      rest.addAll(tasks.subList(1, tasks.size()));
    }
    first.addAll(rest);
    Workers.run(first, parallel);
    List<ColumnCodec.Encoded> out = new ArrayList<>(jobs.size());
    for (ColumnCodec.EncodeJob job : jobs) {
      out.add(job.result());
    }
    return out;
  }

  CommitRow row() {
    return row;
  }

  /** The encoded arrays embedded in the commit, by digest. */
  Map<String, byte[]> embedded() {
    return embedded;
  }

  /** Writes the data files that are not embedded (write-once: existing files are left as they are). */
  void writeFiles(ObjectStore objects) {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      objects.write(f.getKey(), f.getValue());
    }
  }
}
