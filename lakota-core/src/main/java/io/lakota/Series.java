package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Casts;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Schema;
import io.lakota.version.Commit;
import io.lakota.version.Revision;
import io.lakota.version.Segment;
import io.lakota.version.SegmentRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One series of a collection (SEMANTICS.md §10): a view on the rows of its label in the collection's leaf commit.
 * A cheap handle; a series exists iff its label has rows in the leaf commit.
 *
 * <pre>{@code
 * series.write(Map.of("timestamp", new String[] {"2020-01-01", "2020-01-02"}, "value", new double[] {1, 2}));
 * series.writer().start("2020-01-01").stop("2020-01-31").write(frame);   // replaces all of January
 * Frame jan = series.query().start("2020-01-01").stop("2020-02-01").frame();
 * series.delete("2020-01-10", "2020-01-12");
 * }</pre>
 *
 * <p>Thread-safety follows the collection handle: concurrent reads are safe; concurrent writes, through any handles
 * or processes, each commit conditionally on the head and retry on the new head when another writer was first, so
 * they never fork (docs/concurrency.md). Every write validates its input before touching storage: a bad frame or
 * bound leaves the repository unchanged.
 */
public class Series {
  final Collection collection;
  final String label;

  Series(Collection collection, String label) {
    this.collection = collection;
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Collection collection() {
    return collection;
  }

  Schema schema() {
    return collection.schema();
  }

  /** A read of this series, to be configured then run with {@link Query#frame()} and friends. */
  public Query query() {
    return new Query(this);
  }

  /** The whole series, as of the leaf revision. */
  public Frame frame() {
    return query().frame();
  }

  /** The last {@code length} rows. */
  public Frame tail(int length) {
    return query().tail(length);
  }

  /** True if the leaf commit has rows for this label (the reference's {@code bool(series)}). */
  public boolean exists() {
    return collection.ls().contains(label);
  }

  /** The number of visible rows. */
  public long length() {
    return query().length();
  }

  /** The segments a query reads (exposed for tests and tools). */
  public List<Segment> segments(Query q) {
    return segments(commit(q), bound(q.start), bound(q.stop), q.closed);
  }

  /** The commit a query reads: {@code at}'s, else the last one before {@code before}, else the leaf's; or null. */
  Commit commit(Query q) {
    if (q.at != null) {
      return collection.commit(q.at);
    }
    return collection.commitOf(() -> collection.changelog().leaf(q.before));
  }

  /** The segments of this label in {@code commit} within already-cast bounds (SEMANTICS.md §12.3). */
  List<Segment> segments(Commit commit, Object[] start, Object[] stop, Closed closed) {
    if (commit == null) {
      return List.of();
    }
    List<Segment> out = new ArrayList<>();
    for (SegmentRange r : commit.ranges(label, start, stop, closed)) {
      out.add(new Segment(schema(), commit, r, collection.repo().objects(), Workers::run, Workers.threads(),
          Settings.get().verifyDigests()));
    }
    return out;
  }

  /** Casts a bound (possibly a prefix of the index) with the index dtypes; null or empty is unbounded. */
  Object[] bound(Object[] values) {
    if (values == null || values.length == 0) {
      return null;
    }
    List<ColumnDefinition> index = schema().index();
    ValidationException.check(values.length <= index.size(),
        "Cannot use bound %s: the index of collection \"%s\" has %d columns", java.util.Arrays.toString(values),
        collection.label(), index.size());
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Casts.value(index.get(i), values[i]);
    }
    return out;
  }

  /** Casts a write bound, which must be a full index tuple (a scalar for one-column indexes); null stays null. */
  Object[] fullBound(Object[] values) {
    if (values == null || values.length == 0) {
      return null;
    }
    int n = schema().index().size();
    ValidationException.check(values.length == n,
        "Cannot use write bound %s: expected %d values, one per index column", java.util.Arrays.toString(values), n);
    return bound(values);
  }

  /** A write with explicit bounds, closed flag or root, configured then run. */
  public SeriesWriter writer() {
    return new SeriesWriter(this);
  }

  /** Writes a frame given as columns (SEMANTICS.md §10.1), bounds taken from its first and last rows. */
  public List<Revision> write(Map<String, ?> columns) {
    return write(frameOf(columns), null, null, Closed.BOTH, false);
  }

  /** Writes a frame (SEMANTICS.md §10.1), bounds taken from its first and last rows. */
  public List<Revision> write(Frame frame) {
    return write(frame, null, null, Closed.BOTH, false);
  }

  /** Writes a frame with explicit bounds (full index tuples; null for the frame's first or last row). */
  public List<Revision> write(Frame frame, Object[] start, Object[] stop, Closed closed) {
    return write(frame, start, stop, closed, false);
  }

  /**
   * Writes {@code frame}: replaces everything of this series inside {@code [start, stop]} (the closed flag decides
   * whether rows exactly at the bounds are replaced) and keeps everything outside. Rows of the frame outside the
   * bounds are stored but invisible. Data files are written before the revision. Inside a batch
   * ({@link Collection#multi()}) the frame is validated, the row queued and its data files written (large frames:
   * on a worker, by the time the batch commits, see {@link Batch}); nothing is returned.
   *
   * @param start explicit start bound (a full index tuple), or null for the frame's first row
   * @param stop explicit stop bound, or null for the frame's last row
   * @param root commit on a new branch (parent {@code phi}) instead of the leaf
   * @return the revisions written: none when the result equals the leaf's content (a double write)
   * @throws ValidationException for a missing column ({@code KeyError}), a value that cannot be cast, an unsorted
   *     frame ({@code Frame is not sorted!}), an empty frame without bounds or {@code start > stop}
   *     ({@code Invalid range}); the repository is then unchanged
   */
  public List<Revision> write(Frame frame, Object[] start, Object[] stop, Closed closed, boolean root) {
    WritePlan.Checked checked = WritePlan.check(this, frame, fullBound(start), fullBound(stop), closed);
    Batch batch = collection.activeBatch();
    if (batch != null) {
      // validated now; large writes are encoded and their files written on a worker while the caller goes on
      boolean background = checked.rows() >= WritePlan.PARALLEL_ROWS;
      WritePlan.Checked job = background ? checked.detached() : checked;
      io.lakota.object.ObjectStore objects = collection.repo().objects();
      batch.queue(Workers.async(() -> job.encode(objects), background));
      return List.of();
    }
    // the checks above are all the commit update makes of the row (its range): no invalid write leaves a file
    WritePlan plan = checked.encode(collection.repo().objects());
    return collection.commitChange(base -> base.update(plan.row(), plan.embedded()), root);
  }

  /**
   * One conditional write of {@code frame} on {@code head} with already-cast bounds (null: the frame's first or
   * last row), closed both, outside any batch: the data files, then one conditional commit.
   */
  io.lakota.version.CommitAttempt writeOn(Revision head, Frame frame, Object[] start, Object[] stop) {
    WritePlan plan = WritePlan.prepare(this, frame, start, stop, Closed.BOTH, collection.repo().objects());
    return collection.commitOnce(head, base -> base.update(plan.row(), plan.embedded()));
  }

  /**
   * Deletes the rows within {@code [start, stop]} (a write of an empty frame with those bounds, SEMANTICS.md §10.2).
   * Each bound is a scalar for a one-column index, or an {@code Object[]} tuple.
   */
  public List<Revision> delete(Object start, Object stop) {
    return delete(Tuples.of(start), Tuples.of(stop), Closed.BOTH);
  }

  /** Deletes the rows within {@code start … stop} under {@code closed}. */
  public List<Revision> delete(Object start, Object stop, Closed closed) {
    return delete(Tuples.of(start), Tuples.of(stop), closed);
  }

  /** Deletes the rows within {@code start … stop} under {@code closed} (full index tuples). */
  public List<Revision> delete(Object[] start, Object[] stop, Closed closed) {
    ValidationException.check(start != null && stop != null && start.length > 0 && stop.length > 0,
        "Cannot delete from series \"%s\": both bounds are required", label);
    return write(Frame.empty(schema(), null), start, stop, closed, false);
  }

  /**
   * Updates some value columns of existing rows and inserts new rows (SEMANTICS.md §10.3): {@code columns} holds
   * every index column and the updated columns; columns not given keep their values on existing rows and get
   * zero values ({@code ""} for {@code str}, else 0) on new rows.
   *
   * @throws ValidationException for an unknown or missing index column, an unsorted frame, or rows of the frame
   *     that do not line up with the existing index ({@code Update frame is not aligned with existing index})
   */
  public List<Revision> update(Map<String, ?> columns) {
    return PartialUpdate.apply(this, columns);
  }

  /** {@link #update(Map)} with the columns of a frame. */
  public List<Revision> update(Frame frame) {
    return PartialUpdate.apply(this, frame.toMap());
  }

  /**
   * The frame of a column map for a write: unknown columns are dropped (as the reference does) but named in the
   * error when a schema column is missing, which is what a misspelled column name leads to.
   */
  Frame frameOf(Map<String, ?> columns) {
    List<String> unknown = new ArrayList<>();
    for (String name : columns.keySet()) {
      if (!schema().has(name)) {
        unknown.add(name);
      }
    }
    for (ColumnDefinition c : schema().columns()) {
      if (!columns.containsKey(c.name())) {
        throw new ValidationException("KeyError: \"" + c.name() + "\"" + (unknown.isEmpty() ? ""
            : " (unknown columns given: \"" + String.join("\", \"", unknown) + "\")"));
      }
    }
    return new Frame(schema(), columns);
  }

  @Override
  public String toString() {
    return "<Series " + label + ">";
  }
}
