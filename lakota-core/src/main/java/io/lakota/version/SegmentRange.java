package io.lakota.version;

import io.lakota.format.Closed;

/**
 * A commit row restricted to a query range (SEMANTICS.md §12.3): the row's arrays are read and the rows whose index
 * lies in {@code start … stop} under {@code closed} are visible. Bounds may be prefixes of the index. Immutable.
 */
public final class SegmentRange {
  private final CommitRow row;
  private final Object[] start;
  private final Object[] stop;
  private final Closed closed;

  SegmentRange(CommitRow row, Object[] start, Object[] stop, Closed closed) {
    this.row = row;
    this.start = start;
    this.stop = stop;
    this.closed = closed;
  }

  public CommitRow row() {
    return row;
  }

  /** The effective start bound (a copy). */
  public Object[] start() {
    return start.clone();
  }

  /** The effective stop bound (a copy). */
  public Object[] stop() {
    return stop.clone();
  }

  Object[] startRef() {
    return start;
  }

  Object[] stopRef() {
    return stop;
  }

  public Closed closed() {
    return closed;
  }

  @Override
  public String toString() {
    return row.label() + "[" + Bounds.text(start) + " -> " + Bounds.text(stop) + " (" + closed.letter() + ")]";
  }
}
