package io.lakota;

import io.lakota.format.Closed;
import io.lakota.format.Dtype;
import io.lakota.format.Values;
import io.lakota.storage.CommitResult;
import io.lakota.version.CommitAttempt;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A series of a key/value collection (SEMANTICS.md §10.8): a write without bounds upserts by index key (new values
 * win, keys absent from the write survive); {@link #deleteKeys} removes keys. The registry is one.
 *
 * <pre>{@code
 * kv.write(Map.of("category", new String[] {"a", "b"}, "value", new long[] {1, 2}));
 * kv.write(Map.of("category", new String[] {"b"}, "value", new long[] {20}));   // a → 1, b → 20
 * kv.deleteKeys("a");                                                            // b → 20
 * }</pre>
 */
public final class KVSeries extends Series {

  KVSeries(Collection collection, String label) {
    super(collection, label);
  }

  /**
   * Upserts {@code frame} when no bound is given and {@code root} is false: rows of the frame replace the rows with
   * the same key, other keys in the frame's range survive, and nothing is written when every key already has the
   * frame's values. With bounds or {@code root} it is a plain write (closed both).
   */
  @Override
  public List<Revision> write(Frame frame, Object[] start, Object[] stop, Closed closed, boolean root) {
    if (root || (start != null && start.length > 0) || (stop != null && stop.length > 0)) {
      return super.write(frame, start, stop, Closed.BOTH, root);
    }
    Frame f = new Frame(schema(), frame.toMap()).sorted();
    if (f.isEmpty()) {
      return super.write(f, null, null, Closed.BOTH, false);
    }
    if (collection().activeBatch() != null) {
      Frame g = upserted(f, collection().changelog().leaf());
      return g == null ? List.of() : super.write(g, null, null, Closed.BOTH, false);
    }
    // the rows kept around the new keys are read from the head each attempt commits on, so a concurrent upsert of
    // another key in the same range is never overwritten by a retry
    return collection().retry(head -> {
      Frame g = upserted(f, head);
      return g == null ? NOTHING : writeOn(head, g, null, null);
    });
  }

  private static final CommitAttempt NOTHING = new CommitAttempt(CommitResult.COMMITTED, List.of());

  /**
   * Writes the rows of {@code frame} whose key is absent from the head each attempt commits on (an insert, not an
   * upsert): for a key that is present {@code present} is called (it may throw, which aborts the write) and the row
   * is skipped. Outside batches only.
   *
   * @return the revisions written (none when every key was present)
   */
  List<Revision> insertAbsent(Frame frame, java.util.function.Consumer<Object[]> present) {
    Frame f = new Frame(schema(), frame.toMap()).sorted();
    List<Dtype> dtypes = schema().indexDtypes();
    return collection().retry(head -> {
      Frame db = f.isEmpty() ? f : read(head, f.start(), f.stop());
      int[] keep = new int[f.length()];
      int n = 0;
      for (int i = 0; i < f.length(); i++) {
        Object[] key = f.indexTuple(i);
        boolean found = false;
        for (int j = 0; j < db.length() && !found; j++) {
          found = Values.compareTuples(dtypes, key, db.indexTuple(j)) == 0;
        }
        if (found) {
          present.accept(key);
        } else {
          keep[n++] = i;
        }
      }
      if (n == 0) {
        return NOTHING;
      }
      Frame g = upserted(f.take(java.util.Arrays.copyOf(keep, n)), head);
      return g == null ? NOTHING : writeOn(head, g, null, null);
    });
  }

  /** The frame an upsert of {@code f} writes on {@code head}: {@code f} plus the other keys of its range; or null. */
  private Frame upserted(Frame f, Revision head) {
    Frame db = read(head, f.start(), f.stop());
    if (db.isEmpty()) {
      return f;
    }
    if (db.equals(f)) {
      return null;
    }
    Frame both = Frame.concat(f, db).sorted();
    // keep the first row of each run of equal keys: the stable sort puts the new value first
    List<Dtype> dtypes = schema().indexDtypes();
    int[] keep = new int[both.length()];
    int n = 0;
    Object[] previous = null;
    for (int i = 0; i < both.length(); i++) {
      Object[] key = both.indexTuple(i);
      if (previous == null || Values.compareTuples(dtypes, previous, key) != 0) {
        keep[n++] = i;
        previous = key;
      }
    }
    return both.take(java.util.Arrays.copyOf(keep, n));
  }

  /** The rows of {@code [lo, hi]} (closed both) as {@code head} left them; empty without head. */
  private Frame read(Revision head, Object[] lo, Object[] hi) {
    if (head == null) {
      return Frame.empty(schema(), null);
    }
    return query().at(head).start(lo).stop(hi).closed(Closed.BOTH).frame();
  }

  /**
   * Deletes the rows whose index equals one of {@code keys}, each a scalar for a one-column index (for compound
   * keys use {@link #deleteKeys(List)}). Rows between the smallest and largest key that are not deleted are
   * rewritten unchanged.
   */
  public List<Revision> deleteKeys(Object... keys) {
    List<Object[]> tuples = new ArrayList<>();
    for (Object k : keys) {
      tuples.add(Tuples.of(k));
    }
    return deleteKeys(tuples);
  }

  /**
   * Deletes the rows whose index equals one of {@code keys} (each a full index tuple) with one write: the rows in
   * {@code [min(keys), max(keys)]} minus the deleted ones, with those bounds. No key writes nothing.
   */
  public List<Revision> deleteKeys(List<Object[]> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<Dtype> dtypes = schema().indexDtypes();
    List<Object[]> cast = new ArrayList<>();
    for (Object[] k : keys) {
      cast.add(fullBound(k));
    }
    Comparator<Object[]> order = (a, b) -> Values.compareTuples(dtypes, a, b);
    cast.sort(order);
    Object[] lo = cast.get(0);
    Object[] hi = cast.get(cast.size() - 1);
    if (collection().activeBatch() != null) {
      return super.write(kept(read(collection().changelog().leaf(), lo, hi), cast, order), lo, hi, Closed.BOTH,
          false);
    }
    return collection().retry(head -> writeOn(head, kept(read(head, lo, hi), cast, order), lo, hi));
  }

  private static Frame kept(Frame db, List<Object[]> deleted, Comparator<Object[]> order) {
    int[] keep = new int[db.length()];
    int n = 0;
    for (int i = 0; i < db.length(); i++) {
      if (java.util.Collections.binarySearch(deleted, db.indexTuple(i), order) < 0) {
        keep[n++] = i;
      }
    }
    return db.take(java.util.Arrays.copyOf(keep, n));
  }

  @Override
  public String toString() {
    return "<KVSeries " + label + ">";
  }
}
