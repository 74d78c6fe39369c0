package io.lakota.version;

import io.lakota.format.Closed;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a commit (FORMAT.md §5.1): the segment of series {@code label} covering {@code start … stop} under
 * {@code closed}, made of the arrays named by {@code digests} (one per schema column, schema order) of
 * {@code length} elements. Start and stop are index tuples of boxed values ({@code Long} for datetimes and 64-bit
 * integers, {@code Double}, {@code String}, …). Immutable.
 */
public final class CommitRow {
  private final String label;
  private final Object[] start;
  private final Object[] stop;
  private final String[] digests;
  private final long length;
  private final Closed closed;

  public CommitRow(String label, Object[] start, Object[] stop, String[] digests, long length, Closed closed) {
    this.label = Objects.requireNonNull(label, "label");
    this.start = start.clone();
    this.stop = stop.clone();
    this.digests = digests.clone();
    this.length = length;
    this.closed = Objects.requireNonNull(closed, "closed");
  }

  public String label() {
    return label;
  }

  /** The start tuple (a copy). */
  public Object[] start() {
    return start.clone();
  }

  /** The stop tuple (a copy). */
  public Object[] stop() {
    return stop.clone();
  }

  Object[] startRef() {
    return start;
  }

  Object[] stopRef() {
    return stop;
  }

  String[] digestsRef() {
    return digests;
  }

  /** The digests of the row's arrays, one per schema column (a copy). */
  public String[] digests() {
    return digests.clone();
  }

  /** The digest of column number {@code column} (schema order). */
  public String digest(int column) {
    return digests[column];
  }

  /** The length of the underlying arrays (not of the visible slice). */
  public long length() {
    return length;
  }

  public Closed closed() {
    return closed;
  }

  /** This row with other bounds and flag (same label, digests and length). */
  public CommitRow withRange(Object[] newStart, Object[] newStop, Closed newClosed) {
    return new CommitRow(label, newStart, newStop, digests, length, newClosed);
  }

  /** This row under another label. */
  public CommitRow withLabel(String newLabel) {
    return new CommitRow(newLabel, start, stop, digests, length, closed);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CommitRow)) {
      return false;
    }
    CommitRow r = (CommitRow) o;
    return label.equals(r.label)
        && Arrays.equals(start, r.start)
        && Arrays.equals(stop, r.stop)
        && Arrays.equals(digests, r.digests)
        && length == r.length
        && closed == r.closed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, Arrays.hashCode(start), Arrays.hashCode(stop), Arrays.hashCode(digests), length, closed);
  }

  @Override
  public String toString() {
    return label + "[" + Arrays.toString(start) + " -> " + Arrays.toString(stop) + " (" + closed.letter() + "), "
        + length + "]";
  }
}
