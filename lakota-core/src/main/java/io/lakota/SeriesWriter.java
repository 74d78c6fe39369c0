package io.lakota;

import io.lakota.format.Closed;
import io.lakota.version.Revision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of a series write (SEMANTICS.md §10.1): explicit bounds (full index tuples, or a scalar for a
 * one-column index), the closed flag (default {@link Closed#BOTH}) and {@code root}. A mutable builder bound to its
 * series, single-threaded:
 *
 * <pre>{@code
 * series.writer().start(5).closed(Closed.RIGHT).write(frame);   // replaces (5, last row of frame]
 * }</pre>
 */
public final class SeriesWriter {
  private final Series series;
  private Object[] start;
  private Object[] stop;
  private Closed closed = Closed.BOTH;
  private boolean root;

  SeriesWriter(Series series) {
    this.series = series;
  }

  /** The start bound (default: the frame's first row). */
  public SeriesWriter start(Object... values) {
    this.start = Tuples.of(values);
    return this;
  }

  /** The stop bound (default: the frame's last row). */
  public SeriesWriter stop(Object... values) {
    this.stop = Tuples.of(values);
    return this;
  }

  /** Whether rows exactly at the bounds are replaced (default {@link Closed#BOTH}). */
  public SeriesWriter closed(Closed value) {
    this.closed = Objects.requireNonNull(value, "closed");
    return this;
  }

  /** Commits on a new branch ({@code phi}) instead of the leaf: how concurrent writers are simulated. */
  public SeriesWriter root() {
    this.root = true;
    return this;
  }

  /** Writes the frame with these options; see {@link Series#write(Frame, Object[], Object[], Closed, boolean)}. */
  public List<Revision> write(Frame frame) {
    return series.write(frame, start, stop, closed, root);
  }

  /** Writes the columns with these options. */
  public List<Revision> write(Map<String, ?> columns) {
    return series.write(series.frameOf(columns), start, stop, closed, root);
  }

  /** Deletes the rows within the bounds (both required). */
  public List<Revision> delete() {
    return series.delete(start, stop, closed);
  }
}
