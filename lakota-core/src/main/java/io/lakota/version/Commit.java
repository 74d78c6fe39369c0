package io.lakota.version;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The decoded content of a revision (FORMAT.md §5, SEMANTICS.md §12): rows sorted by {@code (label, start)} that
 * never overlap, plus the encoded arrays embedded in the commit. Immutable: every operation returns a new commit.
 */
public final class Commit {
  private final Schema schema;
  private final List<Dtype> indexDtypes;
  private final List<CommitRow> rows;
  private final NavigableMap<String, byte[]> embedded;
  /**
   * True when every embedded array is known to be referenced by a row (a decoded commit, and the updates of one
   * that dropped no row), so that encoding need not look for arrays to leave out; false when unknown.
   */
  private final boolean embeddedReferenced;

  Commit(Schema schema, List<CommitRow> rows, Map<String, byte[]> embedded) {
    this(schema, new ArrayList<>(rows), new TreeMap<>(embedded), false);
  }

  /** A commit that owns {@code rows} and {@code embedded}: the caller built them for it and keeps no reference. */
  private Commit(Schema schema, ArrayList<CommitRow> rows, TreeMap<String, byte[]> embedded,
      boolean embeddedReferenced) {
    this.schema = schema;
    this.indexDtypes = schema.indexDtypes();
    this.rows = Collections.unmodifiableList(rows);
    this.embedded = Collections.unmodifiableNavigableMap(embedded);
    this.embeddedReferenced = embeddedReferenced;
  }

  /** A commit without rows. */
  public static Commit empty(Schema schema) {
    return new Commit(schema, List.of(), Map.of());
  }

  /** A one-row commit. */
  public static Commit one(Schema schema, CommitRow row, Map<String, byte[]> embedded) {
    checkRange(schema.indexDtypes(), row);
    return new Commit(schema, List.of(row), embedded);
  }

  /**
   * A commit from rows already in order; checks the ordering invariant (rows sorted by {@code (label, start)}, each
   * {@code (label, stop)} at most the next row's {@code (label, start)}).
   */
  public static Commit of(Schema schema, List<CommitRow> rows, Map<String, byte[]> embedded) {
    checkOrder(schema, rows);
    return new Commit(schema, rows, embedded);
  }

  /**
   * {@link #of} for a decoder that kept only the embedded arrays its rows reference (encoding then skips that
   * check).
   */
  static Commit ofReferenced(Schema schema, List<CommitRow> rows, Map<String, byte[]> embedded) {
    checkOrder(schema, rows);
    return new Commit(schema, new ArrayList<>(rows), new TreeMap<>(embedded), true);
  }

  /** {@link #of} over lists built for the new commit (an update's), which it takes without copying them. */
  private static Commit owned(Schema schema, ArrayList<CommitRow> rows, TreeMap<String, byte[]> embedded,
      boolean embeddedReferenced) {
    checkOrder(schema, rows);
    return new Commit(schema, rows, embedded, embeddedReferenced);
  }

  private static void checkOrder(Schema schema, List<CommitRow> rows) {
    checkOrder(schema.indexDtypes(), rows, 1, rows.size());
  }

  /** Checks that each row of {@code [from, to)} comes after the row before it. */
  private static void checkOrder(List<Dtype> dt, List<CommitRow> rows, int from, int to) {
    for (int i = from; i < to; i++) {
      CommitRow a = rows.get(i - 1);
      CommitRow b = rows.get(i);
      if (compareKeys(dt, a.label(), a.stopRef(), b.label(), b.startRef()) > 0) {
        throw new IllegalStateException("Cannot build commit: row " + a + " overlaps row " + b);
      }
    }
  }

  public Schema schema() {
    return schema;
  }

  /** The rows, in order. */
  public List<CommitRow> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  /**
   * The embedded arrays the rows reference, in key order: what a payload holds (an array no row references any more
   * is left out). All of them without a lookup when that is known by construction.
   */
  List<Map.Entry<String, byte[]>> referencedEmbedded() {
    if (embeddedReferenced) {
      return new ArrayList<>(embedded.entrySet());
    }
    Set<String> referenced = new HashSet<>();
    for (CommitRow r : rows) {
      referenced.addAll(Arrays.asList(r.digestsRef()));
    }
    List<Map.Entry<String, byte[]>> out = new ArrayList<>(Math.min(embedded.size(), referenced.size()));
    for (Map.Entry<String, byte[]> e : embedded.entrySet()) {
      if (referenced.contains(e.getKey())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The embedded encoded arrays by digest (keys sorted); values must not be modified. */
  public NavigableMap<String, byte[]> embedded() {
    return embedded;
  }

  /** The distinct labels, sorted by code point. */
  public List<String> labels() {
    Set<String> s = new TreeSet<>(Values::compareCodePoints);
    for (CommitRow r : rows) {
      s.add(r.label());
    }
    return new ArrayList<>(s);
  }

  /** The rows of one label, in order. */
  public List<CommitRow> rows(String label) {
    List<CommitRow> out = new ArrayList<>();
    for (CommitRow r : rows) {
      if (r.label().equals(label)) {
        out.add(r);
      }
    }
    return out;
  }

  /** This commit without the rows of the given labels (embedded arrays are pruned on encoding). */
  public Commit deleteLabels(Set<String> labels) {
    List<CommitRow> keep = new ArrayList<>();
    for (CommitRow r : rows) {
      if (!labels.contains(r.label())) {
        keep.add(r);
      }
    }
    return new Commit(schema, keep, embedded);
  }

  /** The embedded arrays merged with {@code more}. */
  private static TreeMap<String, byte[]> union(Map<String, byte[]> a, Map<String, byte[]> b) {
    TreeMap<String, byte[]> m = new TreeMap<>(a);
    m.putAll(b);
    return m;
  }

  /**
   * A new commit in which {@code row} replaces whatever its label had inside {@code [start, stop]} under the row's
   * closed flag, and keeps everything outside (SEMANTICS.md §12.2).
   *
   * <p>Each existing row of the label that reaches the interval keeps its part before {@code start} and its part
   * after {@code stop}, truncated rows keeping their arrays and length. A kept part owns a bound point only if the
   * row owned it and the new row does not; a part reduced to one point survives only as {@code [x -> x (b)]}.
   * This gives the reference's rows whenever the reference is right, and differs where it loses data: the
   * reference cuts only the row ending at {@code start} (or starting at {@code stop}) and drops the row that
   * starts at {@code start} (ends at {@code stop}) even when the new row leaves that point to it, and it gives the
   * cut row the bound point even when that row had hidden it (stale values reappear); a write of {@code (x, x)}
   * makes both halves of a split row show {@code x}. It also decides whether a degenerate right-hand row
   * survives from the wrong row's flag (§20 bug 3).
   */
  public Commit update(CommitRow row, Map<String, byte[]> newEmbedded) {
    checkRange(indexDtypes, row);
    int n = rows.size();
    if (n == 0) {
      return new Commit(schema, new ArrayList<>(List.of(row)), new TreeMap<>(newEmbedded),
          references(row, newEmbedded));
    }
    TreeMap<String, byte[]> emb = union(embedded, newEmbedded);
    ArrayList<CommitRow> out = new ArrayList<>(n + 2);
    out.addAll(rows);
    int[] spliced = splice(out, row);
    // the rows outside the splice were in order already: only the new rows and their neighbours need checking
    checkOrder(indexDtypes, out, Math.max(1, spliced[0]), Math.min(out.size(), spliced[1] + 1));
    return new Commit(schema, out, emb, embeddedReferenced && spliced[2] == 0 && references(row, newEmbedded));
  }

  /** True if every array of {@code embedded} is one of {@code row}'s. */
  private static boolean references(CommitRow row, Map<String, byte[]> embedded) {
    for (String digest : embedded.keySet()) {
      boolean found = false;
      for (String d : row.digestsRef()) {
        found |= d.equals(digest);
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * The commit that successive {@link #update} calls with {@code rows.get(i)} and {@code embedded.get(i)} give, in
   * one pass: the rows are spliced into one working list and the embedded maps merged once, instead of a new commit
   * (rows copied, order checked, embedded map rebuilt) per row, which made a batch of n series cost O(n²).
   *
   * @param embedded the embedded arrays of each row, same size as {@code rows}
   */
  public Commit updateAll(List<CommitRow> rows, List<Map<String, byte[]>> embedded) {
    if (rows.size() != embedded.size()) {
      throw new IllegalArgumentException("updateAll needs one embedded map per row, got " + rows.size() + " rows and "
          + embedded.size() + " maps");
    }
    if (rows.isEmpty()) {
      return this;
    }
    ArrayList<CommitRow> out = new ArrayList<>(this.rows.size() + 2 * rows.size());
    out.addAll(this.rows);
    TreeMap<String, byte[]> emb = new TreeMap<>(this.embedded);
    boolean referenced = embeddedReferenced;
    for (int i = 0; i < rows.size(); i++) {
      CommitRow row = rows.get(i);
      checkRange(indexDtypes, row);
      if (out.isEmpty()) {
        // as update on an empty commit: the new row's arrays only
        emb = new TreeMap<>(embedded.get(i));
        out.add(row);
        referenced = references(row, embedded.get(i));
      } else {
        emb.putAll(embedded.get(i));
        referenced &= splice(out, row)[2] == 0 && references(row, embedded.get(i));
      }
    }
    return owned(schema, out, emb, referenced);
  }

  /**
   * Replaces, in the sorted rows {@code out}, what {@code row}'s label has inside its interval by {@code row}.
   *
   * @return the positions {@code [from, to)} of the rows put in, and 1 if a row was dropped whole (its arrays may
   *     no longer be referenced), else 0
   */
  private int[] splice(List<CommitRow> out, CommitRow row) {
    List<CommitRow> rows = out;
    int n = rows.size();
    String label = row.label();
    Object[] start = row.startRef();
    Object[] stop = row.stopRef();
    Closed closed = row.closed();
    if (closed == Closed.NONE && Values.compareTuples(indexDtypes, start, stop) == 0) {
      // (x, x) replaces nothing: the point x must stay with exactly one of the two parts of a row split at x
      closed = Closed.RIGHT;
    }
    // rows before `first` end before (label, start); rows from `last` on start after (label, stop)
    int first = 0;
    int hi = n;
    while (first < hi) {
      int mid = (first + hi) >>> 1;
      CommitRow r = rows.get(mid);
      if (compareKeys(indexDtypes, r.label(), r.stopRef(), label, start) < 0) {
        first = mid + 1;
      } else {
        hi = mid;
      }
    }
    int last = first;
    hi = n;
    while (last < hi) {
      int mid = (last + hi) >>> 1;
      CommitRow r = rows.get(mid);
      if (compareKeys(indexDtypes, r.label(), r.startRef(), label, stop) <= 0) {
        last = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<CommitRow> replacement = new ArrayList<>(3);
    List<CommitRow> after = new ArrayList<>(2);
    int dropped = 0;
    // rows in [first, last) have this label and touch or overlap [start, stop]
    for (CommitRow r : rows.subList(first, last)) {
      CommitRow before = leftPart(r, start, closed);
      if (before != null) {
        replacement.add(before);
      }
      CommitRow behind = rightPart(r, stop, closed);
      if (behind != null) {
        after.add(behind);
      }
      if (before == null && behind == null) {
        dropped = 1;
      }
    }
    replacement.add(row);
    replacement.addAll(after);
    List<CommitRow> replaced = rows.subList(first, last);
    replaced.clear();
    replaced.addAll(replacement);
    return new int[] {first, first + replacement.size(), dropped};
  }

  /** The part of {@code r} before {@code start} (with {@code start} itself unless the new row owns it), or null. */
  private CommitRow leftPart(CommitRow r, Object[] start, Closed closed) {
    int c = Values.compareTuples(indexDtypes, r.startRef(), start);
    if (c > 0) {
      return null;
    }
    int e = Values.compareTuples(indexDtypes, r.stopRef(), start);
    if (e < 0) {
      return r;
    }
    boolean ownsStart = e == 0 ? r.closed().right() && !closed.left() : !closed.left();
    CommitRow cut = r.withRange(r.startRef(), start, r.closed().setRight(ownsStart));
    return c == 0 && cut.closed() != Closed.BOTH ? null : cut;
  }

  /** The part of {@code r} after {@code stop} (with {@code stop} itself unless the new row owns it), or null. */
  private CommitRow rightPart(CommitRow r, Object[] stop, Closed closed) {
    int e = Values.compareTuples(indexDtypes, r.stopRef(), stop);
    if (e < 0) {
      return null;
    }
    int c = Values.compareTuples(indexDtypes, r.startRef(), stop);
    if (c > 0) {
      return r;
    }
    boolean ownsStop = c == 0 ? r.closed().left() && !closed.right() : !closed.right();
    CommitRow cut = r.withRange(stop, r.stopRef(), r.closed().setLeft(ownsStop));
    return e == 0 && cut.closed() != Closed.BOTH ? null : cut;
  }

  private static void checkRange(List<Dtype> dtypes, CommitRow row) {
    if (Values.compareTuples(dtypes, row.startRef(), row.stopRef()) > 0) {
      throw new ValidationException(
          "Invalid range " + Bounds.text(row.startRef()) + " -> " + Bounds.text(row.stopRef()));
    }
  }

  /** Compares {@code (labelA, tupleA)} with {@code (labelB, tupleB)}: label by code point, then the tuples. */
  static int compareKeys(List<Dtype> dtypes, String labelA, Object[] a, String labelB, Object[] b) {
    int c = Values.compareCodePoints(labelA, labelB);
    return c != 0 ? c : Values.compareTuples(dtypes, a, b);
  }

  /**
   * The visible ranges of {@code label}'s rows within {@code [start, stop]} under {@code closed}
   * (SEMANTICS.md §12.3). Null or empty bounds are unbounded; bounds may be prefixes of the index.
   */
  public List<SegmentRange> ranges(String label, Object[] start, Object[] stop, Closed closed) {
    boolean hasStart = start != null && start.length > 0;
    boolean hasStop = stop != null && stop.length > 0;
    List<SegmentRange> out = new ArrayList<>();
    for (CommitRow row : rows) {
      if (!row.label().equals(label)) {
        continue;
      }
      Object[] aStart = row.startRef();
      Object[] aStop = row.stopRef();
      Closed aClosed = row.closed();
      if (hasStart) {
        int cStop = Values.compareTuples(indexDtypes, start, aStop);
        if (cStop > 0 || (!aClosed.right() && cStop == 0)) {
          continue;
        }
        int cStart = Values.compareTuples(indexDtypes, start, aStart);
        if (cStart > 0) {
          aClosed = aClosed.setLeft(closed.left());
          aStart = start;
        } else if (cStart == 0 && aClosed.left()) {
          aClosed = aClosed.setLeft(closed.left());
        }
      }
      if (hasStop) {
        int cStart = Values.compareTuples(indexDtypes, stop, aStart);
        if (cStart < 0 || (!aClosed.left() && cStart == 0)) {
          continue;
        }
        int cStop = Values.compareTuples(indexDtypes, stop, aStop);
        if (cStop < 0) {
          aClosed = aClosed.setRight(closed.right());
          aStop = stop;
        } else if (cStop == 0 && aClosed.right()) {
          aClosed = aClosed.setRight(closed.right());
        }
      }
      out.add(new SegmentRange(row, aStart, aStop, aClosed));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Commit)) {
      return false;
    }
    Commit c = (Commit) o;
    if (!schema.equals(c.schema) || !rows.equals(c.rows) || !embedded.keySet().equals(c.embedded.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : embedded.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), c.embedded.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "Commit" + rows;
  }
}
