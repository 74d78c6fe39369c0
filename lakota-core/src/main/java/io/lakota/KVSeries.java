package io.lakota;

import io.lakota.format.Closed;
import io.lakota.format.Values;
import io.lakota.format.Dtype;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.List;

/**
 * A series of a key/value collection (SEMANTICS.md §10.8): a write without bounds upserts by index key (new
 * values win, keys absent from the write survive); {@link #deleteKeys} removes keys. The registry is one.
 */
public final class KVSeries extends Series {

  KVSeries(Collection collection, String label) {
    super(collection, label);
  }

  @Override
  public List<Revision> write(Frame frame, Object[] start, Object[] stop, Closed closed, boolean root) {
    if (root || (start != null && start.length > 0) || (stop != null && stop.length > 0)) {
      return super.write(frame, start, stop, Closed.BOTH, root);
    }
    Frame f = new Frame(schema(), columnsOf(frame)).sorted();
    if (f.isEmpty()) {
      return super.write(f, null, null, Closed.BOTH, false);
    }
    Frame db = query().start(f.start()).stop(f.stop()).closed(Closed.BOTH).frame();
    if (db.isEmpty()) {
      return super.write(f, null, null, Closed.BOTH, false);
    }
    if (db.equals(f)) {
      return List.of();
    }
    Frame both = Frame.concat(List.of(f, db)).sorted();
    // keep the first row of each run of equal keys: the stable sort puts the new value first
    List<Dtype> dtypes = schema().indexDtypes();
    List<Integer> keep = new ArrayList<>();
    Object[] previous = null;
    for (int i = 0; i < both.length(); i++) {
      Object[] key = both.indexTuple(i);
      if (previous == null || Values.compareTuples(dtypes, previous, key) != 0) {
        keep.add(i);
        previous = key;
      }
    }
    int[] pos = keep.stream().mapToInt(Integer::intValue).toArray();
    return super.write(both.take(pos), null, null, Closed.BOTH, false);
  }

  /**
   * Deletes the rows whose index equals one of {@code keys} (each an index tuple). Rows between the smallest and
   * largest key that are not deleted are rewritten unchanged.
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
    Object[] lo = cast.get(0);
    Object[] hi = cast.get(0);
    for (Object[] k : cast) {
      if (Values.compareTuples(dtypes, k, lo) < 0) {
        lo = k;
      }
      if (Values.compareTuples(dtypes, k, hi) > 0) {
        hi = k;
      }
    }
    Frame db = query().start(lo).stop(hi).closed(Closed.BOTH).frame();
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < db.length(); i++) {
      Object[] key = db.indexTuple(i);
      boolean deleted = false;
      for (Object[] k : cast) {
        if (Values.compareTuples(dtypes, k, key) == 0) {
          deleted = true;
          break;
        }
      }
      if (!deleted) {
        keep.add(i);
      }
    }
    Frame rest = db.take(keep.stream().mapToInt(Integer::intValue).toArray());
    return super.write(rest, lo, hi, Closed.BOTH, false);
  }

  private static java.util.Map<String, Object> columnsOf(Frame frame) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (String c : frame.columns()) {
      m.put(c, frame.column(c));
    }
    return m;
  }

  @Override
  public String toString() {
    return "<KVSeries " + label + ">";
  }
}
