package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.ColumnCodec;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Schema;
import io.lakota.version.Commit;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import io.lakota.version.Segment;
import io.lakota.version.SegmentRange;
import io.lakota.id.RevisionName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a collection (SEMANTICS.md §10): a view on the rows of its label in the collection's leaf commit.
 * A cheap handle; a series exists iff its label has rows in the leaf commit.
 *
 * <p>Thread-safety follows the collection handle: concurrent reads are safe; writes through one handle are
 * serialized by the changelog's write-once files.
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

  /** A read of this series, to be configured then run with {@link Query#frame()}. */
  public Query query() {
    return new Query(this);
  }

  /** The whole series, as of the leaf revision. */
  public Frame frame() {
    return query().frame();
  }

  /** True if the leaf commit has rows for this label. */
  public boolean exists() {
    return collection.ls().contains(label);
  }

  /** The number of visible rows. */
  public long length() {
    long n = 0;
    for (Segment s : segments(query())) {
      n += s.length();
    }
    return n;
  }

  /** The segments a query reads (exposed for tests and tools). */
  public List<Segment> segments(Query q) {
    Revision leaf = collection.changelog().leaf(q.before);
    if (leaf == null) {
      return List.of();
    }
    Commit commit = collection.commit(leaf);
    List<Segment> out = new ArrayList<>();
    Object[] start = bound(q.start);
    Object[] stop = bound(q.stop);
    for (SegmentRange r : commit.ranges(label, start, stop, q.closed)) {
      out.add(new Segment(schema(), commit, r, collection.repo().objects()));
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
        "Cannot use bound of %d values: the index has %d columns", values.length, index.size());
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Casts.value(index.get(i), values[i]);
    }
    return out;
  }

  Frame read(Query q) {
    List<String> cols = q.select == null || q.select.isEmpty() ? schema().names() : q.select;
    for (String c : cols) {
      schema().column(c);
    }
    long a = q.offset == null ? 0 : q.offset;
    Long b = q.limit == null ? null : a + q.limit;
    List<Frame> frames = new ArrayList<>();
    for (Segment sgm : segments(q)) {
      if (b != null && b == 0) {
        break;
      }
      int len = sgm.length();
      if (a >= len) {
        a -= len;
        if (b != null) {
          b = Math.max(b - len, 0);
        }
        continue;
      }
      int hi = b == null ? len : (int) Math.min(b, len);
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : cols) {
        m.put(c, sgm.column(c, (int) a, hi));
      }
      frames.add(new Frame(schema(), m));
      a = Math.max(a - len, 0);
      if (b != null) {
        b = Math.max(b - len, 0);
      }
    }
    return frames.isEmpty() ? Frame.empty(schema(), cols) : Frame.concat(frames);
  }

  Frame tail(Query q, int length) {
    ValidationException.check(length > 0, "length argument must be > 0");
    List<String> cols = q.select == null || q.select.isEmpty() ? schema().names() : q.select;
    List<Segment> segs = segments(q);
    List<Frame> frames = new ArrayList<>();
    int missing = length;
    for (int i = segs.size() - 1; i >= 0 && missing > 0; i--) {
      Segment s = segs.get(i);
      int len = s.length();
      int from = Math.max(0, len - missing);
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : cols) {
        m.put(c, s.column(c, from, len));
      }
      frames.add(0, new Frame(schema(), m));
      missing -= len - from;
    }
    Frame f = frames.isEmpty() ? Frame.empty(schema(), null) : Frame.concat(frames);
    if (q.limit != null || q.offset != null) {
      int off = q.offset == null ? 0 : (int) Math.min(q.offset, f.length());
      int end = q.limit == null ? f.length() : (int) Math.min((long) off + q.limit, f.length());
      f = f.slice(off, end);
    }
    return f;
  }

  /** Writes a frame given as columns (SEMANTICS.md §10.1), bounds taken from its first and last rows. */
  public List<Revision> write(Map<String, ?> columns) {
    return write(new Frame(schema(), columns), null, null, Closed.BOTH, false);
  }

  /** Writes a frame (SEMANTICS.md §10.1), bounds taken from its first and last rows. */
  public List<Revision> write(Frame frame) {
    return write(frame, null, null, Closed.BOTH, false);
  }

  /**
   * Writes {@code frame}: replaces everything of this series inside {@code [start, stop]} (the closed flag decides
   * whether rows exactly at the bounds are replaced) and keeps everything outside. Data files are written before
   * the revision. Returns the revisions written: none when the data equals what is already there.
   *
   * @param start explicit start bound (full index tuple), or null for the frame's first row
   * @param stop explicit stop bound, or null for the frame's last row
   * @param root commit on a new branch instead of the leaf
   * @throws ValidationException for a missing column, an unsorted frame, an empty frame without bounds or
   *     {@code start > stop}; the repository is then unchanged
   */
  public List<Revision> write(Frame frame, Object[] start, Object[] stop, Closed closed, boolean root) {
    Schema schema = schema();
    if (!frame.schema().equals(schema)) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : frame.columns()) {
        m.put(c, frame.column(c));
      }
      frame = new Frame(schema, m);
    }
    for (ColumnDefinition c : schema.columns()) {
      if (!frame.has(c.name())) {
        throw new ValidationException("KeyError: \"" + c.name() + "\"");
      }
    }
    if (!frame.isSorted()) {
      throw new ValidationException("Frame is not sorted!");
    }
    Object[] s = start == null || start.length == 0 ? null : fullBound(start);
    Object[] e = stop == null || stop.length == 0 ? null : fullBound(stop);
    if ((s == null || e == null) && frame.isEmpty()) {
      throw new ValidationException("Cannot write an empty frame without bounds");
    }
    if (s == null) {
      s = frame.start();
    }
    if (e == null) {
      e = frame.stop();
    }
    int embedMax = Settings.get().embedMaxSize();
    String[] digests = new String[schema.columns().size()];
    Map<String, byte[]> embedded = new TreeMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < digests.length; i++) {
      ColumnDefinition c = schema.columns().get(i);
      ColumnCodec.Encoded enc = ColumnCodec.of(c).encodeWithDigest(frame.column(c.name()));
      digests[i] = enc.digest();
      if (enc.bytes().length < embedMax) {
        embedded.put(enc.digest(), enc.bytes());
      } else {
        files.put(enc.digest(), enc.bytes());
      }
    }
    CommitRow row = new CommitRow(label, s, e, digests, frame.length(), closed);
    Revision leaf = root ? null : collection.changelog().leaf();
    Commit base = leaf == null ? null : collection.commit(leaf);
    // validate the range (and anything else update checks) before any file is written
    Commit next = base == null ? Commit.one(schema, row, embedded) : base.update(row, embedded);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      collection.repo().objects().write(f.getKey(), f.getValue());
    }
    return collection.commit(next, leaf == null ? RevisionName.PHI : leaf.child());
  }

  /** Deletes the rows inside {@code [start, stop]} (a write of an empty frame with those bounds). */
  public List<Revision> delete(Object[] start, Object[] stop, Closed closed) {
    return write(Frame.empty(schema(), null), start, stop, closed, false);
  }

  Object[] fullBound(Object[] values) {
    int n = schema().index().size();
    ValidationException.check(values.length == n,
        "Cannot use write bound %s: expected %d values, one per index column", java.util.Arrays.toString(values), n);
    return bound(values);
  }

  @Override
  public String toString() {
    return "<Series " + label + ">";
  }
}
