package io.lakota;

import io.lakota.format.Closed;
import java.util.Arrays;
import java.util.List;

/**
 * The options of a series read (SEMANTICS.md §10.4): bounds (possibly prefixes of the index, cast with the index
 * dtypes), {@code closed} (default {@link Closed#LEFT}: {@code [start, stop)}), {@code before} (time travel),
 * {@code limit}, {@code offset} and {@code select}. A mutable builder bound to its series, single-threaded:
 *
 * <pre>{@code
 * Frame f = series.query().start("2020-06-23").stop("2020-06-25").closed(Closed.BOTH).frame();
 * }</pre>
 */
public final class Query {
  private final Series series;
  Object[] start;
  Object[] stop;
  Closed closed = Closed.LEFT;
  String before;
  Long limit;
  Long offset;
  List<String> select;

  Query(Series series) {
    this.series = series;
  }

  /** The start bound: one value per index column, or fewer (a prefix). */
  public Query start(Object... values) {
    this.start = values;
    return this;
  }

  /** The stop bound: one value per index column, or fewer (a prefix). */
  public Query stop(Object... values) {
    this.stop = values;
    return this;
  }

  public Query closed(Closed value) {
    this.closed = value;
    return this;
  }

  /** Reads the repository as it was before this 11-hex epoch (a revision's {@code epoch()}). */
  public Query before(String hextime) {
    this.before = hextime;
    return this;
  }

  public Query limit(long value) {
    this.limit = value;
    return this;
  }

  public Query offset(long value) {
    this.offset = value;
    return this;
  }

  /** The columns to return, in this order. */
  public Query select(String... columns) {
    this.select = Arrays.asList(columns);
    return this;
  }

  /** Runs the read. */
  public Frame frame() {
    return series.read(this);
  }

  /** The last {@code length} rows of the range. */
  public Frame tail(int length) {
    return series.tail(this, length);
  }
}
