package io.lakota.version;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.ColumnCodec;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Schema;
import io.lakota.id.HashedPath;
import io.lakota.object.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The visible part of one commit row for a query (SEMANTICS.md §12.3): reads the row's index arrays on first use,
 * locates the visible rows by bisection, and decodes other columns on demand, sliced the same way.
 *
 * <p>Not thread-safe: one reader uses it. Arrays are looked up in the commit's embedded map, then in the object
 * store (with its soft-delete fallback).
 */
public final class Segment {
  private final Schema schema;
  private final Commit commit;
  private final SegmentRange range;
  private final ObjectStore objects;
  private final Object[] decoded;
  private int from = -1;
  private int to;

  public Segment(Schema schema, Commit commit, SegmentRange range, ObjectStore objects) {
    this.schema = schema;
    this.commit = commit;
    this.range = range;
    this.objects = objects;
    this.decoded = new Object[schema.columns().size()];
  }

  public SegmentRange range() {
    return range;
  }

  /** The number of visible rows. */
  public int length() {
    locate();
    return to - from;
  }

  private void locate() {
    if (from >= 0) {
      return;
    }
    List<ColumnDefinition> index = schema.index();
    List<Object> arrays = new ArrayList<>(index.size());
    for (ColumnDefinition c : index) {
      arrays.add(full(c));
    }
    int n = (int) range.row().length();
    int[] ij = IndexSearch.slice(schema.indexDtypes(), arrays, n, range.startRef(), range.stopRef(), range.closed());
    from = ij[0];
    to = Math.max(ij[0], ij[1]);
  }

  /** The visible values of a column, as a column array. */
  public Object column(String name) {
    locate();
    return Columns.slice(full(schema.column(name)), from, to);
  }

  /** The visible values of a column restricted to visible positions {@code [a, b)}. */
  public Object column(String name, int a, int b) {
    locate();
    int lo = from + Math.max(0, Math.min(a, to - from));
    int hi = from + Math.max(0, Math.min(b, to - from));
    return Columns.slice(full(schema.column(name)), lo, Math.max(lo, hi));
  }

  private Object full(ColumnDefinition column) {
    int pos = schema.position(column.name());
    if (decoded[pos] != null) {
      return decoded[pos];
    }
    String digest = range.row().digest(pos);
    byte[] data = commit.embedded().get(digest);
    String location = "embedded array " + digest;
    if (data == null) {
      data = objects.read(digest);
      location = HashedPath.of(digest);
    }
    try {
      decoded[pos] = ColumnCodec.of(column).decode(data, 0, data.length, range.row().length(), digest);
      return decoded[pos];
    } catch (CorruptObjectException e) {
      throw e.at(location + " (column " + column.name() + ")");
    }
  }
}
