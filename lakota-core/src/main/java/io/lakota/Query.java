package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.id.Hextime;
import io.lakota.version.Revision;
import io.lakota.version.Segment;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The options of a series read (SEMANTICS.md §10.4): bounds (possibly prefixes of the index, cast with the index
 * dtypes), {@code closed} (default {@link Closed#LEFT}: {@code [start, stop)}), time travel ({@code before} a time,
 * or {@code at} a revision), {@code limit}, {@code offset} and {@code select}; then run as {@link #frame()},
 * {@link #tail(int)}, {@link #paginate(int)} or {@link #length()}.
 *
 * <pre>{@code
 * Frame f = series.query().start("2020-06-23").stop("2020-06-25").closed(Closed.BOTH).frame();
 * Frame old = series.query().before(Instant.parse("2021-03-01T00:00:00Z")).frame();
 * for (Frame page : series.query().select("value").paginate(10_000)) { … }
 * }</pre>
 *
 * <p>A mutable builder bound to its series, single-threaded. Time travel never uses the JVM's default time zone: a
 * naive date-time needs an explicit zone ({@link #before(LocalDateTime, ZoneId)}).
 */
public final class Query {
  private final Series series;
  Object[] start;
  Object[] stop;
  Closed closed = Closed.LEFT;
  String before;
  Revision at;
  Long limit;
  Long offset;
  List<String> select;

  Query(Series series) {
    this.series = series;
  }

  /**
   * The start bound: one value per index column, or fewer (a prefix); values are cast with the index dtypes
   * (strings, numbers, {@code java.time} values). No value, or null, means unbounded.
   */
  public Query start(Object... values) {
    this.start = Tuples.of(values);
    return this;
  }

  /** The stop bound: one value per index column, or fewer (a prefix). No value, or null, means unbounded. */
  public Query stop(Object... values) {
    this.stop = Tuples.of(values);
    return this;
  }

  /** Which bounds are included (default {@link Closed#LEFT}). */
  public Query closed(Closed value) {
    this.closed = java.util.Objects.requireNonNull(value, "closed");
    return this;
  }

  /**
   * Reads the series as it was before {@code time}: the last revision (in changelog order) whose epoch is strictly
   * earlier. {@code time} is an 11-hex epoch (a revision's {@link Revision#epoch()}) or an ISO-8601 date-time
   * with an offset ({@code 2021-03-01T10:00:00Z}, {@code 2021-03-01T11:00:00+01:00}).
   *
   * @throws ValidationException for anything else, naive date-times included (their zone would be a guess)
   */
  public Query before(String time) {
    this.before = hextime(time);
    this.at = null;
    return this;
  }

  /** Reads the series as it was before {@code time} (millisecond precision). */
  public Query before(Instant time) {
    this.before = Hextime.of(time);
    this.at = null;
    return this;
  }

  /** Reads the series as it was before the naive date-time {@code time} in {@code zone}. */
  public Query before(LocalDateTime time, ZoneId zone) {
    return before(time.atZone(zone).toInstant());
  }

  /** Reads the series as {@code revision} (a revision of this series' collection) left it. */
  public Query at(Revision revision) {
    this.at = java.util.Objects.requireNonNull(revision, "revision");
    this.before = null;
    return this;
  }

  /** At most this many rows. */
  public Query limit(long value) {
    ValidationException.check(value >= 0, "Cannot read with limit %d: must be >= 0", value);
    this.limit = value;
    return this;
  }

  /** Skips this many rows first. */
  public Query offset(long value) {
    ValidationException.check(value >= 0, "Cannot read with offset %d: must be >= 0", value);
    this.offset = value;
    return this;
  }

  /** The columns to return, in this order (default: all, in schema order). */
  public Query select(String... columns) {
    this.select = Arrays.asList(columns);
    return this;
  }

  /** Runs the read. */
  public Frame frame() {
    return SegmentFrames.fromSegments(series.schema(), segments(), limit, offset, select);
  }

  /** The last {@code length} rows of the range (then {@code offset} / {@code limit} within them). */
  public Frame tail(int length) {
    return SegmentFrames.tail(series.schema(), segments(), length, limit, offset, select);
  }

  /**
   * The rows of the range as pages of about {@code step} rows (SEMANTICS.md §10.6). The revision is chosen once,
   * so every page reads the same snapshot; a page is extended over rows whose index equals its last row's, so no
   * row is skipped.
   *
   * @throws ValidationException {@code step argument must be > 0}
   */
  public Pages paginate(int step) {
    ValidationException.check(step > 0, "step argument must be > 0");
    return new Pages(series, this, step);
  }

  /** {@link #paginate(int)} with the {@link Settings#pageLen()} step. */
  public Pages paginate() {
    return paginate(Settings.get().pageLen());
  }

  /** The number of rows of the range (limit and offset ignored). */
  public long length() {
    long n = 0;
    for (Segment s : segments()) {
      n += s.length();
    }
    return n;
  }

  /** The segments this query reads (SEMANTICS.md §12.3), exposed for tests and tools. */
  public List<Segment> segments() {
    return series.segments(this);
  }

  static String hextime(String time) {
    if (time == null) {
      return null;
    }
    String t = time.strip();
    if (t.length() == 11 && io.lakota.id.Digests.isLowerHex(t, 0, 11)) {
      return t;
    }
    try {
      return Hextime.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeException e) {
      throw new ValidationException("Cannot read before \"" + time + "\": expected an 11-hex epoch or an ISO-8601 "
          + "date-time with an offset (use before(LocalDateTime, ZoneId) for a naive date-time)", e);
    }
  }
}
